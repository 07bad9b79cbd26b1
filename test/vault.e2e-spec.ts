import { randomUUID } from 'node:crypto';
import {
  ErasureService,
  FieldCipher,
  KeyRotationService,
  newKey,
  parseKeyring,
  type SealedTable,
  Vault,
  VaultRegistry,
} from '@albergue/vault';
import { DataSource } from 'typeorm';
import { freshDatabase } from './helpers/test-app.js';

/**
 * Tables no lib has: the vault re-seals and erases what it is told about, whatever the lib, the
 * owner column's type or name, and leaves alone what nobody declared.
 */
const TABLES: SealedTable[] = [
  {
    table: 'pledge',
    subject: { kind: 'donor', column: 'donor_id' },
    columns: [
      {
        column: 'contact_sealed',
        field: 'pledge.contact',
        lookup: {
          kind: 'contact',
          hashColumn: 'contact_hash',
          reads: ['country'],
          normalise: (plain, row) => `${String(row.country)}${plain.replace(/\D/g, '')}`,
        },
      },
      { column: 'note_sealed', field: 'pledge.note' },
    ],
  },
  {
    table: 'text_message',
    subject: { kind: 'donor', column: 'donor_id' },
    columns: [{ column: 'phone_sealed', field: 'text_message.phone' }],
  },
  {
    table: 'attachment',
    ownerColumn: 'ref',
    columns: [{ column: 'caption_sealed', field: 'attachment.caption' }],
  },
];

const SCHEMA = `
  CREATE TABLE crypto_key (key_id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE pledge (id uuid PRIMARY KEY, donor_id uuid NOT NULL, country text NOT NULL,
    contact_sealed text, contact_hash text, note_sealed text);
  CREATE TABLE text_message (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    donor_id uuid NOT NULL, phone_sealed text);
  CREATE TABLE attachment (ref text PRIMARY KEY, caption_sealed text);
  CREATE TABLE undeclared (id int PRIMARY KEY, secret text);
`;

const cipherOf = (...keys: Buffer[]) =>
  new FieldCipher(parseKeyring(keys.map((k) => k.toString('base64')).join('\n')));

