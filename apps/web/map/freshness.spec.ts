import { describe, expect, it } from '@jest/globals';
import { bandOf, freeOf } from './freshness';
import type { Shelter } from './types';

const rules = { staleAfterMs: 12 * 3_600_000 };
const now = Date.parse('2026-11-25T20:00:00Z');

function shelter(
  updatedAt: string | null,
  band: Shelter['availability']['band'] = 'SPACE',
): Shelter {
  return {
    availability: {
      band,
      freeBeds: 9,
      totalBeds: 20,
      overflowFree: 2,
      overflowTotal: 4,
      updatedAt,
      byPopulation: [
        {
          population: 'WOMEN',
          band: 'FEW',
          freeBeds: 2,
          totalBeds: 5,
          overflowFree: 0,
          overflowTotal: 0,
        },
      ],
    },
  } as Shelter;
}

describe(bandOf.name, () => {
  it('gives the group’s band, or the whole shelter’s when no group is chosen', () => {
    expect(bandOf(shelter('2026-11-25T19:00:00Z'), null, rules, now)).toBe('SPACE');
    expect(bandOf(shelter('2026-11-25T19:00:00Z'), 'WOMEN', rules, now)).toBe('FEW');
    expect(bandOf(shelter('2026-11-25T19:00:00Z'), 'MEN', rules, now)).toBe('FULL');
  });

  it('turns UNKNOWN once the figures are older than the server says they may be (closed stays closed)', () => {
    expect(bandOf(shelter('2026-11-25T07:59:00Z'), null, rules, now)).toBe('UNKNOWN');
    expect(bandOf(shelter(null), null, rules, now)).toBe('UNKNOWN');
    expect(bandOf(shelter('2026-11-20T00:00:00Z', 'CLOSED'), null, rules, now)).toBe('CLOSED');
  });
});

describe(freeOf.name, () => {
  it('counts regular and overflow places, per group or in all', () => {
    expect(freeOf(shelter(null), null)).toBe(11);
    expect(freeOf(shelter(null), 'WOMEN')).toBe(2);
    expect(freeOf(shelter(null), 'MEN')).toBeNull();
  });
});
