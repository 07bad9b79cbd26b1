// The door of @albergue/audit: what other libs and apps use, named one by one; the rest stays inside.
export { AuditEntry, AuditOutcome } from './audit-entry.entity.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
