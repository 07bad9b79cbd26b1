import { webcrypto } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { queueCipher, type Sealed, secureSubtle } from './crypto.js';
import { createQueue, type QueuedAct, REPLAY_LIMIT_MS, type SendOutcome, tooOld } from './queue.js';
import { mapStore, memoryStore, type QueueStore } from './store.js';

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
  return { ...mapStore(records, true), records };
}

function act(requestId: string, kind: QueuedAct['kind'] = 'checkIn') {
  return {
    requestId,
    kind,
    query: 'mutation CheckIn($input: CheckInInput!) { checkIn(input: $input) { id } }',
    variables: { input: { requestId, residentIds: ['r'], shelterId: 's' } },
  };
}

const NOW = new Date('2026-11-29T06:00:00Z');

async function queueOn(
  store: QueueStore,
  send: (act: QueuedAct) => Promise<SendOutcome> = () => Promise.resolve('sent'),
  key = KEY_A,
  userId = 'user-a',
  more: { now?: () => Date; signedIn?: () => Promise<string | undefined> } = {},
) {
  return createQueue({
    userId,
    store,
    cipher: await queueCipher(subtle, random, key, userId),
    send,
    now: () => NOW,
    ...more,
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
    const sealed = store.records.get('user-a/secret-request')!;
    expect(new TextDecoder().decode(sealed.data)).not.toContain('residentIds');
    const same = await queueCipher(subtle, random, KEY_A, 'user-a');
    expect(await same.open(sealed)).toEqual(
      expect.objectContaining({ requestId: 'secret-request' }),
    );
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

  it('keeps the acts of two tabs of one user on one device: neither writes over the other', async () => {
    const store = deviceStore();
    const sent: string[] = [];
    const send = (each: QueuedAct) => {
      sent.push(each.requestId);
      return Promise.resolve<SendOutcome>('sent');
    };
    const tabA = await queueOn(store, send);
    const tabB = await queueOn(store, send);
    await tabA.load();
    await tabB.load();
    await tabA.add(act('from-a'));
    await tabB.add(act('from-b'));
    await tabA.add(act('from-a-again'));
    await tabB.dismiss('from-b');
    await tabB.add(act('from-b-again'));
    const later = await queueOn(store);
    await later.load();
    expect(later.items.value.map((each) => each.requestId).sort()).toEqual([
      'from-a',
      'from-a-again',
      'from-b-again',
    ]);
    // A round in one tab sends the other tab's acts too, and each once.
    await tabA.replay();
    await tabB.replay();
    expect(sent.sort()).toEqual(['from-a', 'from-a-again', 'from-b-again']);
    expect(store.records.size).toBe(0);
  });

  it('sends no act older than the API remembers requests by, and shows it to be redone', async () => {
    const sent: string[] = [];
    let at = new Date('2026-11-28T06:00:00Z');
    const queue = await queueOn(
      deviceStore(),
      (each) => {
        sent.push(each.requestId);
        return Promise.resolve('sent');
      },
      KEY_A,
      'user-a',
      { now: () => at },
    );
    await queue.add(act('old'));
    at = new Date(at.getTime() + REPLAY_LIMIT_MS - 60_000);
    await queue.add(act('recent'));
    // Under the API's 24 h (REQUEST_LOG_RETENTION_MS), with a margin.
    expect(REPLAY_LIMIT_MS).toBeLessThanOrEqual(21 * 60 * 60 * 1000);
    at = new Date(at.getTime() + 2 * 60_000);
    await queue.replay();
    expect(sent).toEqual(['recent']);
    expect(queue.items.value.map((each) => each.requestId)).toEqual(['old']);
    expect(tooOld(queue.items.value[0], at)).toBe(true);
    await queue.replay();
    expect(sent).toEqual(['recent']);
    await queue.dismiss('old');
    expect(queue.items.value).toEqual([]);
  });

  it('sends nothing while the session is another user’s, nor when that cannot be asked', async () => {
    const sent: string[] = [];
    let who: string | undefined = 'user-b';
    const queue = await queueOn(
      deviceStore(),
      (each) => {
        sent.push(each.requestId);
        return Promise.resolve('sent');
      },
      KEY_A,
      'user-a',
      { signedIn: () => Promise.resolve(who) },
    );
    await queue.add(act('1'));
    await queue.replay();
    who = undefined;
    await queue.replay();
    expect(sent).toEqual([]);
    expect(queue.items.value).toHaveLength(1);
    who = 'user-a';
    await queue.replay();
    expect(sent).toEqual(['1']);
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
