import { ApiErrorCode } from '@albergue/contracts';
import type { Client } from '@urql/core';
import { actError } from '../../graphql/errors.js';
import { graphql } from '../../graphql/graphql.js';
import { queueCipher, secureSubtle } from './crypto.js';
import { createQueue, type OfflineQueue, type SendOutcome } from './queue.js';
import { indexedDbStore, memoryStore } from './store.js';

const OfflineQueueKey = graphql(`
  query OfflineQueueKey {
    offlineQueueKey
  }
`);

const QueueUser = graphql(`
  query QueueUser {
    me {
      id
    }
  }
`);

/**
 * The signed-in user's queue on this device: its key asked of the server (in memory only, asked
 * again after each page load), what this user left here read back, and acts replayed through
 * `client` with their own requestIds. Null when the key cannot be had now (no connection).
 * On plain http (no WebCrypto) the queue is kept in memory only.
 */
export async function startOffline(client: Client, userId: string): Promise<OfflineQueue | null> {
  const send = async (act: { query: string; variables: Record<string, unknown> }) => {
    const result = await client
      .mutation(act.query, act.variables, { requestPolicy: 'network-only' })
      .toPromise();
    const error = actError(result.error);
    if (!error) {
      return 'sent' as SendOutcome;
    }
    // No answer, "not now", or a session to sign in again: the act waits, as it was.
    if (
      error.code === 'NETWORK' ||
      error.code === ApiErrorCode.SERVICE_UNAVAILABLE ||
      error.code === ApiErrorCode.UNAUTHENTICATED
    ) {
      return 'unanswered';
    }
    return { refused: error };
  };
  // The cookie is the browser's, not the tab's: another person may have signed in meanwhile.
  const signedIn = async () =>
    (await client.query(QueueUser, {}, { requestPolicy: 'network-only' }).toPromise()).data?.me?.id;
  const subtle = secureSubtle(globalThis);
  if (!subtle) {
    return createQueue({ userId, store: memoryStore(), cipher: null, send, signedIn });
  }
  const answer = await client
    .query(OfflineQueueKey, {}, { requestPolicy: 'network-only' })
    .toPromise();
  if (!answer.data) {
    return null;
  }
  const cipher = await queueCipher(
    subtle,
    (bytes) => crypto.getRandomValues(bytes),
    answer.data.offlineQueueKey,
    userId,
  );
  const queue = createQueue({
    userId,
    store: indexedDbStore(indexedDB),
    cipher,
    send,
    signedIn,
  });
  await queue.load();
  return queue;
}
