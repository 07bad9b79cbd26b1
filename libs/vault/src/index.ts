export { VAULT_ENTITIES } from './entities.js';
export { ErasureService } from './erasure.service.js';
export { FieldCipher, normaliseDocument, normaliseName, SEALED_FORM } from './field-cipher.js';
export {
  insertIndexRows,
  KeyRotationService,
  type RotationReport,
} from './key-rotation.service.js';
export {
  type Keyring,
  KeyringError,
  keyId,
  newKey,
  parseKeyring,
  serialiseKeyring,
} from './keyring.js';
export { Vault } from './vault.js';
export { VaultModule } from './vault.module.js';
export { type VaultOptions } from './vault.options.js';
export {
  type BlindIndex,
  type SealedColumn,
  type SealedRow,
  type SealedTable,
  VaultRegistry,
} from './vault-registry.js';
