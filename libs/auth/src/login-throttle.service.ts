import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';

export interface ThrottleKeys {
  account: string;
  address: string;
}

/**
 * Counts failed logins per account and per address in PostgreSQL (so several API instances
 * share the count) and locks either for LOGIN_LOCKOUT once it passes its limit. Every attempt
 * is counted, also when many come as aliases in one request.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  keys(email: string, ip: string): ThrottleKeys {
    return {
      // The email is hashed: the throttle table holds no address book.
      account: `account:${createHash('sha256').update(email).digest('hex')}`,
      address: `address:${ip}`,
    };
  }

  async isLocked(keys: ThrottleKeys): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > now()',
      [[keys.account, keys.address]],
    );
    return rows.length > 0;
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    await this.bump(keys.account, this.options.loginMaxFailuresPerAccount);
    await this.bump(keys.address, this.options.loginMaxFailuresPerAddress);
  }

  async clearAccount(keys: ThrottleKeys): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttle WHERE key = $1', [keys.account]);
  }

  /** Forgets counts whose window and lock are both over. */
  async purge(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_throttle
        WHERE window_start < now() - make_interval(secs => $1) AND (locked_until IS NULL OR locked_until < now())`,
      [this.options.loginLockoutMs / 1000],
    );
  }

  private async bump(key: string, limit: number): Promise<void> {
    const window = this.options.loginLockoutMs / 1000;
    const [{ failures }] = await this.dataSource.query<{ failures: number }[]>(
      `INSERT INTO login_throttle AS t (key, failures, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start < now() - make_interval(secs => $2) THEN now() ELSE t.window_start END
       RETURNING failures`,
      [key, window],
    );
    if (failures >= limit) {
      await this.dataSource.query(
        'UPDATE login_throttle SET locked_until = now() + make_interval(secs => $2) WHERE key = $1',
        [key, window],
      );
    }
  }
}
