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
  ORGANISATION_NOT_FOUND = 'ORGANISATION_NOT_FOUND',
  /** lat without lng (or the other way), or neither a street nor an area (borough). */
  SERVICE_PLACE_UNCLEAR = 'SERVICE_PLACE_UNCLEAR',
  /** waitDays without WAITLIST, or WAITLIST without waitDays. */
  WAIT_DAYS_MISMATCH = 'WAIT_DAYS_MISMATCH',
  /** A fit check given both a resident and languages or a group: one or the other. */
  FIT_SUBJECT_AMBIGUOUS = 'FIT_SUBJECT_AMBIGUOUS',
  SUBJECT_REQUIRED = 'SUBJECT_REQUIRED',
  /** The person was erased (anonymised): nothing more is written on their referrals. */
  SUBJECT_ERASED = 'SUBJECT_ERASED',
  /** A date out of its bounds (scheduledFor: at most a day ago, at most a year ahead). */
  DATE_OUT_OF_RANGE = 'DATE_OUT_OF_RANGE',
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
    case ReferralsExceptionCode.SUBJECT_REQUIRED:
      return ApiErrorCode.BAD_USER_INPUT;
    case ReferralsExceptionCode.STALE_REFERRAL:
      return ApiErrorCode.CONFLICT;
    case ReferralsExceptionCode.ORGANISATION_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ReferralsExceptionCode.SERVICE_PLACE_UNCLEAR:
    case ReferralsExceptionCode.WAIT_DAYS_MISMATCH:
    case ReferralsExceptionCode.FIT_SUBJECT_AMBIGUOUS:
      return ApiErrorCode.BAD_USER_INPUT;
    case ReferralsExceptionCode.SUBJECT_ERASED:
      return ApiErrorCode.CONFLICT;
    case ReferralsExceptionCode.DATE_OUT_OF_RANGE:
      return ApiErrorCode.BAD_USER_INPUT;
  }
}

export class ReferralsException extends libException(apiCode) {}
