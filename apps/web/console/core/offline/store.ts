import type { Sealed } from './crypto.js';

/**
 * Where a user's sealed queue is kept between page loads: one record per user on this device,
 * only ever ciphertext. IndexedDB in the browser; a map in specs and on plain http.
 */
export interface QueueStore {
  /** False when the queue lasts only as long as the page (memory). */
  readonly lasting: boolean;
  load(userId: string): Promise<Sealed | undefined>;
  save(userId: string, sealed: Sealed): Promise<void>;
  remove(userId: string): Promise<void>;
}

export function memoryStore(): QueueStore {
  const records = new Map<string, Sealed>();
  return {
    lasting: false,
    load: (userId) => Promise.resolve(records.get(userId)),
    save(userId, sealed) {
      records.set(userId, sealed);
      return Promise.resolve();
    },
    remove(userId) {
      records.delete(userId);
      return Promise.resolve();
    },
  };
}

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
  return {
    lasting: true,
    async load(userId) {
      return (await done((await records('readonly')).get(userId))) as Sealed | undefined;
    },
    async save(userId, sealed) {
      await done((await records('readwrite')).put(sealed, userId));
    },
    async remove(userId) {
      await done((await records('readwrite')).delete(userId));
    },
  };
}
