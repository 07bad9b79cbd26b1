import { Allow, Role } from '@albergue/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService } from './audit.service.js';
import { AuditLogArgs } from './dto/audit-filter.input.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow([Role.ADMIN])
  @Query(() => [AuditEntry], { description: 'Newest first.' })
  auditLog(@Args() args: AuditLogArgs): Promise<AuditEntry[]> {
    return this.audit.list(args);
  }

  @Allow([Role.ADMIN])
  @Query(() => String, { description: 'The same rows as auditLog, as CSV, for export.' })
  auditLogCsv(@Args() args: AuditLogArgs): Promise<string> {
    return this.audit.exportCsv(args);
  }
}
