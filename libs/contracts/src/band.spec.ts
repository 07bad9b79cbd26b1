import { bandFor, freePlaces, isStale, offersSpace, placesBand } from './band.js';
import type { PublicCounts, PublicShelter } from './public-shelter.js';

const HOUR = 3_600_000;
const now = Date.parse('2026-11-25T20:00:00Z');
const hoursAgo = (hours: number) => new Date(now - hours * HOUR).toISOString();
const freshness = { staleAfterMs: 12 * HOUR, now };

const counts = (freeBeds: number | null, overflowFree: number | null = 0): PublicCounts => ({
  freeBeds,
  totalBeds: 10,
  overflowFree,
  overflowTotal: 2,
});

/** A men's and women's shelter, fresh: space for men, full for women. */
function shelter(
  overrides: Partial<PublicShelter['availability']> = {},
): Pick<PublicShelter, 'populations' | 'availability'> {
  return {
    populations: ['MEN', 'WOMEN'],
    availability: {
      ...counts(6, 1),
      band: 'SPACE',
      updatedAt: hoursAgo(1),
      byPopulation: [
        { population: 'MEN', band: 'SPACE', ...counts(6, 1) },
        { population: 'WOMEN', band: 'FULL', ...counts(0) },
      ],
      ...overrides,
    },
  };
}

describe(isStale.name, () => {
  it('is stale when never confirmed or older than the limit, fresh at the limit itself', () => {
    expect(isStale(null, HOUR, now)).toBe(true);
    expect(isStale(now - HOUR - 1, HOUR, now)).toBe(true);
    expect(isStale(now - HOUR, HOUR, now)).toBe(false);
  });
});

describe(placesBand.name, () => {
  it.each([
    ['OPEN', false, 5, 'SPACE'],
    ['OPEN', false, 4, 'FEW'],
    ['OPEN', false, 1, 'FEW'],
    ['OPEN', false, 0, 'FULL'],
    ['OPEN', true, 50, 'UNKNOWN'],
    ['FULL', false, 50, 'FULL'],
    ['FULL', true, 0, 'UNKNOWN'],
    ['CLOSED', true, 50, 'CLOSED'],
    ['TEMPORARILY_CLOSED', false, 50, 'CLOSED'],
  ] as const)('%s, stale %s, %i places: %s', (status, stale, places, band) => {
    expect(placesBand(status, stale, places, 5)).toBe(band);
  });
});

describe(bandFor.name, () => {
  it('gives the shelter’s band with no group, and the group’s band for a group it serves', () => {
    expect(bandFor(shelter(), null)).toBe('SPACE');
    expect(bandFor(shelter(), 'MEN')).toBe('SPACE');
    expect(bandFor(shelter(), 'WOMEN')).toBe('FULL');
  });

  it('says NOT_SERVED for a group the shelter does not take: neither FULL nor UNKNOWN', () => {
    expect(bandFor(shelter(), 'FAMILIES')).toBe('NOT_SERVED');
    expect(bandFor(shelter(), 'UNACCOMPANIED_MINORS', freshness)).toBe('NOT_SERVED');
  });

  it('stays NOT_SERVED when the figures are old or the shelter is closed: it is no figure', () => {
    const old = shelter({ updatedAt: hoursAgo(13), band: 'UNKNOWN' });
    expect(bandFor(old, 'FAMILIES', freshness)).toBe('NOT_SERVED');
    const closed = shelter({
      band: 'CLOSED',
      byPopulation: [{ population: 'MEN', band: 'CLOSED', ...counts(null) }],
    });
    expect(bandFor(closed, 'FAMILIES', freshness)).toBe('NOT_SERVED');
    expect(bandFor(closed, 'MEN', freshness)).toBe('CLOSED');
  });

  it('says UNKNOWN for a group the shelter serves but has no figures for', () => {
    const noWomen = shelter({ byPopulation: [shelter().availability.byPopulation[0]] });
    expect(bandFor(noWomen, 'WOMEN')).toBe('UNKNOWN');
  });

  it('turns UNKNOWN once the figures age past STALE_AFTER between snapshots, except CLOSED', () => {
    expect(bandFor(shelter(), 'MEN', freshness)).toBe('SPACE');
    const aged = shelter({ updatedAt: hoursAgo(12.5) });
    expect(bandFor(aged, 'MEN')).toBe('SPACE');
    expect(bandFor(aged, 'MEN', freshness)).toBe('UNKNOWN');
    expect(bandFor(aged, null, freshness)).toBe('UNKNOWN');
    expect(bandFor(shelter({ updatedAt: null }), 'WOMEN', freshness)).toBe('UNKNOWN');
    expect(bandFor(shelter({ band: 'CLOSED', updatedAt: hoursAgo(40) }), null, freshness)).toBe(
      'CLOSED',
    );
  });
});

describe(offersSpace.name, () => {
  it('is true for SPACE and FEW only', () => {
    expect(
      (['SPACE', 'FEW', 'FULL', 'CLOSED', 'UNKNOWN', 'NOT_SERVED'] as const).filter(offersSpace),
    ).toEqual(['SPACE', 'FEW']);
  });
});

describe(freePlaces.name, () => {
  it('counts regular and overflow places, of the group or in all', () => {
    expect(freePlaces(shelter(), null)).toBe(7);
    expect(freePlaces(shelter(), 'MEN')).toBe(7);
    expect(freePlaces(shelter(), 'WOMEN')).toBe(0);
  });

  it('is null where counts are hidden, and for a group the shelter has no figures for', () => {
    expect(freePlaces(shelter(counts(null, null)), null)).toBeNull();
    expect(freePlaces(shelter(), 'FAMILIES')).toBeNull();
  });
});
