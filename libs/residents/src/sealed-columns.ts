import { snakeCase } from '@albergue/common';
import type { LookupKind, SealedField } from './resident-sealer.js';
import type { Resident } from './resident.entity.js';

export interface SealedColumn {
  column: keyof Resident;
  field: SealedField;
  /** For fields found by exact look-up: the kind of keyed hash, and where it is kept. */
  lookup?: { kind: LookupKind; hashColumn: keyof Resident };
}

/**
 * Every sealed column of a resident, in one place: key rotation re-seals them, a merge carries
 * them over, anonymisation empties them (and their hashes).
 */
export const SEALED_COLUMNS: SealedColumn[] = [
  {
    column: 'nameSealed',
    field: 'resident.name',
    lookup: { kind: 'name', hashColumn: 'nameHash' },
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

/** Every identifying column, by its database name: what anonymisation empties. */
export const IDENTIFYING_COLUMNS: Record<string, true> = Object.fromEntries(
  SEALED_COLUMNS.flatMap(({ column, lookup }) => [
    column,
    ...(lookup ? [lookup.hashColumn] : []),
  ]).map((column) => [snakeCase(String(column)), true]),
);
