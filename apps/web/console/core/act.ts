import { ApiErrorCode } from '@albergue/contracts';
import type { TypedDocumentNode } from '@urql/core';
import { useRef, useState } from 'preact/hooks';
import { type ActError, actError } from '../graphql/errors.js';
import { useConsole } from './context.js';
import { newRequestId } from './request-id.js';

export interface ActState<Data> {
  pending: boolean;
  error?: ActError;
  data?: Data;
}

/** No answer, or the server said "not now": the act may not have happened; try it again as it was. */
export function unanswered(error: ActError | undefined): boolean {
  return error?.code === 'NETWORK' || error?.code === ApiErrorCode.SERVICE_UNAVAILABLE;
}

/**
 * One intended act (a check-in, a report…) and its state. `run` is given the act's `requestId`
 * to put where the mutation takes it: the same id until the server answers, so that a double
 * tap (refused while pending) or a retry after no answer acts once; a new one once it answered.
 */
export function useAct<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
): {
  state: ActState<Data>;
  run(variables: (requestId: string) => Variables): Promise<ActState<Data>>;
  reset(): void;
} {
  const { client } = useConsole();
  const requestId = useRef(newRequestId());
  const running = useRef(false);
  const [state, setState] = useState<ActState<Data>>({ pending: false });
  return {
    state,
    async run(variables) {
      if (running.current) {
        return { pending: true };
      }
      running.current = true;
      setState({ pending: true });
      try {
        const result = await client.mutation(document, variables(requestId.current)).toPromise();
        const error = actError(result.error);
        if (!unanswered(error)) {
          requestId.current = newRequestId();
        }
        const next = { pending: false, error, data: result.data };
        setState(next);
        return next;
      } finally {
        running.current = false;
      }
    },
    reset: () => setState({ pending: false }),
  };
}
