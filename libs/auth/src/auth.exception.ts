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
}

function apiCode(code: AuthExceptionCode): ApiErrorCode {
  switch (code) {
    case AuthExceptionCode.NOT_SIGNED_IN:
    case AuthExceptionCode.SESSION_INVALID:
    case AuthExceptionCode.LOGIN_FAILED:
    case AuthExceptionCode.TOKEN_INVALID:
      return ApiErrorCode.UNAUTHENTICATED;
    case AuthExceptionCode.FORBIDDEN:
    case AuthExceptionCode.WRONG_CURRENT_PASSWORD:
      return ApiErrorCode.FORBIDDEN;
    case AuthExceptionCode.WEAK_PASSWORD:
      return ApiErrorCode.BAD_USER_INPUT;
    case AuthExceptionCode.EMAIL_TAKEN:
    case AuthExceptionCode.SETUP_DONE:
      return ApiErrorCode.CONFLICT;
    case AuthExceptionCode.USER_NOT_FOUND:
      return ApiErrorCode.NOT_FOUND;
  }
}

export class AuthException extends libException(apiCode) {}
