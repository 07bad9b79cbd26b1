import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
import { ScopeRegistry } from './scope-registry.js';

@Global()
@Module({
  providers: [IdempotencyService, ScopeRegistry],
  exports: [IdempotencyService, ScopeRegistry],
})
export class CommonModule {}
