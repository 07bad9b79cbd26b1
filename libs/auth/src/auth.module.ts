import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AccountsService } from './accounts.service.js';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { AuthResolver } from './auth.resolver.js';
import { FirstStartService } from './first-start.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { LoginService } from './login.service.js';
import { MutationAuditInterceptor } from './mutation-audit.interceptor.js';
import { PolicyGuard } from './policy.guard.js';
import { PolicyRegistry } from './policy-registry.js';
import { SessionsService } from './sessions.service.js';
import { UsersResolver } from './users.resolver.js';

const PURGE_EVERY_MS = 10 * 60_000;

/** Deletes ended sessions and spent login counts every ten minutes; safe from every instance. */
@Injectable()
export class AuthHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuthHousekeeping.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => {
        Promise.all([this.sessions.purgeExpired(), this.throttle.purge()]).catch(
          (error: unknown) => {
            this.logger.warn(
              `session purge failed: ${error instanceof Error ? error.name : 'error'}`,
            );
          },
        );
      },
      Math.min(PURGE_EVERY_MS, this.options.sessionIdleMs),
    ).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: MutationAuditInterceptor },
        AccountsService,
        AuthHousekeeping,
        AuthResolver,
        FirstStartService,
        LoginService,
        LoginThrottleService,
        PolicyRegistry,
        SessionsService,
        UsersResolver,
      ],
      exports: [AccountsService, FirstStartService, PolicyRegistry, SessionsService],
    };
  }
}
