import { type Signal, signal } from '@preact/signals';
import type { ActError } from '../../graphql/errors.js';
import type { QueueCipher } from './crypto.js';
import type { QueueStore } from './store.js';

/** The acts that may wait for a connection: each is idempotent by its requestId. */
export type QueueKind = 'checkIn' | 'checkOut' | 'turnaway' | 'report' | 'referral';

export interface QueuedAct {
  /** The act's requestId: the same on every send, so that the API acts once. */
  requestId: string;
  kind: QueueKind;
  /** The mutation's source and variables, as they were when the act was made. */
  query: string;
  variables: Record<string, unknown>;
  /** ISO time the act was made. */
  queuedAt: string;
  /** Orders acts made in the same millisecond, as they were added. */
  order?: number;
  /** Set when the API refused it on replay: kept, with the reason, until someone dismisses it. */
  refusal?: ActError;
}

/**
 * How old a queued act may be and still be sent by itself. The API acts once per requestId only as
 * long as it remembers the request: REQUEST_LOG_RETENTION_MS, 24 h, in
 * libs/common/src/idempotency.service.ts. An act that went through but lost its answer, sent again
 * after that, would act twice; 20 h leaves a margin for clocks and a slow round. Older acts wait
 * for a person to check what happened and redo them by hand.
 */
export const REPLAY_LIMIT_MS = 20 * 60 * 60 * 1000;

/** Too old to be sent safely (REPLAY_LIMIT_MS): shown to be checked and redone, never sent. */
export function tooOld(act: Pick<QueuedAct, 'queuedAt'>, now: Date): boolean {
  return now.getTime() - Date.parse(act.queuedAt) > REPLAY_LIMIT_MS;
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
   * Sends the waiting acts in order (those kept by other tabs too): a sent one leaves the queue, a
   * refused one stays with its reason, and the first that gets no answer stops the round (the
   * connection went again). Nothing is sent when the session is another user's, nor acts too
   * old to send safely (`tooOld`).
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
  /**
   * Who the server's session is now (asked before each round): the queue's acts are sent only as
   * their own user. Undefined when that cannot be asked (no answer).
   */
  signedIn?: () => Promise<string | undefined>;
  now?: () => Date;
}): OfflineQueue {
  const { userId, store, cipher, send } = options;
  const now = options.now ?? (() => new Date());
  const signedIn = options.signedIn ?? (() => Promise.resolve(userId));
  const items = signal<QueuedAct[]>([]);
  const unreadable = signal(false);
  const sending = signal(false);
  let added = 0;
  const writing = new Set<string>();
  // Each act is its own record: a write touches that act alone, never another tab's.
  const kept = async (act: QueuedAct) => {
    if (!cipher) {
      return;
    }
    writing.add(act.requestId);
    try {
      await store.put(userId, act.requestId, await cipher.seal(act));
    } finally {
      writing.delete(act.requestId);
    }
  };
  const forgotten = async (requestId: string) => {
    if (cipher) {
      await store.remove(userId, requestId);
    }
  };
  const inOrder = (acts: QueuedAct[]) =>
    [...acts].sort(
      (a, b) => a.queuedAt.localeCompare(b.queuedAt) || (a.order ?? 0) - (b.order ?? 0),
    );
  const load = async () => {
    if (!cipher) {
      return;
    }
    const found: QueuedAct[] = [];
    for (const sealed of await store.list(userId)) {
      try {
        found.push((await cipher.open(sealed)) as QueuedAct);
      } catch {
        unreadable.value = true;
      }
    }
    // The device is the truth (another tab may have sent or dismissed an act): what this tab is
    // still writing stays, and what it knows more of an act (a refusal) wins.
    const mine = new Map(items.value.map((act) => [act.requestId, act]));
    items.value = inOrder([
      ...found.map((act) => mine.get(act.requestId) ?? act),
      ...items.value.filter(
        (act) =>
          writing.has(act.requestId) && !found.some((each) => each.requestId === act.requestId),
      ),
    ]);
  };
  return {
    items,
    lasting: cipher !== null && store.lasting,
    unreadable,
    sending,
    load,
    async add(act) {
      if (items.value.some((each) => each.requestId === act.requestId)) {
        return;
      }
      added += 1;
      const queued: QueuedAct = { ...act, queuedAt: now().toISOString(), order: added };
      items.value = [...items.value, queued];
      await kept(queued);
    },
    async replay() {
      if (sending.value) {
        return;
      }
      sending.value = true;
      try {
        if ((await signedIn()) !== userId) {
          return;
        }
        // Acts another tab of this user queued meanwhile go in this round too.
        await load();
        const due = items.value.filter((each) => !each.refusal && !tooOld(each, now()));
        for (const act of due) {
          if (!items.value.some((each) => each.requestId === act.requestId)) {
            continue;
          }
          const outcome = await send(act);
          if (outcome === 'unanswered') {
            return;
          }
          if (outcome === 'sent') {
            items.value = items.value.filter((each) => each.requestId !== act.requestId);
            await forgotten(act.requestId);
          } else {
            const refused = { ...act, refusal: outcome.refused };
            items.value = items.value.map((each) =>
              each.requestId === act.requestId ? refused : each,
            );
            await kept(refused);
          }
        }
      } finally {
        sending.value = false;
      }
    },
    async dismiss(requestId) {
      items.value = items.value.filter((each) => each.requestId !== requestId);
      await forgotten(requestId);
    },
    async clear() {
      items.value = [];
      await store.clear(userId);
    },
  };
}
