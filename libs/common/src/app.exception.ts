import { ApiErrorCode } from '@albergue/contracts';

// The codes live in the contract both sides read; every lib keeps importing them from common.
export { ApiErrorCode, HTTP_STATUS } from '@albergue/contracts';

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
    /**
     * What the client needs to act on the refusal, as plain JSON, sent as `extensions.details`
     * (e.g. a stale report gets the shelter's current figures back). The same rule as the
     * message: ids and counts the caller may already see, never a person's data or what they typed.
     */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The exception class of a lib: its own codes (an enum), each mapped onto a client code by the
 * lib's exhaustive switch. `export class SheltersException extends libException(apiCode) {}`
 * keeps the lib's name on its errors.
 */
export function libException<Code extends string>(apiCode: (code: Code) => ApiErrorCode) {
  return class extends AppException {
    constructor(
      message: string,
      code: Code,
      fields: string[] = [],
      details?: Readonly<Record<string, unknown>>,
    ) {
      super(message, apiCode(code), code, fields, details);
    }
  };
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

export class CommonException extends libException(commonApiCode) {}
