import type { TypedDocumentNode } from '@urql/core';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';

/**
 * Saving an admin form over what it edits: the update act, and "saved" once the server took it,
 * when what was read is read again (network-only: the form shows what the server kept).
 */
export function useSave<Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  refetch: (context: { requestPolicy: 'network-only' }) => void,
) {
  const update = useAct(document);
  const [saved, setSaved] = useState(false);
  return {
    state: update.state,
    saved,
    async save(variables: () => Variables) {
      setSaved(false);
      const answer = await update.run(variables);
      if (answer.data) {
        setSaved(true);
        refetch({ requestPolicy: 'network-only' });
      }
    },
  };
}
