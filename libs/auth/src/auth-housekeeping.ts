import { PeriodicTask } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';

const PURGE_EVERY_MS = 10 * 60_000;

/** Deletes ended sessions and spent login counts every ten minutes; safe from every instance. */
@Injectable()
export class AuthHousekeeping extends PeriodicTask {
  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {
    super();
  }

  protected everyMs(): number {
    return Math.min(PURGE_EVERY_MS, this.options.sessionIdleMs);
  }

  protected run(): Promise<unknown> {
    return Promise.all([this.sessions.purgeExpired(), this.throttle.purge()]);
  }
}
