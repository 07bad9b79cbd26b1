import { webcrypto } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { queueCipher, type Sealed, secureSubtle } from './crypto.js';
import { createQueue, type QueuedAct, type SendOutcome } from './queue.js';
import { memoryStore, type QueueStore } from './store.js';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const random = <T extends Uint8Array<ArrayBuffer>>(bytes: T): T => {
  webcrypto.getRandomValues(bytes);
  return bytes;
};
const KEY_A = Buffer.alloc(32, 1).toString('base64url');
const KEY_B = Buffer.alloc(32, 2).toString('base64url');

/** A store that lasts, as IndexedDB does: a map kept outside the queue, as a device would. */
function deviceStore(): QueueStore & { records: Map<string, Sealed> } {
  const records = new Map<string, Sealed>();
  return {
    lasting: true,
    records,
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

function act(requestId: string, kind: QueuedAct['kind'] = 'checkIn') {
  return {
    requestId,
    kind,
    query: 'mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { id } }',
    variables: { input: { requestId, residentIds: ['r'], shelterId: 's' } },
  };
}

async function queueOn(
  store: QueueStore,
  send: (act: QueuedAct) => Promise<SendOutcome> = () => Promise.resolve('sent'),
  key = KEY_A,
  userId = 'user-a',
) {
  return createQueue({
    userId,
    store,
    cipher: await queueCipher(subtle, random, key, userId),
    send,
    now: () => new Date('2026-11-29T06:00:00Z'),
  });
}

describe('the offline queue', () => {
  it('sends the acts in the order they were made, and empties', async () => {
    const sent: string[] = [];
    const queue = await queueOn(deviceStore(), (each) => {
      sent.push(each.requestId);
      return Promise.resolve('sent');
    });
    await queue.add(act('1'));
    await queue.add(act('2', 'turnaway'));
    await queue.add(act('3', 'report'));
    await queue.replay();
    expect(sent).toEqual(['1', '2', '3']);
    expect(queue.items.value).toEqual([]);
  });

  it('queues an act once however often it is added (its requestId)', async () => {
    const queue = await queueOn(deviceStore());
    await queue.add(act('1'));
    await queue.add(act('1'));
    expect(queue.items.value.map((each) => each.requestId)).toEqual(['1']);
  });

  it('stops a round at the first act without answer, and sends it again next time', async () => {
    let online = false;
    const sent: string[] = [];
    const queue = await queueOn(deviceStore(), (each) => {
      if (!online) {
        return Promise.resolve('unanswered');
      }
      sent.push(each.requestId);
      return Promise.resolve('sent');
    });
    await queue.add(act('1'));
    await queue.add(act('2'));
    await queue.replay();
    expect(queue.items.value.map((each) => each.requestId)).toEqual(['1', '2']);
    online = true;
    await queue.replay();
    expect(sent).toEqual(['1', '2']);
    expect(queue.items.value).toEqual([]);
  });

  it('keeps an act refused on replay, with its reason, goes on with the next, and never resends it', async () => {
    const sent: string[] = [];
    const queue = await queueOn(deviceStore(), (each) => {
      sent.push(each.requestId);
      return Promise.resolve(
        each.requestId === '1'
          ? { refused: { code: 'CONFLICT', message: 'Bed taken', reason: 'BED_TAKEN' } as never }
          : 'sent',
      );
    });
    await queue.add(act('1'));
    await queue.add(act('2'));
    await queue.replay();
    expect(queue.items.value).toEqual([
      expect.objectContaining({
        requestId: '1',
        refusal: expect.objectContaining({ reason: 'BED_TAKEN' }),
      }),
    ]);
    await queue.replay();
    expect(sent).toEqual(['1', '2']);
    await queue.dismiss('1');
    expect(queue.items.value).toEqual([]);
  });

  it('outlives the page: another queue of the same user on the same store reads it', async () => {
    const store = deviceStore();
    const first = await queueOn(store);
    await first.add(act('1'));
    await first.add(act('2'));
    const again = await queueOn(store);
    await again.load();
    expect(again.items.value.map((each) => each.requestId)).toEqual(['1', '2']);
    expect(again.lasting).toBe(true);
  });

  it('keeps only ciphertext, which opens with the same key and user and no other', async () => {
    const store = deviceStore();
    const queue = await queueOn(store);
    await queue.add(act('secret-request'));
    const sealed = store.records.get('user-a')!;
    expect(new TextDecoder().decode(sealed.data)).not.toContain('secret-request');
    const same = await queueCipher(subtle, random, KEY_A, 'user-a');
    expect(await same.open(sealed)).toEqual([
      expect.objectContaining({ requestId: 'secret-request' }),
    ]);
    const otherKey = await queueCipher(subtle, random, KEY_B, 'user-a');
    await expect(otherKey.open(sealed)).rejects.toThrow();
    const otherUser = await queueCipher(subtle, random, KEY_A, 'user-b');
    await expect(otherUser.open(sealed)).rejects.toThrow();
  });

  it('says so when what is kept cannot be opened, and shows nothing of it', async () => {
    const store = deviceStore();
    await (await queueOn(store)).add(act('1'));
    const intruder = await queueOn(store, undefined, KEY_B);
    await intruder.load();
    expect(intruder.unreadable.value).toBe(true);
    expect(intruder.items.value).toEqual([]);
  });

  it('leaves nothing on the device once empty, and after clear', async () => {
    const store = deviceStore();
    const queue = await queueOn(store);
    await queue.add(act('1'));
    await queue.replay();
    expect(store.records.size).toBe(0);
    await queue.add(act('2'));
    await queue.clear();
    expect(store.records.size).toBe(0);
    expect(queue.items.value).toEqual([]);
  });

  it('without WebCrypto (plain http) keeps the acts in memory only', async () => {
    const store = deviceStore();
    const queue = createQueue({
      userId: 'u',
      store,
      cipher: null,
      send: () => Promise.resolve('sent'),
    });
    await queue.add(act('1'));
    expect(queue.lasting).toBe(false);
    expect(store.records.size).toBe(0);
    expect(queue.items.value).toHaveLength(1);
    expect(memoryStore().lasting).toBe(false);
    expect(
      secureSubtle({ isSecureContext: false, crypto: webcrypto as unknown as Crypto }),
    ).toBeNull();
    expect(
      secureSubtle({ isSecureContext: true, crypto: webcrypto as unknown as Crypto }),
    ).not.toBeNull();
  });
});
