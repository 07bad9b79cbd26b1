export * from './app.exception.js';
export * from './common.module.js';
export * from './idempotency.service.js';
export * from './input-validation.pipe.js';
export * from './request-log.entity.js';
export * from './snake-naming.strategy.js';
export * from './request-loaders.js';
export * from './uuid.pipe.js';
