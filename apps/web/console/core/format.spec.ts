import { describe, expect, it } from '@jest/globals';
import { addDays, localDay } from './format.js';

describe(localDay.name, () => {
  it('writes the device’s calendar day, late at night included', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe(addDays.name, () => {
  it('steps over a month’s end and back', () => {
    expect(localDay(addDays(new Date(2026, 0, 31, 12), 1))).toBe('2026-02-01');
    expect(localDay(addDays(new Date(2026, 2, 1, 12), -6))).toBe('2026-02-23');
  });
});
