import { ApiErrorCode, libException } from '@albergue/common';

export enum ResidentsExceptionCode {
  RESIDENT_NOT_FOUND = 'RESIDENT_NOT_FOUND',
  APPOINTMENT_NOT_FOUND = 'APPOINTMENT_NOT_FOUND',
  AGE_MISSING = 'AGE_MISSING',
  GUARDIAN_REQUIRED = 'GUARDIAN_REQUIRED',
  GUARDIAN_INVALID = 'GUARDIAN_INVALID',
  CHILD_PROTECTION_REQUIRED = 'CHILD_PROTECTION_REQUIRED',
  CONSENT_NOT_FREE = 'CONSENT_NOT_FREE',
  HEAD_INVALID = 'HEAD_INVALID',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  FOLIO_REQUIRED = 'FOLIO_REQUIRED',
  CASE_NUMBER_REQUIRED = 'CASE_NUMBER_REQUIRED',
  NOT_CONSENT = 'NOT_CONSENT',
  ANONYMISED = 'ANONYMISED',
  NOT_DUPLICATES = 'NOT_DUPLICATES',
  NOT_VISIBLE = 'NOT_VISIBLE',
  POSSIBLE_DUPLICATE = 'POSSIBLE_DUPLICATE',
  NAME_UNSEARCHABLE = 'NAME_UNSEARCHABLE',
  BIRTH_YEARS_REVERSED = 'BIRTH_YEARS_REVERSED',
}

function apiCode(code: ResidentsExceptionCode): ApiErrorCode {
  switch (code) {
    case ResidentsExceptionCode.RESIDENT_NOT_FOUND:
    case ResidentsExceptionCode.APPOINTMENT_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case ResidentsExceptionCode.AGE_MISSING:
    case ResidentsExceptionCode.GUARDIAN_REQUIRED:
    case ResidentsExceptionCode.GUARDIAN_INVALID:
    case ResidentsExceptionCode.CHILD_PROTECTION_REQUIRED:
    case ResidentsExceptionCode.CONSENT_NOT_FREE:
    case ResidentsExceptionCode.HEAD_INVALID:
    case ResidentsExceptionCode.TRANSITION_NOT_ALLOWED:
    case ResidentsExceptionCode.REASON_REQUIRED:
    case ResidentsExceptionCode.FOLIO_REQUIRED:
    case ResidentsExceptionCode.CASE_NUMBER_REQUIRED:
    case ResidentsExceptionCode.NOT_CONSENT:
    case ResidentsExceptionCode.NOT_DUPLICATES:
    case ResidentsExceptionCode.NAME_UNSEARCHABLE:
    case ResidentsExceptionCode.BIRTH_YEARS_REVERSED:
      return ApiErrorCode.BAD_USER_INPUT;
    case ResidentsExceptionCode.ANONYMISED:
    case ResidentsExceptionCode.POSSIBLE_DUPLICATE:
      return ApiErrorCode.CONFLICT;
    case ResidentsExceptionCode.NOT_VISIBLE:
      return ApiErrorCode.FORBIDDEN;
  }
}

export class ResidentsException extends libException(apiCode) {}