describe('Vault (e2e)', () => {
  let dataSource: DataSource;
  const oldKey = newKey();
  const oldCipher = cipherOf(oldKey);
  let registry: VaultRegistry;
  let vault: Vault;
  const donor = randomUUID();
  const otherDonor = randomUUID();
  const pledgeIds = [randomUUID(), randomUUID(), randomUUID()];

  const sql = <T = Record<string, unknown>>(text: string, params?: unknown[]) =>
    dataSource.query<T[]>(text, params);

  /** Every sealed value in the declared tables, with the context it was sealed in. */
  const sealedValues = async () =>
    [
      ...(
        await sql<{ id: string; contact_sealed: string | null; note_sealed: string | null }>(
          'SELECT id::text, contact_sealed, note_sealed FROM pledge ORDER BY id',
        )
      ).flatMap((row) => [
        [row.contact_sealed, `pledge.contact:${row.id}`],
        [row.note_sealed, `pledge.note:${row.id}`],
      ]),
      ...(
        await sql<{ id: string; phone_sealed: string | null }>(
          'SELECT id::text, phone_sealed FROM text_message ORDER BY id',
        )
      ).map((row) => [row.phone_sealed, `text_message.phone:${row.id}`]),
      ...(
        await sql<{ ref: string; caption_sealed: string | null }>(
          'SELECT ref, caption_sealed FROM attachment ORDER BY ref',
        )
      ).map((row) => [row.caption_sealed, `attachment.caption:${row.ref}`]),
    ].filter((pair): pair is [string, string] => pair[0] !== null);

  beforeAll(async () => {
    dataSource = new DataSource({ type: 'postgres', url: await freshDatabase(), logging: false });
    await dataSource.initialize();
    await dataSource.query(SCHEMA);
  });

  beforeEach(async () => {
    await sql('TRUNCATE crypto_key, pledge, text_message, attachment, undeclared');
    registry = new VaultRegistry();
    registry.register(...TABLES);
    vault = new Vault({ cipher: oldCipher }, registry);
    await sql('INSERT INTO crypto_key (key_id) VALUES ($1)', [oldCipher.currentKeyId]);
    const contacts = ['55 1234 5678', '55-8765-4321', null];
    for (const [i, id] of pledgeIds.entries()) {
      await sql(
        `INSERT INTO pledge (id, donor_id, country, contact_sealed, contact_hash, note_sealed)
         VALUES ($1, $2, 'MX', $3, $4, $5)`,
        [
          id,
          i === 0 ? otherDonor : donor,
          vault.seal('pledge.contact', id, contacts[i]),
          contacts[i] === null
            ? null
            : vault.hash('contact', `MX${contacts[i]!.replace(/\D/g, '')}`),
          vault.seal('pledge.note', id, i === 1 ? 'leave it at the gate' : null),
        ],
      );
    }
    const messages = await sql<{ id: string }>(
      'INSERT INTO text_message (donor_id) VALUES ($1), ($2) RETURNING id::text',
      [donor, otherDonor],
    );
    for (const { id } of messages) {
      await sql('UPDATE text_message SET phone_sealed = $2 WHERE id = $1', [
        id,
        vault.seal('text_message.phone', id, `+52 55 000 ${id}`),
      ]);
    }
    await sql('INSERT INTO attachment (ref, caption_sealed) VALUES ($1, $2)', [
      'photo-1',
      vault.seal('attachment.caption', 'photo-1', 'a box of rice'),
    ]);
    await sql(`INSERT INTO undeclared (id, secret) VALUES (1, 'left alone')`);
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  describe(KeyRotationService.name, () => {
    it('re-seals every declared column of every table in its own context, and recomputes the hashes', async () => {
      const before = await sealedValues();
      const plain = before.map(([sealed, context]) => oldCipher.open(sealed, context));
      const nextKey = newKey();
      const next = cipherOf(oldKey, nextKey);
      const sut = new KeyRotationService(dataSource, vault, registry);

      const report = await sut.rotate(next);

      expect(report).toEqual({
        keyId: next.currentKeyId,
        rows: { pledge: 2, text_message: 2, attachment: 1 },
      });
      const after = await sealedValues();
      expect(after.map(([, context]) => context)).toEqual(before.map(([, context]) => context));
      expect(after.every(([sealed]) => FieldCipher.keyIdOf(sealed) === next.currentKeyId)).toBe(
        true,
      );
      // The new key alone opens them, each in the context it was sealed in.
      const nextOnly = cipherOf(nextKey);
      expect(after.map(([sealed, context]) => nextOnly.open(sealed, context))).toEqual(plain);
      const hashes = await sql<{ id: string; contact_hash: string | null }>(
        'SELECT id::text, contact_hash FROM pledge ORDER BY id',
      );
      const expected = new Map<string, string | null>([
        [pledgeIds[0], next.hash('contact', 'MX5512345678')],
        [pledgeIds[1], next.hash('contact', 'MX5587654321')],
        [pledgeIds[2], null],
      ]);
      expect(hashes.map((row) => [row.id, row.contact_hash])).toEqual(
        hashes.map((row) => [row.id, expected.get(row.id)]),
      );
      expect(await sql('SELECT secret FROM undeclared')).toEqual([{ secret: 'left alone' }]);
      expect(await sql('SELECT key_id FROM crypto_key')).toEqual([{ key_id: next.currentKeyId }]);
      // From now on the vault seals and hashes with the new key.
      expect(FieldCipher.keyIdOf(vault.seal('pledge.note', pledgeIds[0], 'x')!)).toBe(
        next.currentKeyId,
      );
      expect(vault.hash('contact', 'MX1')).toBe(next.hash('contact', 'MX1'));
    });

    it('changes nothing when one value fails to open: one transaction, old key kept', async () => {
      // A value moved from another row: it cannot open in this row's context.
      const [moved] = await sql<{ contact_sealed: string }>(
        'SELECT contact_sealed FROM pledge WHERE id = $1',
        [pledgeIds[0]],
      );
      await sql('UPDATE pledge SET contact_sealed = $2 WHERE id = $1', [
        pledgeIds[1],
        moved.contact_sealed,
      ]);
      const before = await sql('SELECT * FROM pledge ORDER BY id');
      const next = cipherOf(oldKey, newKey());
      const sut = new KeyRotationService(dataSource, vault, registry);

      await expect(sut.rotate(next)).rejects.toThrow();

      expect(await sql('SELECT * FROM pledge ORDER BY id')).toEqual(before);
      expect(await sql('SELECT key_id FROM crypto_key')).toEqual([
        { key_id: oldCipher.currentKeyId },
      ]);
      expect(vault.currentKeyId).toBe(oldCipher.currentKeyId);
    });
  });

  describe(ErasureService.name, () => {
    it("empties a person's sealed values and hashes in every table declared about them, no more", async () => {
      const sut = new ErasureService(registry);

      await dataSource.transaction((manager) => sut.empty(manager, 'donor', [donor]));

      const pledges = await sql<{ donor_id: string; c: string | null; h: string | null }>(
        'SELECT donor_id, coalesce(contact_sealed, note_sealed) AS c, contact_hash AS h FROM pledge',
      );
      expect(pledges.filter((p) => p.donor_id === donor).every((p) => !p.c && !p.h)).toBe(true);
      expect(pledges.filter((p) => p.donor_id === otherDonor).every((p) => p.c && p.h)).toBe(true);
      const messages = await sql<{ donor_id: string; phone_sealed: string | null }>(
        'SELECT donor_id, phone_sealed FROM text_message',
      );
      const phones = new Map(messages.map((m) => [m.donor_id, m.phone_sealed]));
      expect(phones.get(donor)).toBeNull();
      expect(phones.get(otherDonor)).toMatch(/^v1:/);
      // A table about nobody in particular keeps its values.
      expect(
        await sql('SELECT count(*)::int AS n FROM attachment WHERE caption_sealed IS NOT NULL'),
      ).toEqual([{ n: 1 }]);
    });
  });
});
