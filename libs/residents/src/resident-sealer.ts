import type { FieldCipher } from '@albergue/vault';
import { Inject, Injectable } from '@nestjs/common';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';

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

/** Seals and opens residents' identifying fields, each bound to its field and owner id. */
@Injectable()
export class ResidentSealer {
  private cipher: FieldCipher;

  constructor(@Inject(RESIDENTS_OPTIONS) options: ResidentsOptions) {
    this.cipher = options.cipher;
  }

  seal(field: SealedField, ownerId: string, value: string | null | undefined): string | null {
    return value === null || value === undefined || value === ''
      ? null
      : this.cipher.seal(value, `${field}:${ownerId}`);
  }

  open(field: SealedField, ownerId: string, sealed: string | null): string | null {
    return sealed === null ? null : this.cipher.open(sealed, `${field}:${ownerId}`);
  }

  hash(kind: LookupKind, normalised: string | null | undefined): string | null {
    return normalised ? this.cipher.hash(kind, normalised) : null;
  }

  /** Used by key rotation: from now on, seal and hash with this cipher. */
  use(cipher: FieldCipher): void {
    this.cipher = cipher;
  }

  get cipherInUse(): FieldCipher {
    return this.cipher;
  }
}
