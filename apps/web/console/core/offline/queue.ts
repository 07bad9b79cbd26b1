import { type Signal, signal } from '@preact/signals';
import type { ActError } from '../../graphql/errors.js';
import type { QueueCipher } from './crypto.js';
import type { QueueStore } from './store.js';

/** The acts that may wait for a connection: each is idempotent by its requestId. */
export type QueueKind = 'checkIn' | 'checkOut' | 'turnaway' | 'report';

export interface QueuedAct {
  /** The act's requestId: the same on every send, so that the API acts once. */
  requestId: string;
  kind: QueueKind;
  /** The mutation's source and variables, as they were when the act was made. */
  query: string;
  variables: Record<string, unknown>;
  /** ISO time the act was made. */
  queuedAt: string;
  /** Set when the API refused it on replay: kept, with the reason, until someone dismisses it. */
  refusal?: ActError;
}

/** What one send came to. */
export type SendOutcome = 'sent' | 'unanswered' | { refused: ActError };

export interface OfflineQueue {
  /** In the order the acts were made. */
  items: Signal<QueuedAct[]>;
  /** False on plain http: the queue lasts only as long as the page. */
  lasting: boolean;
  /** True when a queue kept on this device could not be opened (another key). */
  unreadable: Signal<boolean>;
  sending: Signal<boolean>;
  /** Reads what this user left on this device; acts added before it are kept too. */
  load(): Promise<void>;
  /** Queues an act; one already queued with the same requestId is not queued twice. */
  add(act: Omit<QueuedAct, 'queuedAt' | 'refusal'>): Promise<void>;
  /**
   * Sends the waiting acts in order: a sent one leaves the queue, a refused one stays with its
   * reason, and the first that gets no answer stops the round (the connection went again).
   */
  replay(): Promise<void>;
  /** Removes an act (a refused one, read and dealt with; or one given up). */
  dismiss(requestId: string): Promise<void>;
  /** Forgets everything, on the device too (sign-out). */
  clear(): Promise<void>;
}

export function createQueue(options: {
  userId: string;
  store: QueueStore;
  /** Null on plain http: nothing is written to the store. */
  cipher: QueueCipher | null;
  send(act: QueuedAct): Promise<SendOutcome>;
  now?: () => Date;
}): OfflineQueue {
  const { userId, store, cipher, send } = options;
  const now = options.now ?? (() => new Date());
  const items = signal<QueuedAct[]>([]);
  const unreadable = signal(false);
  const sending = signal(false);
  // Writes one after the other, each of the items as they are then.
  let writes: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    writes = writes.then(async () => {
      if (!cipher) {
        return;
      }
      const current = items.value;
      if (current.length === 0) {
        await store.remove(userId);
      } else {
        await store.save(userId, await cipher.seal(current));
      }
    });
    return writes;
  };
  const update = (next: QueuedAct[]): Promise<void> => {
    items.value = next;
    return persist();
  };
  return {
    items,
    lasting: cipher !== null && store.lasting,
    unreadable,
    sending,
    async load() {
      if (!cipher) {
        return;
      }
      const sealed = await store.load(userId);
      if (!sealed) {
        return;
      }
      let kept: QueuedAct[];
      try {
        kept = (await cipher.open(sealed)) as QueuedAct[];
      } catch {
        unreadable.value = true;
        return;
      }
      const known = new Set(kept.map((act) => act.requestId));
      items.value = [...kept, ...items.value.filter((act) => !known.has(act.requestId))];
    },
    async add(act) {
      if (items.value.some((each) => each.requestId === act.requestId)) {
        return;
      }
      await update([...items.value, { ...act, queuedAt: now().toISOString() }]);
    },
    async replay() {
      if (sending.value) {
        return;
      }
      sending.value = true;
      try {
        for (const act of items.value.filter((each) => !each.refusal)) {
          const outcome = await send(act);
          if (outcome === 'unanswered') {
            return;
          }
          await update(
            outcome === 'sent'
              ? items.value.filter((each) => each.requestId !== act.requestId)
              : items.value.map((each) =>
                  each.requestId === act.requestId ? { ...each, refusal: outcome.refused } : each,
                ),
          );
        }
      } finally {
        sending.value = false;
      }
    },
    dismiss: (requestId) => update(items.value.filter((each) => each.requestId !== requestId)),
    async clear() {
      items.value = [];
      await persist();
      await store.remove(userId);
    },
  };
}
