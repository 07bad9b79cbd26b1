import { ApiErrorCode, AppException } from '@albergue/common';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const INTERNAL = ApiErrorCode.INTERNAL_SERVER_ERROR;

/**
 * A request refused before GraphQL looked at it: a query that is not a GraphQL text. Answered
 * with HTTP 400 and its code, like Mercurius' own refusals.
 */
export class RequestRefused extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorCode.BAD_REQUEST | ApiErrorCode.GRAPHQL_PARSE_FAILED,
  ) {
    super(message);
  }
}

/**
 * graphql-js writes submitted values into its own messages ('Int cannot represent non-integer
 * value: "abc"', 'Variable "$input" got invalid value { name: ... }'). Keep the rule, drop the value.
 */
export function withoutValues(message: string, inner?: string): string {
  let text = message;
  const variable = /^Variable "(\$\w+)" got invalid value/.exec(text);
  if (variable && !(inner && text.endsWith(`; ${inner}`))) {
    // graphql-jit words it its own way, and we cannot tell where the value ends: keep the name only.
    return `Variable "${variable[1]}" got an invalid value.`;
  }
  if (inner && text.endsWith(`; ${inner}`)) {
    // 'Variable "$x" got invalid value <value> at "x.path"; <inner>': keep the variable and the path.
    const prefix = text.slice(0, text.length - inner.length - 2);
    const variable = /^Variable "(\$\w+)"/.exec(prefix)?.[1] ?? 'A variable';
    const path = / at "([\w.[\]]+)"$/.exec(prefix)?.[1];
    text = `Variable "${variable}" got an invalid value${path ? ` at "${path}"` : ''}; ${withoutValues(inner)}`;
    return text;
  }
  return (
    text
      .replace(/ Did you mean[\s\S]*$/, '')
      .replace(
        /^Value [\s\S]* does not exist in "(\w+)" enum\./,
        'Value does not exist in "$1" enum.',
      )
      .replace(/^(Expected value of type "[^"]+"), found [\s\S]*$/, '$1.')
      // An unknown input field is named when it is a GraphQL name (the query's own structure,
      // as in 'Cannot query field'); a variable's key can be any text, and then is not.
      .replace(
        /^Field "(?![_A-Za-z]\w{0,63}")[\s\S]*" is not defined by type "(\w+)"\.$/,
        'An input field is not defined by type "$1".',
      )
      // 'Int cannot represent non-integer value: …', 'Enum "Population" cannot represent
      // non-enum value: …', graphql-jit's 'Population cannot represent value: …'.
      .replace(/^((?:Enum "\w+"|\w+) cannot represent[^:]*):[\s\S]*$/, '$1.')
      // The parser quotes the token it stopped at, which can be a string the client sent:
      // 'Syntax Error: Unexpected String "…".', 'Expected Name, found String "…".'
      .replace(/^(Syntax Error: [\s\S]*?(?:Unexpected|found) [A-Za-z ]+?) "[\s\S]*"\.$/, '$1.')
      .replace(/^(Syntax Error: (?:Invalid|Unexpected) [^:]*):[\s\S]*$/, '$1.')
  );
}

const VALUE_PROBLEM =
  /cannot represent|^Expected value of type|got an invalid value|does not exist in "\w+" enum|of required type|must not be null|was not provided|^(Field "\w+"|An input field) is not defined by type/;

export function codeOfHttp(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return ApiErrorCode.BAD_USER_INPUT;
    case 401:
      return ApiErrorCode.UNAUTHENTICATED;
    case 403:
      return ApiErrorCode.FORBIDDEN;
    case 404:
      return ApiErrorCode.NOT_FOUND;
    case 409:
      return ApiErrorCode.CONFLICT;
    default:
      return INTERNAL;
  }
}

/**
 * Fastify and Mercurius errors carry an HTTP status and an `FST_`/`MER_` code; Mercurius' wrapper
 * of parse and validation errors carries 400.
 */
export function transportStatus(error: Error | undefined): number | null {
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  return typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    typeof code === 'string' &&
    /^(FST|MER)_/.test(code)
    ? statusCode
    : null;
}

/** The code of a refusal by Fastify or Mercurius, from its HTTP status. */
export function codeOfTransport(status: number): ApiErrorCode {
  switch (status) {
    case 413:
      return ApiErrorCode.PAYLOAD_TOO_LARGE;
    case 415:
      return ApiErrorCode.UNSUPPORTED_MEDIA_TYPE;
    default:
      return ApiErrorCode.BAD_REQUEST;
  }
}

/** Socket errors and PostgreSQL's connection and shutdown codes (classes 08 and 57P). */
const UNREACHABLE_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|08\d{3}|08P01|57P0[1-3])$/;

