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

/** Selections kept built; a client asking for yet another set of fields gets it built per request. */
const MAX_KEPT_SELECTIONS = 64;

/** Column aliases c0, c1, …: short, and not built per row. */
const KEYS = Array.from({ length: 100 }, (_, n) => `c${n}`);

export interface ShelterRow extends Record<string, unknown> {
  capacities?: CapacityFigures[];
  distance_km?: number | null;
}

type Setter = (shelter: Shelter, value: unknown) => void;

interface Column {
  /** TypeORM's property path: `name`, `address.street`. */
  path: string;
  sql: string;
  set: Setter;
}

/** The columns a read selects, its SQL select list, and how its rows become entities. */
export interface Selection {
  /** `s.<column> AS "cN", …` for `FROM shelter s`. */
  readonly select: string;
  /** Whether the read brings the capacity figures along (the `capacities` JSON column). */
  readonly figures: boolean;
  readonly setters: Setter[];
}

/** Reads every column and the figures: what every read but the public search's does. */
export const EVERYTHING = null;

/**
 * Shelters as plain SQL rows and back to entities, from the mapping TypeORM already holds (so a new
 * column needs no change here). The public search runs on every map and integrator request: its
 * query text is built once per selection and its rows become entities in one pass, where the
 * query builder rebuilt the SQL and ran its general hydration per request; and it can read only
 * the columns a query's fields need (parsing 36 columns of 50 rows was most of what was left:
 * bench "map read"). Enum arrays are read as text[] (pg parses those; TypeORM parsed the enum
 * arrays itself). Specs check a whole read equals TypeORM's own hydration.
 */
export class ShelterRows {
  private readonly columns: Column[];
  private readonly selections = new Map<string, Selection>();

  constructor(dataSource: DataSource) {
    this.columns = columnsOf(dataSource).map((column) => ({
      path: column.propertyPath,
      sql: `s.${column.databaseName}${column.isArray ? '::text[]' : ''}`,
      set: setterOf(column),
    }));
  }

  /**
   * The selection for these property paths (a path names a column, or an embedded object and so
   * all its columns: `address`), with or without the figures; `EVERYTHING` for every column and
   * the figures. Built once per distinct selection (up to MAX_KEPT_SELECTIONS of them).
   */
  selection(paths: ReadonlySet<string> | typeof EVERYTHING, figures = true): Selection {
    const key = paths ? `${[...paths].sort().join(',')}|${figures}` : '*';
    let selection = this.selections.get(key);
    if (!selection) {
      const chosen = paths
        ? this.columns.filter((column) =>
            [...paths].some((path) => column.path === path || column.path.startsWith(`${path}.`)),
          )
        : this.columns;
      if (chosen.length > KEYS.length) {
        throw new Error(`ShelterRows: ${chosen.length} columns, aliases for ${KEYS.length}`);
      }
      selection = {
        select: chosen.map((column, n) => `${column.sql} AS "${KEYS[n]}"`).join(', '),
        figures: paths ? figures : true,
        setters: chosen.map((column) => column.set),
      };
      // Clients choose the fields, so the distinct selections are theirs to multiply: keep the
      // first few (the map's, the integrators'), build any others per request.
      if (this.selections.size < MAX_KEPT_SELECTIONS) {
        this.selections.set(key, selection);
      }
    }
    return selection;
  }

  hydrate(row: ShelterRow, { setters }: Selection): Shelter {
    const shelter = new Shelter();
    for (let n = 0; n < setters.length; n += 1) {
      setters[n](shelter, row[KEYS[n]]);
    }
    if (row.capacities) {
      for (const figures of row.capacities) {
        (figures as CapacityFigures & { shelterId: string }).shelterId = shelter.id;
      }
      shelter.capacities = row.capacities as Shelter['capacities'];
    }
    if (row.distance_km !== undefined && row.distance_km !== null) {
      shelter.distanceKm = Number(row.distance_km);
    }
    return shelter;
  }
}

/** Sets one column's value (through its transformer) on the entity, or on its embedded object. */
function setterOf(column: ColumnMetadata): Setter {
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
}
