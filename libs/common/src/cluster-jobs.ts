import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';

/** A background job that the whole cluster runs once per period, whatever the number of instances. */
export interface ClusterJob {
  /** Names the job's advisory lock and its row in `job_run`; unique in the cluster. */
  name: string;
  /** How often the cluster runs it. */
  everyMs: number;
}

/**
 * What one instance's tick did: `ran` (and recorded it), `busy` (another instance holds the
 * job's lock), `not-due` (some instance ran it less than a period ago) or `failed` (logged).
 */
export type JobOutcome = 'ran' | 'busy' | 'not-due' | 'failed';

/** The advisory lock key of a job: the first 64 bits of a hash of its name, as PostgreSQL's bigint. */
export function jobLockKey(name: string): string {
  return createHash('sha256').update(`albergue:job:${name}`).digest().readBigInt64BE(0).toString();
}

/**
 * Ticks of one instance arrive a little late or early (event loop, clock): a run this much short
 * of the period still counts as due, so the instance that ran last keeps its turn.
 */
export function dueAfterMs(everyMs: number): number {
  return everyMs - Math.min(everyMs / 10, 60_000);
}

/**
 * Runs scheduled work once per cluster. Every instance ticks (`@Interval` on the owning
 * service); at each tick this takes the job's session-level advisory lock on one pooled
 * connection, so that runs never overlap, and under it claims the run in `job_run` only if the
 * last one started at least about a period ago, because a lock alone would let an instance whose
 * tick comes just after another's run do it again. An instance that gets neither skips the tick.
 */
@Injectable()
export class ClusterJobs {
  private readonly logger = new Logger(ClusterJobs.name);

  constructor(private readonly dataSource: DataSource) {}

  async once(job: ClusterJob, work: () => Promise<unknown>): Promise<JobOutcome> {
    let runner: QueryRunner | undefined;
    let locked = false;
    try {
      runner = this.dataSource.createQueryRunner();
      await runner.connect();
      const lock = await runner.query(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [jobLockKey(job.name)],
        true,
      );
      locked = (lock.records as { locked: boolean }[])[0].locked;
      if (!locked) {
        this.logger.debug(`${job.name}: skipped, another instance is running it`);
        return 'busy';
      }
      const claim = await runner.query(
        `INSERT INTO job_run AS j (name, started_at, runs) VALUES ($1, now(), 1)
           ON CONFLICT (name) DO UPDATE SET started_at = now(), finished_at = NULL, runs = j.runs + 1
           WHERE j.started_at <= now() - make_interval(secs => $2)
         RETURNING runs`,
        [job.name, dueAfterMs(job.everyMs) / 1000],
        true,
      );
      if (claim.records.length === 0) {
        this.logger.debug(`${job.name}: skipped, another instance ran it this period`);
        return 'not-due';
      }
      await work();
      await runner.query('UPDATE job_run SET finished_at = now() WHERE name = $1', [job.name]);
      return 'ran';
    } catch (error) {
      this.warn(job, 'failed', error);
      return 'failed';
    } finally {
      if (locked) {
        // A failed unlock means a broken connection, and PostgreSQL ends a session's locks with it.
        await runner
          ?.query('SELECT pg_advisory_unlock($1::bigint)', [jobLockKey(job.name)])
          .catch((error: unknown) => this.warn(job, 'unlock failed', error));
      }
      await runner?.release();
    }
  }

  /** Names the kind of error only: a driver's message may quote the data it choked on. */
  private warn(job: ClusterJob, what: string, error: unknown): void {
    this.logger.warn(`${job.name}: ${what}: ${error instanceof Error ? error.name : 'error'}`);
  }
}
