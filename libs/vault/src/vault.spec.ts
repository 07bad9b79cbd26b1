import { FieldCipher } from './field-cipher.js';
import { keyId, newKey, parseKeyring } from './keyring.js';
import { Vault } from './vault.js';
import { type SealedTable, VaultRegistry } from './vault-registry.js';

const cipherOf = (...keys: Buffer[]) =>
  new FieldCipher(parseKeyring(keys.map((k) => k.toString('base64')).join('\n')));

const pledges: SealedTable = {
  table: 'pledge',
  subject: { kind: 'donor', column: 'donor_id' },
  columns: [
    {
      column: 'contact_sealed',
      field: 'pledge.contact',
      lookup: { kind: 'contact', hashColumn: 'contact_hash', normalise: (plain) => plain },
    },
  ],
};

describe(VaultRegistry.name, () => {
  it('keeps the tables declared, and finds them by subject', () => {
    const sut = new VaultRegistry();
    sut.register(pledges, { table: 'note', columns: [{ column: 'body', field: 'note.body' }] });
    expect(sut.tables.map((t) => t.table)).toEqual(['pledge', 'note']);
    expect(sut.about('donor')).toEqual([pledges]);
    expect(sut.about('resident')).toEqual([]);
    expect(sut.has('pledge.contact')).toBe(true);
    expect(sut.has('pledge.amount')).toBe(false);
  });

  it('refuses a table or a field declared twice, and names that are not plain identifiers', () => {
    const sut = new VaultRegistry();
    sut.register(pledges);
    expect(() => sut.register(pledges)).toThrow(/pledge is registered twice/);
    expect(() =>
      sut.register({ table: 'other', columns: [{ column: 'c', field: 'pledge.contact' }] }),
    ).toThrow(/field pledge.contact is registered twice/);
    expect(() =>
      sut.register({
        table: 'twice',
        columns: [
          { column: 'a', field: 'twice.a' },
          { column: 'b', field: 'twice.a' },
        ],
      }),
    ).toThrow(/field twice.a is registered twice/);
    expect(() =>
      sut.register({ table: 'x; DROP TABLE y', columns: [{ column: 'c', field: 'x.c' }] }),
    ).toThrow(/not a plain identifier/);
    expect(() =>
      sut.register({ table: 't', ownerColumn: 'Id', columns: [{ column: 'c', field: 't.c' }] }),
    ).toThrow(/"Id" is not a plain identifier/);
    expect(() => sut.register({ table: 'empty', columns: [] })).toThrow(/declares no column/);
    expect(sut.tables.map((t) => t.table)).toEqual(['pledge']);
  });
});

describe('blind indexes in the registry', () => {
  const notes: SealedTable = {
    table: 'note',
    subject: { kind: 'donor', column: 'donor_id' },
    columns: [
      {
        column: 'body_sealed',
        field: 'note.body',
        index: {
          table: 'note_index',
          ownerColumn: 'note_id',
          terms: (plain) => plain.split(' ').map((term) => ({ kind: 'WORD', term })),
        },
      },
    ],
  };

  it('lists index tables for the rotation, and refuses names that are not plain identifiers', () => {
    const sut = new VaultRegistry();
    sut.register(notes);
    expect(sut.indexTables).toEqual(['note_index']);
    const [column] = notes.columns;
    expect(() =>
      sut.register({
        table: 'other',
        columns: [{ ...column, field: 'other.body', index: { ...column.index!, table: 'x y' } }],
      }),
    ).toThrow(/"x y" is not a plain identifier/);
  });

  it('gives each distinct term one row under the current key', () => {
    const registry = new VaultRegistry();
    registry.register(notes);
    const key = newKey();
    const sut = new Vault({ cipher: cipherOf(key) }, registry);
    const rows = sut.indexRows(notes.columns[0].index!.terms('ana ana maria'));
    expect(rows).toEqual([
      { kind: 'WORD', hmac: cipherOf(key).index('WORD', 'ana') },
      { kind: 'WORD', hmac: cipherOf(key).index('WORD', 'maria') },
    ]);
  });
});

describe(Vault.name, () => {
  const key = newKey();
  const registry = new VaultRegistry();
  registry.register(pledges);
  const sut = new Vault({ cipher: cipherOf(key) }, registry);

  it('seals in the context `<field>:<owner id>`, as values stored before the vault were', () => {
    const sealed = sut.seal('pledge.contact', 'p1', '5512345678')!;
    expect(sealed).toMatch(new RegExp(`^v1:${keyId(key)}:`));
    expect(cipherOf(key).open(sealed, 'pledge.contact:p1')).toBe('5512345678');
    expect(sut.open('pledge.contact', 'p1', cipherOf(key).seal('old', 'pledge.contact:p1'))).toBe(
      'old',
    );
    expect(() => sut.open('pledge.contact', 'p2', sealed)).toThrow();
  });

  it('seals nothing for an empty value, and hashes nothing for an empty input', () => {
    expect(sut.seal('pledge.contact', 'p1', '')).toBeNull();
    expect(sut.seal('pledge.contact', 'p1', null)).toBeNull();
    expect(sut.open('pledge.contact', 'p1', null)).toBeNull();
    expect(sut.hash('contact', '')).toBeNull();
    expect(sut.hash('contact', 'X')).toBe(cipherOf(key).hash('contact', 'X'));
  });

  it('refuses to seal or open a field no lib declared: a rotation could not reach it', () => {
    expect(() => sut.seal('pledge.amount', 'p1', '10')).toThrow(/not registered with the vault/);
    expect(() => sut.open('pledge.amount', 'p1', null)).toThrow(/not registered with the vault/);
  });

  it('seals with the cipher it is told to use after a rotation', () => {
    const next = newKey();
    const rotated = new Vault({ cipher: cipherOf(key) }, registry);
    rotated.use(cipherOf(key, next));
    expect(rotated.currentKeyId).toBe(keyId(next));
    expect(rotated.seal('pledge.contact', 'p1', 'x')).toMatch(new RegExp(`^v1:${keyId(next)}:`));
  });
});
