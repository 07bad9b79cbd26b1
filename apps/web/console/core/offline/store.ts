import type { Sealed } from './crypto.js';

/**
 * Where a user's sealed acts are kept between page loads: one record per act (key
 * `userId/requestId`), only ever ciphertext, so that two tabs of one user each add and remove
 * their own acts without writing over the other's. IndexedDB in the browser; a map in specs and
 * on plain http.
 */
export interface QueueStore {
  /** False when the queue lasts only as long as the page (memory). */
  readonly lasting: boolean;
  /** Every act this user keeps here, in no particular order. */
  list(userId: string): Promise<Sealed[]>;
  put(userId: string, requestId: string, sealed: Sealed): Promise<void>;
  remove(userId: string, requestId: string): Promise<void>;
  /** Removes every act of this user. */
  clear(userId: string): Promise<void>;
}

/** The record's key: the user's acts lie together, between `userId/` and `userId/\uffff`. */
export const recordKey = (userId: string, requestId: string) => `${userId}/${requestId}`;
const ofUser = (userId: string, key: string) => key.startsWith(`${userId}/`);

/** A store over a map: in memory (`lasting` false), or a device's store in specs. */
export function mapStore(records = new Map<string, Sealed>(), lasting = false): QueueStore {
  return {
    lasting,
    list: (userId) =>
      Promise.resolve([...records].filter(([key]) => ofUser(userId, key)).map(([, v]) => v)),
    put(userId, requestId, sealed) {
      records.set(recordKey(userId, requestId), sealed);
      return Promise.resolve();
    },
    remove(userId, requestId) {
      records.delete(recordKey(userId, requestId));
      return Promise.resolve();
    },
    clear(userId) {
      for (const key of [...records.keys()].filter((each) => ofUser(userId, each))) {
        records.delete(key);
      }
      return Promise.resolve();
    },
  };
}

export const memoryStore = (): QueueStore => mapStore();

const DATABASE = 'albergue-console';
const RECORDS = 'offline-queue';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function indexedDbStore(factory: IDBFactory): QueueStore {
  let opened: Promise<IDBDatabase> | undefined;
  const database = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(RECORDS);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    });
    return opened;
  };
  const records = async (mode: IDBTransactionMode) =>
    (await database()).transaction(RECORDS, mode).objectStore(RECORDS);
  const range = (userId: string) => IDBKeyRange.bound(`${userId}/`, `${userId}/\uffff`);
  return {
    lasting: true,
    async list(userId) {
      return (await done((await records('readonly')).getAll(range(userId)))) as Sealed[];
    },
    async put(userId, requestId, sealed) {
      await done((await records('readwrite')).put(sealed, recordKey(userId, requestId)));
    },
    async remove(userId, requestId) {
      await done((await records('readwrite')).delete(recordKey(userId, requestId)));
    },
    async clear(userId) {
      await done((await records('readwrite')).delete(range(userId)));
    },
  };
}
