import { Global, Injectable, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
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
@Module({
  providers: [IdempotencyService, RequestLogRetention, ScopeRegistry],
  exports: [IdempotencyService, ScopeRegistry],
})
export class CommonModule {}
