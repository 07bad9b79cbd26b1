import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { CapacityFigures } from './availability.js';
import { Shelter } from './shelter.entity.js';

/** Every shelter column that holds a value (a relation without a column of its own is virtual), once. */
function columnsOf(dataSource: DataSource): ColumnMetadata[] {
  const seen = new Set<string>();
  return dataSource.getMetadata(Shelter).columns.filter((column) => {
    if (column.isVirtual || seen.has(column.databaseName)) {
      return false;
    }
    seen.add(column.databaseName);
    return true;
  });
}

/** Column aliases c0, c1, …: short, and not built per row. */
const KEYS = Array.from({ length: 100 }, (_, n) => `c${n}`);

export interface ShelterRow extends Record<string, unknown> {
  capacities: CapacityFigures[];
  distance_km?: number | null;
}

/**
 * Shelters as plain SQL rows and back to entities, from the mapping TypeORM already holds (so a new
 * column needs no change here). The public search runs on every map and integrator request: its
 * query text is built once and its rows become entities in one pass, where the query builder
 * rebuilt the SQL and ran its general hydration per request (half of the request's CPU, measured
 * in bench "map read"). Enum arrays are read as text[] (pg parses those; TypeORM parsed the
 * enum arrays itself). A spec checks the result equals TypeORM's own hydration.
 */
export class ShelterRows {
  /** `s.<column> AS "cN", …` for `FROM shelter s`. */
  readonly select: string;
  /** One setter per column, in select order: the entity's property, or an embedded object's. */
  private readonly setters: ((shelter: Shelter, value: unknown) => void)[];

  constructor(dataSource: DataSource) {
    const columns = columnsOf(dataSource);
    if (columns.length > KEYS.length) {
      throw new Error(`ShelterRows: ${columns.length} columns, aliases for ${KEYS.length}`);
    }
    this.select = columns
      .map(
        (column, n) =>
          `s.${column.databaseName}${column.isArray ? '::text[]' : ''} AS "${KEYS[n]}"`,
      )
      .join(', ');
    this.setters = columns.map((column) => {
      const transformer =
        column.transformer && !Array.isArray(column.transformer) ? column.transformer : null;
      const convert = (value: unknown): unknown =>
        transformer && value !== null ? transformer.from(value) : value;
      const embedded = column.embeddedMetadata;
      if (!embedded) {
        return (shelter, value) => {
          (shelter as unknown as Record<string, unknown>)[column.propertyName] = convert(value);
        };
      }
      if (embedded.parentEmbeddedMetadata) {
        throw new Error(`ShelterRows: ${column.propertyPath} is nested two embeddeds deep`);
      }
      return (shelter, value) => {
        const holder = shelter as unknown as Record<string, Record<string, unknown>>;
        (holder[embedded.propertyName] ??= embedded.create() as Record<string, unknown>)[
          column.propertyName
        ] = convert(value);
      };
    });
  }

  hydrate(row: ShelterRow): Shelter {
    const shelter = new Shelter();
    for (let n = 0; n < this.setters.length; n += 1) {
      this.setters[n](shelter, row[KEYS[n]]);
    }
    for (const figures of row.capacities) {
      (figures as CapacityFigures & { shelterId: string }).shelterId = shelter.id;
    }
    shelter.capacities = row.capacities as Shelter['capacities'];
    if (row.distance_km !== undefined && row.distance_km !== null) {
      shelter.distanceKm = Number(row.distance_km);
    }
    return shelter;
  }
}
