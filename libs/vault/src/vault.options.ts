import type { FieldCipher } from './field-cipher.js';

export const VAULT_OPTIONS = Symbol('VAULT_OPTIONS');

export interface VaultOptions {
  /** The cipher of the keys loaded at start (apps/api/src/keys). */
  cipher: FieldCipher;
}
