import { snakeCase } from '@albergue/common';
import type { BlindIndex, SealedRow, SealedTable } from '@albergue/vault';
import { documentKey, nameKey } from './lookup-keys.js';
import { nameTerms } from './name-terms.js';
import type { LookupKind, SealedField } from './resident-sealer.js';
import type { Resident } from './resident.entity.js';

export interface SealedColumn {
  column: keyof Resident;
  field: SealedField;
  /** For fields found by exact look-up: the kind of keyed hash, and where it is kept. */
  lookup?: { kind: LookupKind; hashColumn: keyof Resident };
  /** For fields searched by their parts: the blind index of their terms. */
  index?: BlindIndex;
}

/** The blind index of names (resident_name_index): keyed hashes of each token and its sound. */
export const NAME_INDEX: BlindIndex = {
  table: 'resident_name_index',
  ownerColumn: 'resident_id',
  terms: nameTerms,
};

/**
 * Every sealed column of a resident, in one place: a merge carries them over, and through
 * RESIDENT_SEALED_TABLES key rotation re-seals them and anonymisation empties them (and their hashes).
 */
export const SEALED_COLUMNS: SealedColumn[] = [
  {
    column: 'nameSealed',
    field: 'resident.name',
    lookup: { kind: 'name', hashColumn: 'nameHash' },
    index: NAME_INDEX,
  },
  { column: 'genderSealed', field: 'resident.gender' },
  { column: 'phoneSealed', field: 'resident.phone' },
  { column: 'notesSealed', field: 'resident.notes' },
  { column: 'childProtectionSealed', field: 'resident.childProtection' },
  {
    column: 'folioSealed',
    field: 'resident.folio',
    lookup: { kind: 'folio', hashColumn: 'folioHash' },
  },
  {
    column: 'passportSealed',
    field: 'resident.passport',
    lookup: { kind: 'passport', hashColumn: 'passportHash' },
  },
  {
    column: 'curpSealed',
    field: 'resident.curp',
    lookup: { kind: 'curp', hashColumn: 'curpHash' },
  },
  {
    column: 'tvrhSealed',
    field: 'resident.tvrh',
    lookup: { kind: 'tvrh', hashColumn: 'tvrhHash' },
  },
  { column: 'caseNumberSealed', field: 'resident.caseNumber' },
  { column: 'asylumOfficeSealed', field: 'resident.asylumOffice' },
];

/** The look-up form of a resident's value, as the service computes it when it writes one. */
function lookupForm(kind: LookupKind): (plain: string, row: SealedRow) => string | null {
  return kind === 'name'
    ? (plain, row) => nameKey(plain, row.birth_year as number | null)
    : (plain) => documentKey(plain);
}

/**
 * What residents declare to the vault: key rotation re-seals every column (recomputing the
 * look-up hashes), and anonymising a resident empties them all, by `resident` subject. History
 * reasons and appointment notes are bound to their own row's id, so a merge moves them as they are.
 */
export const RESIDENT_SEALED_TABLES: SealedTable[] = [
  {
    table: 'resident',
    subject: { kind: 'resident', column: 'id' },
    columns: SEALED_COLUMNS.map(({ column, field, lookup, index }) => ({
      column: snakeCase(String(column)),
      field,
      ...(index && { index }),
      ...(lookup && {
        lookup: {
          kind: lookup.kind,
          hashColumn: snakeCase(String(lookup.hashColumn)),
          reads: lookup.kind === 'name' ? ['birth_year'] : [],
          normalise: lookupForm(lookup.kind),
        },
      }),
    })),
  },
  {
    table: 'resident_event',
    subject: { kind: 'resident', column: 'resident_id' },
    columns: [
      { column: 'reason_sealed', field: 'resident_event.reason' satisfies SealedField },
      { column: 'office_sealed', field: 'resident_event.office' satisfies SealedField },
    ],
  },
  {
    table: 'appointment',
    subject: { kind: 'resident', column: 'resident_id' },
    columns: [
      { column: 'notes_sealed', field: 'appointment.notes' satisfies SealedField },
      { column: 'place_sealed', field: 'appointment.place' satisfies SealedField },
    ],
  },
];
