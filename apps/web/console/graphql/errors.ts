import { ApiErrorCode } from '@albergue/contracts';
import type { CombinedError } from '@urql/core';

/** What went wrong with an operation, as the console tells it. */
export interface ActError {
  /** The API's `extensions.code`, or NETWORK when no answer came. */
  code: ApiErrorCode | 'NETWORK';
  /** The API's message (already phrased for people). */
  message: string;
  /** `extensions.details`, for refusals that carry the current state (STALE_REPORT). */
  details?: unknown;
  /** `extensions.reason`, where the API names a finer cause (STALE_REPORT, BED_TAKEN…). */
  reason?: string;
  /** `extensions.fields`: the inputs that were refused, by path. */
  fields?: string[];
}

/** The first error of an operation, typed; undefined when it went through. */
export function actError(error: CombinedError | undefined): ActError | undefined {
  if (!error) {
    return undefined;
  }
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: 'NETWORK', message: error.networkError?.message ?? error.message };
  }
  const extensions = first.extensions as Partial<Omit<ActError, 'message'>>;
  return {
    code: extensions.code ?? ApiErrorCode.INTERNAL_SERVER_ERROR,
    message: first.message,
    details: extensions.details,
    reason: extensions.reason,
    fields: extensions.fields,
  };
}
