import { ApiErrorCode, libException } from '@albergue/common';

export enum AuthExceptionCode {
  NOT_SIGNED_IN = 'NOT_SIGNED_IN',
  SESSION_INVALID = 'SESSION_INVALID',
  /** Wrong password, unknown account, inactive or locked account: one answer for all. */
  LOGIN_FAILED = 'LOGIN_FAILED',
  FORBIDDEN = 'FORBIDDEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  TOKEN_INVALID = 'TOKEN_INVALID',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  SETUP_DONE = 'SETUP_DONE',
  /** The session owes a TOTP or recovery code (verifySecondFactor) before anything else. */
  SECOND_FACTOR_REQUIRED = 'SECOND_FACTOR_REQUIRED',
  /** A network role with no second factor: enrolSecondFactor, then confirmEnrolment. */
  SECOND_FACTOR_ENROLMENT_REQUIRED = 'SECOND_FACTOR_ENROLMENT_REQUIRED',
  SECOND_FACTOR_WRONG = 'SECOND_FACTOR_WRONG',
  /** The code was accepted once already (or a newer one was): wait for the next. */
  SECOND_FACTOR_REPLAYED = 'SECOND_FACTOR_REPLAYED',
  /** Five wrong codes in a row: the step is locked for LOGIN_LOCKOUT. */
  SECOND_FACTOR_LOCKED = 'SECOND_FACTOR_LOCKED',
  SECOND_FACTOR_ENROLLED = 'SECOND_FACTOR_ENROLLED',
  /** confirmEnrolment without enrolSecondFactor, or verifySecondFactor with nothing owed. */
  SECOND_FACTOR_NOT_PENDING = 'SECOND_FACTOR_NOT_PENDING',
  /** SECOND_FACTOR_DAILY_MAX wrong codes in a day: blocked until an admin resets the factor. */
  SECOND_FACTOR_BLOCKED = 'SECOND_FACTOR_BLOCKED',
  SERVICE_NOT_FOUND = 'SERVICE_NOT_FOUND',
  /** A field visit's end in the past, or further ahead than FIELD_VISIT_MAX. */
  FIELD_VISIT_UNTIL = 'FIELD_VISIT_UNTIL',
  /** The person holds a standing role in the shelter: a visit would replace it. */
  FIELD_VISIT_CONFLICT = 'FIELD_VISIT_CONFLICT',
  FIELD_VISIT_NOT_FOUND = 'FIELD_VISIT_NOT_FOUND',
  /** The account has a network role (aggregates only): never a field visit's health worker. */
  FIELD_VISIT_NETWORK_ROLE = 'FIELD_VISIT_NETWORK_ROLE',
}

function apiCode(code: AuthExceptionCode): ApiErrorCode {
  switch (code) {
    case AuthExceptionCode.NOT_SIGNED_IN:
    case AuthExceptionCode.SESSION_INVALID:
    case AuthExceptionCode.LOGIN_FAILED:
    case AuthExceptionCode.TOKEN_INVALID:
    case AuthExceptionCode.SECOND_FACTOR_REQUIRED:
    case AuthExceptionCode.SECOND_FACTOR_ENROLMENT_REQUIRED:
      return ApiErrorCode.UNAUTHENTICATED;
    case AuthExceptionCode.SECOND_FACTOR_LOCKED:
    case AuthExceptionCode.SECOND_FACTOR_BLOCKED:
      return ApiErrorCode.FORBIDDEN;
    case AuthExceptionCode.SECOND_FACTOR_WRONG:
    case AuthExceptionCode.SECOND_FACTOR_REPLAYED:
      return ApiErrorCode.BAD_USER_INPUT;
    case AuthExceptionCode.SECOND_FACTOR_ENROLLED:
    case AuthExceptionCode.SECOND_FACTOR_NOT_PENDING:
      return ApiErrorCode.CONFLICT;
    case AuthExceptionCode.FORBIDDEN:
    case AuthExceptionCode.WRONG_CURRENT_PASSWORD:
      return ApiErrorCode.FORBIDDEN;
    case AuthExceptionCode.WEAK_PASSWORD:
      return ApiErrorCode.BAD_USER_INPUT;
    case AuthExceptionCode.EMAIL_TAKEN:
    case AuthExceptionCode.SETUP_DONE:
      return ApiErrorCode.CONFLICT;
    case AuthExceptionCode.USER_NOT_FOUND:
    case AuthExceptionCode.SERVICE_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case AuthExceptionCode.FIELD_VISIT_UNTIL:
      return ApiErrorCode.BAD_USER_INPUT;
    case AuthExceptionCode.FIELD_VISIT_CONFLICT:
      return ApiErrorCode.CONFLICT;
    case AuthExceptionCode.FIELD_VISIT_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
    case AuthExceptionCode.FIELD_VISIT_NETWORK_ROLE:
      return ApiErrorCode.CONFLICT;
  }
}

export class AuthException extends libException(apiCode) {}
