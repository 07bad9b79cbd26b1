import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  retentionDays: number;
}

const DAY_MS = 86_400_000;

/** Purges rows past retention once at start and daily; safe with several instances (a purge is idempotent). */
@Injectable()
export class AuditRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly audit: AuditService,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.audit.purge(this.options.retentionDays).catch((error: unknown) => {
        this.logger.warn(
          `audit retention purge failed: ${error instanceof Error ? error.name : 'error'}`,
        );
      });
    };
    run();
    this.timer = setInterval(run, DAY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      global: true,
      providers: [
        { provide: AUDIT_OPTIONS, useValue: options },
        AuditService,
        AuditResolver,
        AuditRetention,
      ],
      exports: [AuditService],
    };
  }
}
