import { describe, expect, it } from '@jest/globals';
import { offsetAt, wallClock } from './wall-clock.js';

describe(wallClock.name, () => {
  it('reads the clock of the zone, not the machine’s', () => {
    expect(wallClock('America/Mexico_City', Date.parse('2026-11-30T15:00:30Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 30,
      hour: 9,
      minute: 0,
      second: 30,
    });
  });
});

describe(offsetAt.name, () => {
  it('says how far the zone is ahead of UTC, quarter hours included', () => {
    const instant = Date.parse('2026-11-30T15:00:00Z');
    expect(offsetAt('America/Mexico_City', instant)).toBe(-6 * 3_600_000);
    expect(offsetAt('Asia/Kathmandu', instant)).toBe(5.75 * 3_600_000);
    expect(offsetAt('UTC', instant)).toBe(0);
  });
});
