import { POPULATIONS, type PopulationName, type ShelterFigures } from '@albergue/contracts';

/** The groups as the API names them, in the table's order (the contracts' order). */
export const GROUPS = POPULATIONS;
export type Group = PopulationName;

export interface GroupFigures {
  population: string;
  /** Null where the API gives none (stale, closed). */
  freeBeds: number | null;
  totalBeds: number | null;
  overflowFree: number | null;
  overflowTotal: number | null;
}

/** One shelter of the network view, as networkShelters gives it and `shelter` events move it. */
export interface NetworkRow {
  id: string;
  name: string;
  sensitive: boolean;
  borough: string | null;
  lat: number;
  lng: number;
  status: string;
  /** availabilityVersion: an event older than this is dropped. */
  version: number;
  /** ISO time of the last report or confirmation; null when never. */
  updatedAt: string | null;
  /** When the figures turn stale (ms), per the API's staleAt; null when never reported. */
  staleAt: number | null;
  groups: GroupFigures[];
}

/** What networkShelters gives of one shelter (the query's fields the view reads). */
export interface ApiShelter {
  id: string;
  name: string;
  sensitive: boolean;
  status: string;
  version: number;
  staleAt: string | null;
  lat: number;
  lng: number;
  address: { borough: string | null };
  availability: {
    updatedAt: string | null;
    byPopulation: readonly GroupFigures[];
  };
}

export function rowOf(shelter: ApiShelter): NetworkRow {
  return {
    id: shelter.id,
    name: shelter.name,
    sensitive: shelter.sensitive,
    borough: shelter.address.borough,
    lat: shelter.lat,
    lng: shelter.lng,
    status: shelter.status,
    version: shelter.version,
    updatedAt: shelter.availability.updatedAt,
    staleAt: shelter.staleAt === null ? null : Date.parse(shelter.staleAt),
    groups: shelter.availability.byPopulation.map((group) => ({ ...group })),
  };
}

/**
 * STALE_AFTER as the API says it: a row's staleAt less its last report (the same for every row).
 * Null when no shelter was ever reported (an event's row then waits for the next read).
 */
export function staleAfterOf(rows: Iterable<NetworkRow>): number | null {
  for (const row of rows) {
    if (row.staleAt !== null && row.updatedAt !== null) {
      return row.staleAt - Date.parse(row.updatedAt);
    }
  }
  return null;
}

/** The API's staleness rule (libs/contracts isStale): never reported, or past staleAt. */
export function isStale(row: NetworkRow, now: number): boolean {
  return row.updatedAt === null || (row.staleAt !== null && now > row.staleAt);
}

export function isClosed(row: NetworkRow): boolean {
  return row.status === 'CLOSED' || row.status === 'TEMPORARILY_CLOSED';
}

/**
 * Free places the API would give for this group now: none when stale or closed (the API gives
 * none then either), undefined when the shelter does not take the group.
 */
export function freeOf(row: NetworkRow, group: string, now: number): number | null | undefined {
  const figures = row.groups.find((each) => each.population === group);
  if (!figures) {
    return undefined;
  }
  return isStale(row, now) || isClosed(row) ? null : figures.freeBeds;
}

/** Beds in all (overflow apart). */
export function capacityOf(row: NetworkRow): number {
  return row.groups.reduce((sum, group) => sum + (group.totalBeds ?? 0), 0);
}

/** Overflow places free and in all; free is null when the API gives none. */
export function overflowOf(row: NetworkRow, now: number): { free: number | null; total: number } {
  const total = row.groups.reduce((sum, group) => sum + (group.overflowTotal ?? 0), 0);
  const hidden = isStale(row, now) || isClosed(row);
  return {
    free: hidden ? null : row.groups.reduce((sum, group) => sum + (group.overflowFree ?? 0), 0),
    total,
  };
}

/**
 * A `shelter` event applied to the rows: a new map with that one row replaced, or the same map
 * when the event is not newer than the row (an instance a moment behind, a catch-up crossing a
 * tick) or names a shelter the view does not hold (the caller reads the list again).
 */
export function applyFigures(
  rows: ReadonlyMap<string, NetworkRow>,
  figures: ShelterFigures,
  staleAfterMs: number | null,
): ReadonlyMap<string, NetworkRow> {
  const row = rows.get(figures.shelterId);
  if (!row || figures.version <= row.version) {
    return rows;
  }
  const confirmed = figures.confirmedAt === null ? null : Date.parse(figures.confirmedAt);
  const next: NetworkRow = {
    ...row,
    status: figures.status,
    version: figures.version,
    updatedAt: figures.confirmedAt,
    staleAt: confirmed === null || staleAfterMs === null ? null : confirmed + staleAfterMs,
    groups: figures.capacities.map((capacity) => ({ ...capacity })),
  };
  const changed = new Map(rows);
  changed.set(row.id, next);
  return changed;
}

/** A fresh read merged with what the view holds: a row newer than the read is kept. */
export function mergeRead(
  held: ReadonlyMap<string, NetworkRow>,
  read: readonly NetworkRow[],
): ReadonlyMap<string, NetworkRow> {
  return new Map(
    read.map((row) => {
      const mine = held.get(row.id);
      return [row.id, mine && mine.version > row.version ? mine : row];
    }),
  );
}

export type SortKey = 'name' | 'age' | Group;
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/**
 * The rows in the chosen order. By a group's free places: unknown or not taken last, whichever
 * the direction. By data age: "descending" is the oldest first (never reported before any).
 * Ties by name.
 */
export function sortRows(rows: Iterable<NetworkRow>, sort: Sort, now: number): NetworkRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: NetworkRow, b: NetworkRow) =>
    a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
  const value = (row: NetworkRow): number | null => {
    if (sort.key === 'age') {
      return row.updatedAt === null ? Number.POSITIVE_INFINITY : now - Date.parse(row.updatedAt);
    }
    return freeOf(row, sort.key, now) ?? null;
  };
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') {
      return sign * byName(a, b);
    }
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) {
      return x === y ? byName(a, b) : x === null ? 1 : -1;
    }
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/** How a mark on the map shows a shelter: a state said in words and symbol, never colour alone. */
export type MarkState = 'SPACE' | 'FULL' | 'CLOSED' | 'UNKNOWN';

export function markStateOf(row: NetworkRow, now: number): MarkState {
  if (isClosed(row)) {
    return 'CLOSED';
  }
  if (isStale(row, now)) {
    return 'UNKNOWN';
  }
  const free = row.groups.reduce(
    (sum, group) => sum + (group.freeBeds ?? 0) + (group.overflowFree ?? 0),
    0,
  );
  return row.status === 'FULL' || free <= 0 ? 'FULL' : 'SPACE';
}

export function totalFree(row: NetworkRow, now: number): number | null {
  if (isStale(row, now) || isClosed(row)) {
    return null;
  }
  return row.groups.reduce((sum, group) => sum + (group.freeBeds ?? 0), 0);
}
