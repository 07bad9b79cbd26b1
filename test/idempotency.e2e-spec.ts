import { randomUUID } from 'node:crypto';
import { type ClusterJobs, IdempotencyService } from '@albergue/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate } from '../apps/api/src/database/data-source.js';
import { freshDatabase } from './helpers/test-app.js';

/**
 * IdempotencyService against a real PostgreSQL: `run`, what every creating or moving mutation
 * goes through so that a retried request never acts twice, and `once` inside a transaction of
 * the caller's. The act writes a row, so what happened is counted.
 */
describe(`${IdempotencyService.name} (e2e)`, () => {
  let dataSource: DataSource;
  let sut: IdempotencyService;

  beforeAll(async () => {
    const url = await freshDatabase();
    await migrate(url);
    dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE acted (id uuid PRIMARY KEY, request_id uuid NOT NULL)');
    // The jobs are not exercised here: only `once`.
    sut = new IdempotencyService(dataSource, (input) => `keyed:${input}`, {} as ClusterJobs);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  /**
   * One request in its own transaction; `hold` keeps the transaction open after acting, and
   * `onActed` says when it has acted.
   */
  const request = (
    requestId: string,
    payload: Record<string, unknown>,
    hold?: Promise<void>,
    onActed?: () => void,
  ) =>
    sut.run('test', { requestId, ...payload }, async (manager) => {
      const id = randomUUID();
      await manager.query('INSERT INTO acted (id, request_id) VALUES ($1, $2)', [id, requestId]);
      onActed?.();
      await hold;
      return id;
    });
  /** Until a statement of this database waits on a lock (bounded: 10 s). */
  const waitingOnALock = async () => {
    for (let tries = 0; tries < 200; tries += 1) {
      const [{ n }] = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n > 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the retry never waited on the first request');
  };
  const acted = async (requestId: string) =>
    (
      await dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM acted WHERE request_id = $1',
        [requestId],
      )
    )[0].n;

  it('acts once, and a replay returns the first result without acting', async () => {
    const requestId = randomUUID();
    const first = await request(requestId, { name: 'a' });
    const again = await request(requestId, { name: 'a' });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ id: first.id, replayed: true });
    expect(await acted(requestId)).toBe(1);
  });

  it('a concurrent retry waits for the first and returns its result', async () => {
    const requestId = randomUUID();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let acting!: () => void;
    const hasActed = new Promise<void>((resolve) => (acting = resolve));
    const first = request(requestId, { n: 1 }, held, acting);
    await hasActed;
    // The retry blocks on the request log's key until the first transaction ends.
    const retry = request(requestId, { n: 1 });
    await waitingOnALock();
    release();
    const [a, b] = await Promise.all([first, retry]);
    expect(b).toEqual({ id: a.id, replayed: true });
    expect(await acted(requestId)).toBe(1);
  });

  it('the same requestId with other input is refused, and acts not', async () => {
    const requestId = randomUUID();
    await request(requestId, { name: 'a' });
    await expect(request(requestId, { name: 'b' })).rejects.toMatchObject({
      code: 'CONFLICT',
      reason: 'REQUEST_ID_REUSED',
    });
    expect(await acted(requestId)).toBe(1);
  });

  it('a first attempt that rolled back leaves the retry free to act', async () => {
    const requestId = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await sut.once(manager, { requestId, operation: 'test', payload: {} }, async () => {
          await manager.query('INSERT INTO acted (id, request_id) VALUES ($1, $2)', [
            randomUUID(),
            requestId,
          ]);
          return randomUUID();
        });
        throw new Error('the rest of the act failed');
      }),
    ).rejects.toThrow('the rest of the act failed');
    expect(await acted(requestId)).toBe(0);
    const retry = await request(requestId, {});
    expect(retry.replayed).toBe(false);
    expect(await acted(requestId)).toBe(1);
  });

  it('keeps a keyed fingerprint of the input, whatever the order of its keys', async () => {
    const requestId = randomUUID();
    await request(requestId, { b: 2, a: 1 });
    const [row] = await dataSource.query<{ payload_hash: string }[]>(
      'SELECT payload_hash FROM request_log WHERE request_id = $1',
      [requestId],
    );
    expect(row.payload_hash).toBe('keyed:{"a":1,"b":2}');
    expect((await request(requestId, { a: 1, b: 2 })).replayed).toBe(true);
  });
});
