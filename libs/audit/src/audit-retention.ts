import { PeriodicTask } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from './audit.service.js';

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');

export interface AuditOptions {
  retentionDays: number;
}

const DAY_MS = 86_400_000;

/** Purges rows past retention at start and daily; safe with several instances (a purge is idempotent). */
@Injectable()
export class AuditRetention extends PeriodicTask {
  constructor(
    private readonly audit: AuditService,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {
    super();
  }

  protected everyMs(): number {
    return DAY_MS;
  }

  protected run(): Promise<unknown> {
    return this.audit.purge(this.options.retentionDays);
  }

  protected override startsAtOnce(): boolean {
    return true;
  }
}
