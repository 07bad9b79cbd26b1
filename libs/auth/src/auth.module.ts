import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { AccountsService } from './accounts.service.js';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { AuthResolver } from './auth.resolver.js';
import { FieldVisitsResolver } from './field-visits.resolver.js';
import { FieldVisitsService } from './field-visits.service.js';
import { FirstStartService } from './first-start.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { LoginService } from './login.service.js';
import { MutationAuditInterceptor } from './mutation-audit.interceptor.js';
import { PolicyGuard } from './policy.guard.js';
import { PolicyRegistry } from './policy-registry.js';
import { SecondFactorResolver } from './second-factor.resolver.js';
import { SecondFactorService } from './second-factor.service.js';
import { SessionsService } from './sessions.service.js';
import { UsersResolver } from './users.resolver.js';

@Module({})
export class AuthModule {
  /** `uses`: the configured modules whose services auth calls (audit, vault). */
  static forRoot(options: AuthOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: AuthModule,
      imports: [DiscoveryModule, ...uses],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        { provide: APP_GUARD, useClass: PolicyGuard },
        { provide: APP_INTERCEPTOR, useClass: MutationAuditInterceptor },
        AccountsService,
        AuthResolver,
        FieldVisitsResolver,
        FieldVisitsService,
        FirstStartService,
        LoginService,
        LoginThrottleService,
        PolicyRegistry,
        SecondFactorResolver,
        SecondFactorService,
        SessionsService,
        UsersResolver,
      ],
      exports: [
        AccountsService,
        FirstStartService,
        PolicyRegistry,
        SecondFactorService,
        SessionsService,
      ],
    };
  }
}
