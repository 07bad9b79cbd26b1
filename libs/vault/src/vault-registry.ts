import { Injectable } from '@nestjs/common';

/** A row as the vault reads it for a look-up normaliser: the columns it asked for, by database name. */
export type SealedRow = Record<string, unknown>;

/** One sealed column of a table. */
export interface SealedColumn {
  /** The column, by its database name (`name_sealed`). */
  column: string;
  /**
   * The field's name (`resident.name`): with the owner's id, the authenticated context of each
   * value (`resident.name:<id>`), so that a value moved to another row or column fails to open.
   * Unique across every lib.
   */
  field: string;
  /** For a field found by exact look-up: its keyed hash, recomputed when the key changes. */
  lookup?: {
    /** The kind of hash (`folio`): part of the hashed input, so kinds never collide. */
    kind: string;
    /** Where the hash is kept (`folio_hash`). */
    hashColumn: string;
    /** Other columns of the row the normaliser needs (`birth_year`). */
    reads?: string[];
    /** The look-up form of a plain value, as the lib computes it when it writes one. */
    normalise: (plain: string, row: SealedRow) => string | null;
  };
  /**
   * For a field searched by its parts (a name's tokens and sounds): a blind index kept in its
   * own table, one row per term (`<ownerColumn>`, `kind`, `hmac`), rebuilt by key rotation and
   * emptied when the subject is erased.
   */
  index?: BlindIndex;
}

/** A blind index of a sealed column, as its lib declares it to the vault. */
export interface BlindIndex {
  /** The index table (`resident_name_index`), with the columns `kind` and `hmac`. */
  table: string;
  /** Its column naming the row of the sealed table it indexes (`resident_id`). */
  ownerColumn: string;
  /** The terms of a plain value: each row's `kind`, also part of the hashed input, and its term. */
  terms: (plain: string) => { kind: string; term: string }[];
}

/** A table holding sealed values, as a lib declares it to the vault. */
export interface SealedTable {
  table: string;
  /** The column whose value completes each context (`<field>:<owner id>`); `id` by default. */
  ownerColumn?: string;
  /**
   * Whose personal data the values are (`{ kind: 'resident', column: 'resident_id' }`):
   * erasing that person empties them, whichever lib declared the table.
   */
  subject?: { kind: string; column: string };
  columns: SealedColumn[];
}

/** Table and column names are written into SQL: only plain lower-case identifiers are taken. */
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Where each lib declares its sealed columns, so that key rotation re-seals and erasure empties
 * all of them without knowing the libs, and the vault refuses to seal a field nobody declared
 * (a value it could not rotate would keep an old key in use).
 */
@Injectable()
export class VaultRegistry {
  private readonly byTable = new Map<string, SealedTable>();
  private readonly fields = new Set<string>();

  register(...tables: SealedTable[]): void {
    for (const table of tables) {
      const names = [
        table.table,
        table.ownerColumn ?? 'id',
        ...(table.subject ? [table.subject.column] : []),
        ...table.columns.flatMap(({ column, lookup, index }) => [
          column,
          ...(lookup ? [lookup.hashColumn, ...(lookup.reads ?? [])] : []),
          ...(index ? [index.table, index.ownerColumn] : []),
        ]),
      ];
      const wrong = names.find((name) => !IDENTIFIER.test(name));
      if (wrong !== undefined) {
        throw new Error(`sealed table ${table.table}: "${wrong}" is not a plain identifier`);
      }
      if (table.columns.length === 0) {
        throw new Error(`sealed table ${table.table} declares no column`);
      }
      if (this.byTable.has(table.table)) {
        throw new Error(`sealed table ${table.table} is registered twice`);
      }
      const fields = table.columns.map(({ field }) => field);
      const taken = fields.find(
        (field, i) => this.fields.has(field) || fields.indexOf(field) !== i,
      );
      if (taken !== undefined) {
        throw new Error(`sealed field ${taken} is registered twice`);
      }
      this.byTable.set(table.table, table);
      for (const { field } of table.columns) {
        this.fields.add(field);
      }
    }
  }

  get tables(): SealedTable[] {
    return [...this.byTable.values()];
  }

  /** The tables holding values about someone of this kind. */
  about(subject: string): SealedTable[] {
    return this.tables.filter((table) => table.subject?.kind === subject);
  }

  /** The blind-index tables, for the locks of a rotation. */
  get indexTables(): string[] {
    return this.tables.flatMap(({ columns }) => columns.flatMap(({ index }) => index?.table ?? []));
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }
}
