import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ClusterJobs } from './cluster-jobs.js';
import {
  IdempotencyService,
  REQUEST_FINGERPRINT,
  type RequestFingerprint,
} from './idempotency.service.js';
import { ScopeRegistry } from './scope-registry.js';
import { StaffDirectory } from './staff-directory.js';

// Global: every lib runs its acts through idempotency and its jobs through ClusterJobs, and the
// guard reads the one ScopeRegistry all of them register in.
@Global()
@Module({})
export class CommonModule {
  static forRoot(options: { fingerprint: RequestFingerprint }): DynamicModule {
    return {
      module: CommonModule,
      providers: [
        { provide: REQUEST_FINGERPRINT, useValue: options.fingerprint },
        ClusterJobs,
        IdempotencyService,
        ScopeRegistry,
        StaffDirectory,
      ],
      exports: [ClusterJobs, IdempotencyService, ScopeRegistry, StaffDirectory],
    };
  }
}