/**
 * The database went away (restart, network): the request did nothing and may be retried as it
 * was (a mutation with the same requestId acts at most once). node-postgres reports a dropped
 * connection with a message only.
 */
export function databaseUnreachable(error: Error): boolean {
  const { code } = error as { code?: unknown };
  return (
    (typeof code === 'string' && UNREACHABLE_CODES.test(code)) ||
    /^Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/.test(
      error.message,
    )
  );
}

/**
 * PostgreSQL refusals that a client's input can cause, as typed errors: the transaction has
 * rolled back, so nothing changed. Messages are ours: PostgreSQL's can quote the values.
 */
export function databaseError(error: Error): { code: ApiErrorCode; message: string } | null {
  const { code } = error as { code?: unknown };
  if (databaseUnreachable(error)) {
    return {
      code: ApiErrorCode.SERVICE_UNAVAILABLE,
      message: 'The database is not answering: nothing was done. Try again in a moment.',
    };
  }
  if (typeof code !== 'string' || error.name !== 'QueryFailedError') {
    return null;
  }
  switch (code) {
    case '23502':
      return {
        code: ApiErrorCode.BAD_USER_INPUT,
        message: 'Invalid input: a required field was null.',
      };
    case '22P02':
    case '22003':
    case '22021':
    case '22001':
    case '22007':
    case '22008':
      return {
        code: ApiErrorCode.BAD_USER_INPUT,
        message: 'Invalid input: a value is not of the expected form or range.',
      };
    case '23503':
      return { code: ApiErrorCode.NOT_FOUND, message: 'A record this refers to does not exist.' };
    case '23505':
      return { code: ApiErrorCode.CONFLICT, message: 'This would duplicate an existing record.' };
    case '23514':
      return {
        code: ApiErrorCode.BAD_USER_INPUT,
        message: 'Invalid input: a value breaks a rule of the record.',
      };
    case '40001':
    case '40P01':
      return {
        code: ApiErrorCode.CONFLICT,
        message: 'A concurrent change got in the way: try again.',
      };
    default:
      return null;
  }
}

export interface FormattedOutcome {
  error: GraphQLFormattedError;
  /** The HTTP status the request deserves when this error stopped it before execution. */
  status?: number;
  /** Set for errors we did not foresee: what to log (no message: it may carry values or SQL). */
  unexpected?: { type: string; code?: string; stack?: string };
}

/** One error as a client may see it: a message without values or SQL, and `extensions.code`. */
export function formatGraphQLError(error: GraphQLError): FormattedOutcome {
  const where = { locations: error.locations, path: error.path };
  const original = error.originalError;
  if (original instanceof RequestRefused) {
    return {
      error: { message: original.message, extensions: { code: original.code } },
      status: 400,
    };
  }
  if (original instanceof AppException) {
    return {
      error: {
        message: original.message,
        ...where,
        extensions: {
          code: original.code,
          reason: original.reason,
          fields: original.fields,
          // Only when the exception carries some: see AppException.details.
          ...(original.details ? { details: original.details } : {}),
        },
      },
    };
  }
  if (original instanceof HttpException) {
    const code = codeOfHttp(original.getStatus());
    return {
      error: {
        message: code === INTERNAL ? 'Internal server error' : original.message,
        ...where,
        extensions: { code },
      },
    };
  }
  const transport = transportStatus(original);
  if (transport) {
    // Refused by Fastify or Mercurius before any resolver ran (body too large, CSRF, not JSON):
    // their messages name the rule, not the content.
    return {
      error: {
        message: original!.message,
        ...where,
        extensions: { code: codeOfTransport(transport) },
      },
      status: transport,
    };
  }
  if (!original || original instanceof GraphQLError || /cannot represent/.test(original.message)) {
    const message = withoutValues(error.message, original?.message);
    const code = message.startsWith('Syntax Error')
      ? ApiErrorCode.GRAPHQL_PARSE_FAILED
      : VALUE_PROBLEM.test(message)
        ? ApiErrorCode.BAD_USER_INPUT
        : ApiErrorCode.GRAPHQL_VALIDATION_FAILED;
    return { error: { message, ...where, extensions: { code } } };
  }
  const database = databaseError(original);
  if (database) {
    return { error: { message: database.message, ...where, extensions: { code: database.code } } };
  }
  const stack = original.stack?.split('\n').slice(1).join('\n');
  return {
    error: { message: 'Internal server error', ...where, extensions: { code: INTERNAL } },
    unexpected: { type: original.name, code: (original as { code?: string }).code, stack },
  };
}
