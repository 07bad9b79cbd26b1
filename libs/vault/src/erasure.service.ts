import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VaultRegistry } from './vault-registry.js';

/**
 * Empties the sealed values, look-up hashes and blind-index rows about people, in every table a lib declared about
 * them. Erasing a person stays the owning lib's act (what else it clears, what it audits); this
 * makes it reach the values other libs sealed about them too.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly registry: VaultRegistry) {}

  /** In the caller's transaction; `subject` is the kind the tables declared (`resident`). */
  async empty(manager: EntityManager, subject: string, ids: string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    for (const { table, subject: about, columns, ownerColumn = 'id' } of this.registry.about(
      subject,
    )) {
      for (const { index } of columns) {
        if (index) {
          await manager.query(
            `DELETE FROM ${index.table} WHERE ${index.ownerColumn} IN
               (SELECT ${ownerColumn} FROM ${table} WHERE ${about!.column} = ANY($1))`,
            [ids],
          );
        }
      }
      const emptied = columns.flatMap(({ column, lookup }) => [
        column,
        ...(lookup ? [lookup.hashColumn] : []),
      ]);
      await manager.query(
        `UPDATE ${table} SET ${emptied.map((column) => `${column} = NULL`).join(', ')}
          WHERE ${about!.column} = ANY($1)`,
        [ids],
      );
    }
  }
}
