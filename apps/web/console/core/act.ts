import { ApiErrorCode } from '@albergue/contracts';
import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { useRef, useState } from 'preact/hooks';
import { type ActError, actError } from '../graphql/errors.js';
import { useConsole } from './context.js';
import type { QueueKind } from './offline/queue.js';
import { newRequestId } from './request-id.js';

export interface ActState<Data> {
  pending: boolean;
  error?: ActError;
  data?: Data;
  /** The act was made without a connection: it waits in the offline queue, sent when it returns. */
  queued?: boolean;
}

/** No answer, or the server said "not now": the act may not have happened; try it again as it was. */
export function unanswered(error: ActError | undefined): boolean {
  return error?.code === 'NETWORK' || error?.code === ApiErrorCode.SERVICE_UNAVAILABLE;
}

export interface ActOptions {
  /**
   * An act that may wait for the connection (core/offline): made offline, or left without an
   * answer, it is queued with its requestId and sent when the connection returns.
   */
  queue?: QueueKind;
}

/**
 * One intended act (a check-in, a report…) and its state. `run` is given the act's `requestId`
 * to put where the mutation takes it: the same id until the server answers, so that a double
 * tap (refused while pending) or a retry after no answer acts once; a new one once it answered
 * (or once the offline queue took it, with `queue`).
 */
export function useAct<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  options: ActOptions = {},
): {
  state: ActState<Data>;
  run(variables: (requestId: string) => Variables): Promise<ActState<Data>>;
  reset(): void;
} {
  const { client, offline } = useConsole();
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
        const queue = options.queue ? offline.value : null;
        const id = requestId.current;
        const values = variables(id);
        const enqueue = async (): Promise<ActState<Data>> => {
          await queue!.add({
            requestId: id,
            kind: options.queue!,
            query: stringifyDocument(document),
            variables: values,
          });
          requestId.current = newRequestId();
          const next = { pending: false, queued: true };
          setState(next);
          return next;
        };
        if (queue && !navigator.onLine) {
          return await enqueue();
        }
        const result = await client.mutation(document, values).toPromise();
        const error = actError(result.error);
        if (queue && unanswered(error)) {
          return await enqueue();
        }
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
