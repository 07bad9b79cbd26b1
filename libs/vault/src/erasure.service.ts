import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { VaultRegistry } from './vault-registry.js';

/**
 * Empties the sealed values and look-up hashes about people, in every table a lib declared about
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
    for (const { table, subject: about, columns } of this.registry.about(subject)) {
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
