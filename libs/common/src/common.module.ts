import {
  Global,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
import { runEvery } from './periodic.js';
import { ScopeRegistry } from './scope-registry.js';

const HOUR_MS = 3_600_000;

/** Prunes the request log hourly; safe from every instance. */
@Injectable()
export class RequestLogRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RequestLogRetention.name);
  private stop?: () => void;

  constructor(private readonly idempotency: IdempotencyService) {}

  onApplicationBootstrap(): void {
    this.stop = runEvery(
      HOUR_MS,
      () => this.idempotency.prune(),
      (error) =>
        this.logger.warn(
          `request log prune failed: ${error instanceof Error ? error.name : 'error'}`,
        ),
      { immediately: true },
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}

@Global()
@Module({
  providers: [IdempotencyService, RequestLogRetention, ScopeRegistry],
  exports: [IdempotencyService, ScopeRegistry],
})
export class CommonModule {}
