import { runEvery } from '@albergue/common';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService } from './sessions.service.js';

const PURGE_EVERY_MS = 10 * 60_000;

/** Deletes ended sessions and spent login counts every ten minutes; safe from every instance. */
@Injectable()
export class AuthHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeeping.name);
  private stop?: () => void;

  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = runEvery(
      Math.min(PURGE_EVERY_MS, this.options.sessionIdleMs),
      () => Promise.all([this.sessions.purgeExpired(), this.throttle.purge()]),
      (error) =>
        this.logger.warn(`session purge failed: ${error instanceof Error ? error.name : 'error'}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
