import { describe, expect, it } from '@jest/globals';
import type { BandName, PopulationName, PublicShelter as Shelter } from '@albergue/contracts';
import { rank } from './rank';
import type { View } from './render';

const now = Date.parse('2026-11-25T20:00:00Z');
const view = (overrides: Partial<View> = {}): View => ({
  group: null,
  service: null,
  freshness: { staleAfterMs: 3_600_000, now },
  ...overrides,
});

/** A fresh shelter for men and families, with `free` places for each (null: sensitive). */
function shelter(
  id: string,
  band: BandName,
  free: number | null,
  { lat = 19.4, updatedAt = new Date(now - 60_000).toISOString() } = {},
): Shelter {
  const populations: PopulationName[] = ['MEN', 'FAMILIES'];
  const counts = { freeBeds: free, totalBeds: 20, overflowFree: 0, overflowTotal: 0 };
  return {
    id,
    name: `Albergue ${id}`,
    location: { lat, lng: -99.1, approximate: free === null, radiusKm: null },
    populations,
    services: ['MEALS'],
    availability: {
      ...counts,
      band,
      updatedAt,
      byPopulation: populations.map((population) => ({ population, band, ...counts })),
    },
  } as Shelter;
}

const ids = (entries: { shelter: Shelter }[]) => entries.map((entry) => entry.shelter.id);

describe(rank.name, () => {
  const network = [
    shelter('few', 'FEW', 2, { lat: 19.401 }),
    shelter('full', 'FULL', 0, { lat: 19.402 }),
    shelter('many', 'SPACE', 15, { lat: 19.5 }),
    shelter('some', 'SPACE', 5, { lat: 19.45 }),
    shelter('protected', 'SPACE', null, { lat: 19.403 }),
    shelter('closed', 'CLOSED', null, { lat: 19.404 }),
    shelter('silent', 'SPACE', 9, { updatedAt: new Date(now - 2 * 3_600_000).toISOString() }),
  ];

  it('without a point: space before few, most free places first, then unknown, full, closed', () => {
    const sut = rank(network, view(), null);
    expect(ids(sut.space)).toEqual(['many', 'some', 'protected', 'few']);
    // Figures older than STALE_AFTER are unknown, never a stale "9 free places".
    expect(ids(sut.others)).toEqual(['silent', 'full', 'closed']);
    expect(sut.space[0]).toMatchObject({ band: 'SPACE', free: 15, km: null });
  });

  it('with a point: those with space nearest first, whatever their band', () => {
    const sut = rank(network, view(), { lat: 19.4, lng: -99.1 });
    expect(ids(sut.space)).toEqual(['few', 'protected', 'some', 'many']);
    expect(sut.space[0].km).toBeCloseTo(0.11, 2);
  });

  it('leaves out shelters that do not take the group or lack the service', () => {
    const forWomen = rank(network, view({ group: 'WOMEN' }), null);
    expect(forWomen).toEqual({ space: [], others: [] });
    const showers = rank(
      [...network, { ...shelter('wet', 'SPACE', 3), services: ['SHOWERS'] }],
      view({ service: 'SHOWERS' }),
      null,
    );
    expect(ids(showers.space)).toEqual(['wet']);
    expect(showers.others).toEqual([]);
  });
});
