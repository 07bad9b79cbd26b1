export * from './audit-entry.entity.js';
export * from './audit.options.js';
export * from './audit.module.js';
export * from './audit.service.js';
export * from './dto/audit-filter.input.js';
