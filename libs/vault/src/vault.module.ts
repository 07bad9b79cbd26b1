import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ErasureService } from './erasure.service.js';
import { KeyRotationService } from './key-rotation.service.js';
import { Vault } from './vault.js';
import { VAULT_OPTIONS, type VaultOptions } from './vault.options.js';
import { VaultRegistry } from './vault-registry.js';

/** Global: one keyring per process, and every lib that seals declares its columns to one registry. */
@Global()
@Module({})
export class VaultModule {
  static forRoot(options: VaultOptions): DynamicModule {
    return {
      module: VaultModule,
      providers: [
        { provide: VAULT_OPTIONS, useValue: options },
        ErasureService,
        KeyRotationService,
        Vault,
        VaultRegistry,
      ],
      exports: [ErasureService, KeyRotationService, Vault, VaultRegistry],
    };
  }
}
