/**
 * The codes a client can see in `extensions.code`. Every lib maps its own reasons onto these
 * (one exhaustive switch per lib), and apps/api turns them into GraphQL errors in one place.
 */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
}

/**
 * Base of every exception whose message is safe to show a client. Messages name fields and
 * rules, never the submitted values: what a person typed must not land in an error or a log.
 */
export class AppException extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode,
    /** The lib's own reason, e.g. `SHELTER_NOT_FOUND`, for clients that want to branch on it. */
    readonly reason: string,
    /** Input fields the error is about, as dotted paths (`input.location.lat`). */
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum CommonExceptionCode {
  INVALID_INPUT = 'INVALID_INPUT',
  REQUEST_ID_REUSED = 'REQUEST_ID_REUSED',
}

function commonApiCode(code: CommonExceptionCode): ApiErrorCode {
  switch (code) {
    case CommonExceptionCode.INVALID_INPUT:
      return ApiErrorCode.BAD_USER_INPUT;
    case CommonExceptionCode.REQUEST_ID_REUSED:
      return ApiErrorCode.CONFLICT;
  }
}

export class CommonException extends AppException {
  constructor(message: string, code: CommonExceptionCode, fields: string[] = []) {
    super(message, commonApiCode(code), code, fields);
  }
}
