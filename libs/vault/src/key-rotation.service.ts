import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FieldCipher } from './field-cipher.js';
import { indexRowsOf, Vault } from './vault.js';
import { type BlindIndex, type SealedTable, VaultRegistry } from './vault-registry.js';

export interface RotationReport {
  keyId: string;
  /** Rows re-sealed, by table: those holding at least one sealed value. */
  rows: Record<string, number>;
}

/** The owner id of each row, under a name no registered column can have (those are plain identifiers). */
const OWNER = 'vault owner';

/**
 * Re-seals every sealed value of every registered table and recomputes every look-up hash with a
 * new key, in one transaction: if anything fails, the database keeps the old key's values (the
 * key file keeps both keys until the operator retires the old one).
 */
@Injectable()
export class KeyRotationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: Vault,
    private readonly registry: VaultRegistry,
  ) {}

  async rotate(next: FieldCipher): Promise<RotationReport> {
    const old = this.vault.cipherInUse;
    const tables = this.registry.tables;
    const report = await this.dataSource.transaction(async (manager) => {
      if (tables.length > 0) {
        // Nothing may be sealed with the old key while this runs (writes wait; reads go on).
        await manager.query(
          `LOCK TABLE ${[...tables.map(({ table }) => table), ...this.registry.indexTables].join(', ')} IN EXCLUSIVE MODE`,
        );
      }
      const rows: Record<string, number> = {};
      for (const table of tables) {
        rows[table.table] = await this.reseal(manager, table, old, next);
      }
      await manager.query('INSERT INTO crypto_key (key_id) VALUES ($1) ON CONFLICT DO NOTHING', [
        next.currentKeyId,
      ]);
      // Nothing is sealed with the older keys any more: they may leave the key file.
      await manager.query('DELETE FROM crypto_key WHERE key_id <> $1', [next.currentKeyId]);
      return { keyId: next.currentKeyId, rows };
    });
    this.vault.use(next);
    return report;
  }

  /**
   * Re-seals one table's values, row by row, and rebuilds its blind indexes from the plain values
   * under the new key (the old rows go first: every one of them belongs to a row of this table);
   * returns how many rows held any.
   */
  private async reseal(
    manager: EntityManager,
    { table, ownerColumn = 'id', columns }: SealedTable,
    old: FieldCipher,
    next: FieldCipher,
  ): Promise<number> {
    const reads = [
      ...new Set([
        ...columns.map(({ column }) => column),
        ...columns.flatMap(({ lookup }) => lookup?.reads ?? []),
      ]),
    ];
    const found = await manager.query<Record<string, unknown>[]>(
      `SELECT ${ownerColumn}::text AS "${OWNER}", ${reads.join(', ')} FROM ${table}
        WHERE ${columns.map(({ column }) => `${column} IS NOT NULL`).join(' OR ')}`,
    );
    const indexes = columns.flatMap(({ column, index }) => (index ? [{ column, index }] : []));
    const rebuilt = new Map<BlindIndex, Record<string, string>[]>(
      indexes.map(({ index }) => [index, []]),
    );
    for (const { index } of indexes) {
      await manager.query(`DELETE FROM ${index.table}`);
    }
    for (const row of found) {
      const owner = row[OWNER] as string;
      const changes = new Map<string, string | null>();
      for (const { column, field, lookup } of columns) {
        const sealed = row[column] as string | null;
        if (sealed === null) {
          continue;
        }
        const context = `${field}:${owner}`;
        const plain = old.open(sealed, context);
        changes.set(column, next.seal(plain, context));
        if (lookup) {
          const normalised = lookup.normalise(plain, row);
          changes.set(lookup.hashColumn, normalised ? next.hash(lookup.kind, normalised) : null);
        }
        const index = indexes.find((declared) => declared.column === column)?.index;
        if (index) {
          rebuilt.get(index)!.push(
            ...indexRowsOf(next, index.terms(plain)).map((r) => ({
              ...r,
              [index.ownerColumn]: owner,
            })),
          );
        }
      }
      const set = [...changes.keys()].map((column, i) => `${column} = $${i + 2}`);
      await manager.query(`UPDATE ${table} SET ${set.join(', ')} WHERE ${ownerColumn} = $1`, [
        owner,
        ...changes.values(),
      ]);
    }
    for (const [index, rows] of rebuilt) {
      await insertIndexRows(manager, index, rows);
    }
    return found.length;
  }
}

/**
 * Writes blind-index rows in batches; json_populate_recordset gives each value its column's type
 * (the owner column is a uuid in one table, something else in another).
 */
export async function insertIndexRows(
  manager: EntityManager,
  { table, ownerColumn }: BlindIndex,
  rows: Record<string, string>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 5000) {
    await manager.query(
      `INSERT INTO ${table} (${ownerColumn}, kind, hmac)
       SELECT ${ownerColumn}, kind, hmac FROM json_populate_recordset(null::${table}, $1::json)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows.slice(start, start + 5000))],
    );
  }
}
