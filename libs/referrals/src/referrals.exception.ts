import { ApiErrorCode, libException } from '@albergue/common';

export enum ReferralsExceptionCode {
  SERVICE_NOT_FOUND = 'SERVICE_NOT_FOUND',
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
  SUBJECT_NOT_HERE = 'SUBJECT_NOT_HERE',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  OUTCOME_REQUIRED = 'OUTCOME_REQUIRED',
  CAPACITY_OVERRIDE_REQUIRED = 'CAPACITY_OVERRIDE_REQUIRED',
  SERVICE_INACTIVE = 'SERVICE_INACTIVE',
  STALE_REFERRAL = 'STALE_REFERRAL',
  PERIOD_INVALID = 'PERIOD_INVALID',
}

function apiCode(code: ReferralsExceptionCode): ApiErrorCode {
  switch (code) {
    case ReferralsExceptionCode.SERVICE_NOT_FOUND:
    case ReferralsExceptionCode.REFERRAL_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ReferralsExceptionCode.SUBJECT_NOT_HERE:
    case ReferralsExceptionCode.CONSENT_REQUIRED:
    case ReferralsExceptionCode.TRANSITION_NOT_ALLOWED:
    case ReferralsExceptionCode.REASON_REQUIRED:
    case ReferralsExceptionCode.OUTCOME_REQUIRED:
    case ReferralsExceptionCode.CAPACITY_OVERRIDE_REQUIRED:
    case ReferralsExceptionCode.SERVICE_INACTIVE:
    case ReferralsExceptionCode.PERIOD_INVALID:
      return ApiErrorCode.BAD_USER_INPUT;
    case ReferralsExceptionCode.STALE_REFERRAL:
      return ApiErrorCode.CONFLICT;
  }
}

export class ReferralsException extends libException(apiCode) {}
