import { Vault, VaultRegistry } from '@albergue/vault';
import { Injectable } from '@nestjs/common';
import { NAME_INDEX, RESIDENT_SEALED_TABLES } from './sealed-columns.js';

/** Every sealed field, named once: the name is part of the authenticated context of its values. */
export type SealedField =
  | 'resident.name'
  | 'resident.gender'
  | 'resident.phone'
  | 'resident.notes'
  | 'resident.childProtection'
  | 'resident.folio'
  | 'resident.passport'
  | 'resident.curp'
  | 'resident.tvrh'
  | 'resident.caseNumber'
  | 'resident.asylumOffice'
  | 'resident_event.reason'
  | 'resident_event.office'
  | 'appointment.notes'
  | 'appointment.place';

export type LookupKind = 'name' | 'folio' | 'passport' | 'curp' | 'tvrh';

/**
 * Residents' fields, sealed through the vault, each bound to its field and owner id; the names
 * are typed here so that a misspelt field fails to compile rather than to open.
 */
@Injectable()
export class ResidentSealer {
  constructor(
    private readonly vault: Vault,
    registry: VaultRegistry,
  ) {
    // At construction: nothing can be sealed before the columns are declared.
    registry.register(...RESIDENT_SEALED_TABLES);
  }

  seal(field: SealedField, ownerId: string, value: string | null | undefined): string | null {
    return this.vault.seal(field, ownerId, value);
  }

  open(field: SealedField, ownerId: string, sealed: string | null): string | null {
    return this.vault.open(field, ownerId, sealed);
  }

  hash(kind: LookupKind, normalised: string | null | undefined): string | null {
    return this.vault.hash(kind, normalised);
  }

  /** The blind-index rows of a name (or of a searched name): one per distinct token and sound. */
  nameIndex(name: string): { kind: string; hmac: string }[] {
    return this.vault.indexRows(NAME_INDEX.terms(name));
  }
}
