import { type SealedTable, Vault, VaultRegistry } from '@albergue/vault';
import { Injectable } from '@nestjs/common';

/** Every sealed field of a referral, named once: the name is part of each value's context. */
export type ReferralSealedField =
  | 'referral.alias'
  | 'referral.sexAtBirth'
  | 'referral.reason'
  | 'referral.place'
  | 'referral.note'
  | 'referral_event.note';

/**
 * What referrals declare to the vault: key rotation re-seals every column, and erasing the
 * resident empties them (the counts, states and dates stay for the figures).
 */
export const REFERRAL_SEALED_TABLES: SealedTable[] = [
  {
    table: 'referral',
    subject: { kind: 'resident', column: 'resident_id' },
    columns: [
      { column: 'alias_sealed', field: 'referral.alias' satisfies ReferralSealedField },
      { column: 'sex_at_birth_sealed', field: 'referral.sexAtBirth' satisfies ReferralSealedField },
      { column: 'reason_sealed', field: 'referral.reason' satisfies ReferralSealedField },
      { column: 'place_sealed', field: 'referral.place' satisfies ReferralSealedField },
      { column: 'note_sealed', field: 'referral.note' satisfies ReferralSealedField },
    ],
  },
  {
    table: 'referral_event',
    subject: { kind: 'resident', column: 'resident_id' },
    columns: [
      { column: 'note_sealed', field: 'referral_event.note' satisfies ReferralSealedField },
    ],
  },
];

/** Seals and opens referrals' free text, each value bound to its field and row. */
@Injectable()
export class ReferralSealer {
  constructor(
    private readonly vault: Vault,
    registry: VaultRegistry,
  ) {
    // At construction: nothing can be sealed before the columns are declared.
    registry.register(...REFERRAL_SEALED_TABLES);
  }

  seal(
    field: ReferralSealedField,
    ownerId: string,
    value: string | null | undefined,
  ): string | null {
    return this.vault.seal(field, ownerId, value);
  }

  open(field: ReferralSealedField, ownerId: string, sealed: string | null): string | null {
    return this.vault.open(field, ownerId, sealed);
  }
}
