import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';
import {
  IdempotencyService,
  REQUEST_FINGERPRINT,
  type RequestFingerprint,
} from './idempotency.service.js';
import { PeriodicTask } from './periodic.js';
import { ScopeRegistry } from './scope-registry.js';

const HOUR_MS = 3_600_000;

/** Prunes the request log hourly; safe from every instance. */
@Injectable()
export class RequestLogRetention extends PeriodicTask {
  constructor(private readonly idempotency: IdempotencyService) {
    super();
  }

  protected everyMs(): number {
    return HOUR_MS;
  }

  protected run(): Promise<unknown> {
    return this.idempotency.prune();
  }

  protected override startsAtOnce(): boolean {
    return true;
  }
}

@Global()
@Module({})
export class CommonModule {
  static forRoot(options: { fingerprint: RequestFingerprint }): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: REQUEST_FINGERPRINT, useValue: options.fingerprint },
        IdempotencyService,
        RequestLogRetention,
        ScopeRegistry,
      ],
      exports: [IdempotencyService, ScopeRegistry],
    };
  }
}
