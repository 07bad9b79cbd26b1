import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { type ClusterJob, ClusterJobs, dueAfterMs, jobLockKey } from './cluster-jobs.js';

const JOB: ClusterJob = { name: 'test-job', everyMs: 30_000 };

/** One pooled connection as the lock wrapper sees it: what it was asked, in order. */
function fakeConnection({
  locked = true,
  due = true,
  unlock = (): Promise<unknown> => Promise.resolve(),
} = {}) {
  const sent: string[] = [];
  const runner = {
    connect: jest.fn(() => Promise.resolve()),
    release: jest.fn(() => Promise.resolve()),
    query: jest.fn((sql: string, _params?: unknown[]) => {
      const verb =
        /pg_try_advisory_lock|INSERT INTO job_run|UPDATE job_run|pg_advisory_unlock/.exec(sql)![0];
      sent.push(verb);
      switch (verb) {
        case 'pg_try_advisory_lock':
          return Promise.resolve({ records: [{ locked }] });
        case 'INSERT INTO job_run':
          return Promise.resolve({ records: due ? [{ runs: 1 }] : [] });
        case 'pg_advisory_unlock':
          return unlock();
        default:
          return Promise.resolve({ records: [] });
      }
    }),
  };
  const dataSource = { createQueryRunner: () => runner } as unknown as DataSource;
  return { sut: new ClusterJobs(dataSource), runner, sent };
}

describe(ClusterJobs.name, () => {
  let warn: jest.SpiedFunction<Logger['warn']>;
  let debug: jest.SpiedFunction<Logger['debug']>;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs the work under the lock, records the run, then unlocks and gives the connection back', async () => {
    const { sut, runner, sent } = fakeConnection();
    const work = jest.fn(() => {
      // The run is claimed before the work starts, and the lock is still held.
      expect(sent).toEqual(['pg_try_advisory_lock', 'INSERT INTO job_run']);
      return Promise.resolve();
    });
    await expect(sut.once(JOB, work)).resolves.toBe('ran');
    expect(work).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([
      'pg_try_advisory_lock',
      'INSERT INTO job_run',
      'UPDATE job_run',
      'pg_advisory_unlock',
    ]);
    expect(runner.query.mock.calls[0][1]).toEqual([jobLockKey(JOB.name)]);
    expect(runner.query.mock.calls[3][1]).toEqual([jobLockKey(JOB.name)]);
    expect(runner.release).toHaveBeenCalledTimes(1);
  });

  it('skips the run when another instance holds the lock, at debug, unlocking nothing', async () => {
    const { sut, runner, sent } = fakeConnection({ locked: false });
    const work = jest.fn(() => Promise.resolve());
    await expect(sut.once(JOB, work)).resolves.toBe('busy');
    expect(work).not.toHaveBeenCalled();
    expect(sent).toEqual(['pg_try_advisory_lock']);
    expect(runner.release).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledWith(expect.stringContaining('test-job: skipped'));
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips the run when another instance ran it less than a period ago, and unlocks', async () => {
    const { sut, runner, sent } = fakeConnection({ due: false });
    const work = jest.fn(() => Promise.resolve());
    await expect(sut.once(JOB, work)).resolves.toBe('not-due');
    expect(work).not.toHaveBeenCalled();
    expect(sent).toEqual(['pg_try_advisory_lock', 'INSERT INTO job_run', 'pg_advisory_unlock']);
    expect(runner.release).toHaveBeenCalledTimes(1);
    expect(debug).toHaveBeenCalledTimes(1);
  });

  it('reports a failed run by the kind of error only, unlocks, and never throws', async () => {
    const { sut, runner, sent } = fakeConnection();
    const work = () => Promise.reject(new TypeError('value "Marisol" is not valid'));
    await expect(sut.once(JOB, work)).resolves.toBe('failed');
    expect(sent).toEqual(['pg_try_advisory_lock', 'INSERT INTO job_run', 'pg_advisory_unlock']);
    expect(runner.release).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('test-job: failed: TypeError');
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Marisol');
  });

  it('reports a failed unlock and still gives the connection back', async () => {
    const { sut, runner } = fakeConnection({
      unlock: () => Promise.reject(new Error('Connection terminated')),
    });
    await expect(sut.once(JOB, () => Promise.resolve())).resolves.toBe('ran');
    expect(warn).toHaveBeenCalledWith('test-job: unlock failed: Error');
    expect(runner.release).toHaveBeenCalledTimes(1);
  });

  it('reports a database it cannot reach, runs nothing, and gives back what it took', async () => {
    const { sut, runner } = fakeConnection();
    runner.connect.mockImplementation(() => Promise.reject(new Error('ECONNREFUSED')));
    const work = jest.fn(() => Promise.resolve());
    await expect(sut.once(JOB, work)).resolves.toBe('failed');
    expect(work).not.toHaveBeenCalled();
    expect(runner.query).not.toHaveBeenCalled();
    expect(runner.release).toHaveBeenCalledTimes(1);
  });
});

describe(jobLockKey.name, () => {
  it('is a stable signed 64-bit integer per name, different between names', () => {
    const key = jobLockKey('hold-expiry');
    expect(jobLockKey('hold-expiry')).toBe(key);
    expect(jobLockKey('audit-retention')).not.toBe(key);
    expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(BigInt(key)).toBeLessThan(2n ** 63n);
  });
});

describe(dueAfterMs.name, () => {
  it('forgives a tenth of a short period, and at most a minute of a long one', () => {
    expect(dueAfterMs(30_000)).toBe(27_000);
    expect(dueAfterMs(86_400_000)).toBe(86_340_000);
  });
});
