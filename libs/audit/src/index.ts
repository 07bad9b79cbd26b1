// The door of @albergue/audit: what other libs and apps use, named one by one; the rest stays inside.
export { AUDIT_ENTITIES } from './entities.js';
export { AuditOutcome } from './audit-entry.entity.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
