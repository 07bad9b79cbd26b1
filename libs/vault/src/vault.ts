import { Inject, Injectable } from '@nestjs/common';
import type { FieldCipher } from './field-cipher.js';

/** Blind-index rows of some terms under a cipher's key, each (kind, value) once. */
export function indexRowsOf(
  cipher: FieldCipher,
  terms: { kind: string; term: string }[],
): { kind: string; hmac: string }[] {
  const rows = new Map<string, { kind: string; hmac: string }>();
  for (const { kind, term } of terms) {
    const hmac = cipher.index(kind, term);
    rows.set(hmac, { kind, hmac });
  }
  return [...rows.values()];
}
import { VAULT_OPTIONS, type VaultOptions } from './vault.options.js';
import { VaultRegistry } from './vault-registry.js';

/**
 * Seals and opens every lib's sealed fields, each bound to its field and owner id
 * (`<field>:<owner id>`), and computes the keyed look-up hashes. Only fields declared to the
 * VaultRegistry are sealed, so that a rotation reaches every value sealed with a key.
 */
@Injectable()
export class Vault {
  private cipher: FieldCipher;

  constructor(
    @Inject(VAULT_OPTIONS) options: VaultOptions,
    private readonly registry: VaultRegistry,
  ) {
    this.cipher = options.cipher;
  }

  seal(field: string, ownerId: string, value: string | null | undefined): string | null {
    this.declared(field);
    return value === null || value === undefined || value === ''
      ? null
      : this.cipher.seal(value, `${field}:${ownerId}`);
  }

  open(field: string, ownerId: string, sealed: string | null): string | null {
    this.declared(field);
    return sealed === null ? null : this.cipher.open(sealed, `${field}:${ownerId}`);
  }

  /** A keyed hash for exact look-ups; nothing for an empty input. */
  hash(kind: string, normalised: string | null | undefined): string | null {
    return normalised ? this.cipher.hash(kind, normalised) : null;
  }

  /** The blind-index rows of a value, under the current key (see VaultRegistry's BlindIndex). */
  indexRows(terms: { kind: string; term: string }[]): { kind: string; hmac: string }[] {
    return indexRowsOf(this.cipher, terms);
  }

  get currentKeyId(): string {
    return this.cipher.currentKeyId;
  }

  /** The cipher sealing now: key rotation opens with it. */
  get cipherInUse(): FieldCipher {
    return this.cipher;
  }

  /** Used by key rotation once it has committed: from now on, seal and hash with this cipher. */
  use(cipher: FieldCipher): void {
    this.cipher = cipher;
  }

  private declared(field: string): void {
    if (!this.registry.has(field)) {
      throw new Error(`sealed field ${field} is not registered with the vault`);
    }
  }
}
