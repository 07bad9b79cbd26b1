import { jest } from '@jest/globals';
import { ClusterJobs, type JobOutcome, jobLockKey } from '@albergue/common';
import { HoldsService } from '@albergue/occupancy';
import pg from 'pg';
import { freshDatabase, startTestApp, type TestApp } from './helpers/test-app.js';

/** Hold expiry's name and period (libs/occupancy/src/holds.service.ts). */
const JOB = 'hold-expiry';
const PERIOD_MS = 30_000;

/** What each of this instance's ticks of the job came to, in order, as they settle. */
function outcomesOf(app: TestApp): JobOutcome[] {
  const jobs = app.app.get(ClusterJobs);
  const once = jobs.once.bind(jobs);
  const outcomes: JobOutcome[] = [];
  jest.spyOn(jobs, 'once').mockImplementation(async (job, work) => {
    const outcome = await once(job, work);
    if (job.name === JOB) {
      outcomes.push(outcome);
    }
    return outcome;
  });
  return outcomes;
}

/** Polls `done` (bounded): the ticks come from the instances' own timers, not from the spec. */
async function until(done: () => boolean, withinMs: number): Promise<void> {
  const end = Date.now() + withinMs;
  while (!done()) {
    if (Date.now() > end) {
      throw new Error(`not done within ${withinMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Two API instances on one database, each with its own scheduler ticking hold expiry every half
 * minute: at each tick exactly one of them runs it. The spec waits for two real ticks of each
 * (about a minute), holding the job's lock itself during the second.
 */
describe('Background jobs across instances (e2e)', () => {
  let first: TestApp;
  let second: TestApp;
  let firstTicks: JobOutcome[];
  let secondTicks: JobOutcome[];

  const runs = async () =>
    (await first.sql<{ runs: number }>('SELECT runs FROM job_run WHERE name = $1', [JOB]))[0]
      ?.runs ?? 0;

  beforeAll(async () => {
    const databaseUrl = await freshDatabase();
    first = await startTestApp({ DATABASE_URL: databaseUrl });
    firstTicks = outcomesOf(first);
    second = await startTestApp({ DATABASE_URL: databaseUrl });
    secondTicks = outcomesOf(second);
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await first?.close();
    await second?.close();
  });

  it('runs hold expiry once per tick across both, and not at all while its lock is held elsewhere', async () => {
    expect(await runs()).toBe(0);

    // First tick of each instance: one runs it, the other finds it done for this period.
    await until(() => firstTicks.length >= 1 && secondTicks.length >= 1, PERIOD_MS + 15_000);
    expect([firstTicks[0], secondTicks[0]].filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect([firstTicks[0], secondTicks[0]]).toContainEqual(expect.stringMatching(/not-due|busy/));
    expect(await runs()).toBe(1);

    // Second tick, with the job's lock held by another session: neither instance runs it.
    const holder = new pg.Client({ connectionString: first.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1::bigint)', [jobLockKey(JOB)]);
      await until(() => firstTicks.length >= 2 && secondTicks.length >= 2, PERIOD_MS + 15_000);
      expect([firstTicks[1], secondTicks[1]]).toEqual(['busy', 'busy']);
      expect(await runs()).toBe(1);
    } finally {
      await holder.end();
    }

    // Lock gone, period over: the two instances ticking at the same moment run it once.
    const [a, b] = await Promise.all([
      first.app.get(HoldsService).holdExpiryJob(),
      second.app.get(HoldsService).holdExpiryJob(),
    ]);
    expect([a, b].filter((outcome) => outcome === 'ran')).toHaveLength(1);
    expect(await runs()).toBe(2);
    const [row] = await first.sql<{ finished_at: Date | null }>(
      'SELECT finished_at FROM job_run WHERE name = $1',
      [JOB],
    );
    expect(row.finished_at).not.toBeNull();
  }, 120_000);
});
