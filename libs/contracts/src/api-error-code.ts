/**
 * Every code a client can see, on every transport: GraphQL's `extensions.code`, the body of an
 * HTTP error (`{ code, reason, fields, message }`), a socket's refusal. Every lib maps its own
 * reasons onto the first five (one exhaustive switch per lib); apps/api adds the others where
 * the transport, the parser or the database says no.
 */
export enum ApiErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The request itself is malformed (not the input's values): a query that is not text. */
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** The database is not answering: nothing was done; try again (the same requestId). */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The HTTP status of each code, for HTTP routes and for GraphQL refusals before execution. */
export const HTTP_STATUS: Readonly<Record<ApiErrorCode, number>> = {
  [ApiErrorCode.BAD_USER_INPUT]: 400,
  [ApiErrorCode.BAD_REQUEST]: 400,
  [ApiErrorCode.GRAPHQL_PARSE_FAILED]: 400,
  [ApiErrorCode.GRAPHQL_VALIDATION_FAILED]: 400,
  [ApiErrorCode.UNAUTHENTICATED]: 401,
  [ApiErrorCode.FORBIDDEN]: 403,
  [ApiErrorCode.NOT_FOUND]: 404,
  [ApiErrorCode.CONFLICT]: 409,
  [ApiErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ApiErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ApiErrorCode.INTERNAL_SERVER_ERROR]: 500,
  [ApiErrorCode.SERVICE_UNAVAILABLE]: 503,
};
