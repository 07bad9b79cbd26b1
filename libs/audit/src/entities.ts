import { AuditEntry } from './audit-entry.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const AUDIT_ENTITIES = [AuditEntry];
