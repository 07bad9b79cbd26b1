import { createHash } from 'node:crypto';
import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';

const LOGIN_THROTTLE_PURGE: ClusterJob = { name: 'login-throttle-purge', everyMs: 600_000 };

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * Limits login tries per account and per address, in PostgreSQL so that every API instance
 * shares the counts. A try is counted *before* the password is checked, with one atomic upsert:
 * concurrent requests, or many aliases in one request, each take a numbered try, and those past
 * the limit are refused and lock the key for LOGIN_LOCKOUT. A success gives its try back.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly jobs: ClusterJobs,
  ) {}

  /** Forgets spent login counts every ten minutes, once per cluster. */
  @Interval(LOGIN_THROTTLE_PURGE.name, LOGIN_THROTTLE_PURGE.everyMs)
  purgeJob(): Promise<JobOutcome> {
    return this.jobs.once(LOGIN_THROTTLE_PURGE, () => this.purge());
  }

  keys(email: string, ip: string): ThrottleKeys {
    return {
      // The email is hashed: the throttle table holds no address book.
      account: `account:${createHash('sha256').update(email).digest('hex')}`,
      address: `address:${ip}`,
    };
  }

  /** Takes a try on both keys; false when either is locked or out of tries. */
  async admit(keys: ThrottleKeys): Promise<boolean> {
    const account = await this.take(keys.account, this.options.loginMaxFailuresPerAccount);
    const address = await this.take(keys.address, this.options.loginMaxFailuresPerAddress);
    return account && address;
  }

  /** After a success: the account starts afresh, and the address gets its try back. */
  async succeeded(keys: ThrottleKeys): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE key = $1', [keys.account]);
    await this.dataSource.query(
      'UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1',
      [keys.address],
    );
  }

  /**
   * Takes a try at a user's second-factor step (codes and recovery codes alike): false once
   * `limit` wrong tries in a row have locked it for LOGIN_LOCKOUT. `tries` is this try's number.
   */
  async admitSecondFactor(
    userId: string,
    limit: number,
  ): Promise<{ admitted: boolean; tries: number }> {
    return this.takeCounted(secondFactorKey(userId), limit);
  }

  /** A right code: the count of wrong ones in a row starts again. */
  async secondFactorSucceeded(userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE key = $1', [
      secondFactorKey(userId),
    ]);
  }

  /** The `tries`-th try was wrong and the last allowed: lock the step now. */
  async lockSecondFactor(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2) WHERE key = $1',
      [secondFactorKey(userId), this.options.loginLockoutMs / 1000],
    );
  }

  /** Forgets counts whose window and lock are both over. */
  async purge(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_throttle
        WHERE window_start < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
      [this.options.loginLockoutMs / 1000],
    );
  }

  private async take(key: string, limit: number): Promise<boolean> {
    return (await this.takeCounted(key, limit)).admitted;
  }

  private async takeCounted(
    key: string,
    limit: number,
  ): Promise<{ admitted: boolean; tries: number }> {
    const window = this.options.loginLockoutMs / 1000;
    const [row] = await this.dataSource.query<{ failures: number; locked: boolean }[]>(
      `INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${FRESH} THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN ${FRESH} THEN now() ELSE t.window_start END,
         locked_until = CASE WHEN ${FRESH} THEN NULL ELSE t.locked_until END
       RETURNING failures, coalesce(locked_until > now(), false) AS locked`,
      [key, window],
    );
    if (row.locked) {
      return { admitted: false, tries: row.failures };
    }
    if (row.failures > limit) {
      await this.dataSource.query(
        'UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2) WHERE key = $1',
        [key, window],
      );
      return { admitted: false, tries: row.failures };
    }
    return { admitted: true, tries: row.failures };
  }
}

function secondFactorKey(userId: string): string {
  return `second-factor:${userId}`;
}

/** The window of the counted tries is over and no lock holds: start counting again. */
const FRESH = `(t.window_start < now() - make_interval(secs => $2) AND (t.locked_until IS NULL OR t.locked_until < now()))`;
