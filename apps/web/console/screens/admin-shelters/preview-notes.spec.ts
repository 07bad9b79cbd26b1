import { describe, expect, it } from '@jest/globals';
import { missingNotes, refusalKey } from './preview-notes.js';

const READY = {
  bedsMode: false,
  ready: true,
  missing: [],
  holdsWithoutBeds: 0,
  staysWithoutBeds: 0,
} as const;

describe(missingNotes.name, () => {
  it('says nothing when the switch would go through, or the shelter is in beds mode already', () => {
    expect(missingNotes(READY)).toEqual([]);
    expect(missingNotes({ ...READY, bedsMode: true, missing: ['MEN'] })).toEqual([]);
  });

  it('names each group without beds, then the holds and the stays without a bed, with counts', () => {
    expect(
      missingNotes({
        ...READY,
        ready: false,
        missing: ['WOMEN', 'FAMILIES'],
        holdsWithoutBeds: 2,
        staysWithoutBeds: 1,
      }),
    ).toEqual([
      { key: 'setup.preview.missing', population: 'WOMEN' },
      { key: 'setup.preview.missing', population: 'FAMILIES' },
      { key: 'setup.preview.holds', n: 2 },
      { key: 'setup.preview.stays', n: 1 },
    ]);
  });
});

describe(refusalKey.name, () => {
  it('has words for each reason the switch gives, and none for others', () => {
    expect(refusalKey('BEDS_MISSING')).toBe('setup.refused.BEDS_MISSING');
    expect(refusalKey('STAYS_WITHOUT_BEDS')).toBe('setup.refused.STAYS_WITHOUT_BEDS');
    expect(refusalKey('SOMETHING_ELSE')).toBeUndefined();
    expect(refusalKey(undefined)).toBeUndefined();
  });
});
