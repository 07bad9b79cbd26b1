import { type DynamicModule, Module } from '@nestjs/common';
import { AUDIT_OPTIONS, type AuditOptions } from './audit.options.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

@Module({})
export class AuditModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditModule,
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditService, AuditResolver],
      exports: [AuditService],
    };
  }
}
