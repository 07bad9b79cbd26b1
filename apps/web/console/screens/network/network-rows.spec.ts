import { describe, expect, it } from '@jest/globals';
import type { ShelterFigures } from '@albergue/contracts';
import {
  applyFigures,
  freeOf,
  isStale,
  markStateOf,
  mergeRead,
  type NetworkRow,
  sortRows,
  staleAfterOf,
} from './network-rows.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const HOUR = 3_600_000;

const row = (id: string, overrides: Partial<NetworkRow> = {}): NetworkRow => ({
  id,
  name: `Casa ${id}`,
  sensitive: false,
  borough: 'Cuauhtémoc',
  lat: 19.4,
  lng: -99.1,
  status: 'OPEN',
  version: 2,
  updatedAt: new Date(NOW - HOUR).toISOString(),
  staleAt: NOW + 11 * HOUR,
  groups: [
    { population: 'MEN', freeBeds: 3, totalBeds: 10, overflowFree: 0, overflowTotal: 0 },
    { population: 'WOMEN', freeBeds: 1, totalBeds: 5, overflowFree: 2, overflowTotal: 2 },
  ],
  ...overrides,
});

const figures = (shelterId: string, version: number, men: number): ShelterFigures => ({
  shelterId,
  version,
  status: 'OPEN',
  trackingMode: 'COUNTS',
  confirmedAt: new Date(NOW).toISOString(),
  capacities: [
    { population: 'MEN', totalBeds: 10, freeBeds: men, overflowTotal: 0, overflowFree: 0 },
  ],
});

describe('the network view’s rows', () => {
  it('applies a newer event to its row only, and drops an older or equal one', () => {
    const rows = new Map([
      ['a', row('a')],
      ['b', row('b')],
    ]);
    const next = applyFigures(rows, figures('a', 3, 7), 12 * HOUR);
    expect(next.get('a')).toMatchObject({ version: 3, staleAt: NOW + 12 * HOUR });
    expect(freeOf(next.get('a')!, 'MEN', NOW)).toBe(7);
    // The other row is the same object: only the changed row repaints.
    expect(next.get('b')).toBe(rows.get('b'));
    expect(applyFigures(next, figures('a', 3, 1), 12 * HOUR)).toBe(next);
    expect(applyFigures(next, figures('a', 2, 1), 12 * HOUR)).toBe(next);
    expect(applyFigures(next, figures('unknown', 9, 1), 12 * HOUR)).toBe(next);
  });

  it('keeps a row newer than a read that crossed an event', () => {
    const held = applyFigures(new Map([['a', row('a')]]), figures('a', 5, 9), HOUR);
    const merged = mergeRead(held, [row('a', { version: 4 }), row('c')]);
    expect(merged.get('a')!.version).toBe(5);
    expect([...merged.keys()]).toEqual(['a', 'c']);
  });

  it('follows the API’s staleness rule: never reported, or past staleAt; no free places then', () => {
    expect(isStale(row('a', { updatedAt: null, staleAt: null }), NOW)).toBe(true);
    expect(isStale(row('a', { staleAt: NOW - 1 }), NOW)).toBe(true);
    expect(isStale(row('a'), NOW)).toBe(false);
    expect(freeOf(row('a', { staleAt: NOW - 1 }), 'MEN', NOW)).toBeNull();
    expect(freeOf(row('a', { status: 'TEMPORARILY_CLOSED' }), 'MEN', NOW)).toBeNull();
    expect(freeOf(row('a'), 'LGBTQ', NOW)).toBeUndefined();
    expect(staleAfterOf([row('a', { updatedAt: null, staleAt: null }), row('b')])).toBe(12 * HOUR);
    expect(markStateOf(row('a', { staleAt: NOW - 1 }), NOW)).toBe('UNKNOWN');
  });

  it('sorts by a group’s free places (unknown and not taken last) and by data age', () => {
    const rows = [
      row('few', { groups: [{ ...row('x').groups[0], freeBeds: 1 }] }),
      row('many', { groups: [{ ...row('x').groups[0], freeBeds: 8 }] }),
      row('stale', { staleAt: NOW - 1, updatedAt: new Date(NOW - 20 * HOUR).toISOString() }),
      row('women', { groups: [row('x').groups[1]] }),
      row('never', { updatedAt: null, staleAt: null }),
    ];
    const ids = (sorted: NetworkRow[]) => sorted.map((each) => each.id);
    expect(ids(sortRows(rows, { key: 'MEN', direction: 'descending' }, NOW))).toEqual([
      'many',
      'few',
      'never',
      'stale',
      'women',
    ]);
    expect(ids(sortRows(rows, { key: 'MEN', direction: 'ascending' }, NOW)).slice(0, 2)).toEqual([
      'few',
      'many',
    ]);
    expect(ids(sortRows(rows, { key: 'age', direction: 'descending' }, NOW))).toEqual([
      'never',
      'stale',
      'few',
      'many',
      'women',
    ]);
  });
});
