import { VaultRegistry } from '@albergue/vault';
import { RESIDENT_SEALED_TABLES } from './sealed-columns.js';

/** The names below are in every stored value's context: changing one makes existing data unreadable. */
describe('RESIDENT_SEALED_TABLES', () => {
  const byTable = new Map(RESIDENT_SEALED_TABLES.map((t) => [t.table, t]));

  it('declares each column with the field its values were sealed as', () => {
    const fields = RESIDENT_SEALED_TABLES.flatMap(({ table, columns }) =>
      columns.map(({ column, field }) => `${table}.${column} ${field}`),
    );
    expect(fields).toEqual([
      'resident.name_sealed resident.name',
      'resident.gender_sealed resident.gender',
      'resident.phone_sealed resident.phone',
      'resident.notes_sealed resident.notes',
      'resident.child_protection_sealed resident.childProtection',
      'resident.folio_sealed resident.folio',
      'resident.passport_sealed resident.passport',
      'resident.curp_sealed resident.curp',
      'resident.tvrh_sealed resident.tvrh',
      'resident.case_number_sealed resident.caseNumber',
      'resident.asylum_office_sealed resident.asylumOffice',
      'resident_event.reason_sealed resident_event.reason',
      'resident_event.office_sealed resident_event.office',
      'appointment.notes_sealed appointment.notes',
      'appointment.place_sealed appointment.place',
    ]);
    expect(RESIDENT_SEALED_TABLES.every((t) => t.ownerColumn === undefined)).toBe(true);
    expect(RESIDENT_SEALED_TABLES.map((t) => t.subject)).toEqual([
      { kind: 'resident', column: 'id' },
      { kind: 'resident', column: 'resident_id' },
      { kind: 'resident', column: 'resident_id' },
    ]);
  });

  it('recomputes the look-up hashes from the same forms the service writes', () => {
    const lookups = byTable
      .get('resident')!
      .columns.flatMap(({ lookup }) => (lookup ? [lookup] : []));
    expect(lookups.map(({ kind, hashColumn }) => `${kind} ${hashColumn}`)).toEqual([
      'name name_hash',
      'folio folio_hash',
      'passport passport_hash',
      'curp curp_hash',
      'tvrh tvrh_hash',
    ]);
    const [name, folio] = lookups;
    expect(name.reads).toEqual(['birth_year']);
    expect(name.normalise('José  Pérez-Gómez', { birth_year: 1990 })).toBe('JOSE PEREZ GOMEZ|1990');
    expect(name.normalise('José', { birth_year: null })).toBe('JOSE|');
    expect(folio.normalise('mx-12.345/ab', {})).toBe('MX12345AB');
  });

  it('registers with the vault', () => {
    expect(() => new VaultRegistry().register(...RESIDENT_SEALED_TABLES)).not.toThrow();
  });
});
