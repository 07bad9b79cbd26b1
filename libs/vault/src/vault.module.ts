import { type DynamicModule, Module } from '@nestjs/common';
import { ErasureService } from './erasure.service.js';
import { KeyRotationService } from './key-rotation.service.js';
import { Vault } from './vault.js';
import { VAULT_OPTIONS, type VaultOptions } from './vault.options.js';
import { VaultRegistry } from './vault-registry.js';

/**
 * One keyring per process, and every lib that seals declares its columns to one registry: the
 * application configures this module once and hands that same module to each lib that imports it.
 */
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
