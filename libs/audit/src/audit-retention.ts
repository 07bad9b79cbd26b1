import { runEvery } from '@albergue/common';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuditService } from './audit.service.js';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  retentionDays: number;
}

const DAY_MS = 86_400_000;

/** Purges rows past retention at start and daily; safe with several instances (a purge is idempotent). */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetention.name);
  private stop?: () => void;

  constructor(
    private readonly audit: AuditService,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = runEvery(
      DAY_MS,
      () => this.audit.purge(this.options.retentionDays),
      (error) =>
        this.logger.warn(
          `audit retention purge failed: ${error instanceof Error ? error.name : 'error'}`,
        ),
      { immediately: true },
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
  }
}
