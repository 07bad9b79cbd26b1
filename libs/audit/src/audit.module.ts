import { type DynamicModule, Module } from '@nestjs/common';
import { AUDIT_OPTIONS, type AuditOptions, AuditRetention } from './audit-retention.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

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
