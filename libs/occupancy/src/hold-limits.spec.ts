import { elsewhereAllowance, holdExpiry } from './hold-limits.js';

const limits = { holdMs: 4 * 3_600_000, elsewhereShare: 0.5, elsewhereMaxMs: 12 * 3_600_000 };
const A = '5a1b7b2e-2f0a-4b8e-9a5c-0d6f1e2a3b4c';
const B = '8c2d1e0f-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

describe(elsewhereAllowance.name, () => {
  it.each([
    [10, 0, 5],
    [6, 4, 5],
    [1, 0, 1],
    [0, 3, 2],
    [0, 0, 0],
  ])('%i free and %i already held: at most %i', (free, held, allowed) => {
    expect(elsewhereAllowance(free, held, 0.5)).toBe(allowed);
  });
});

describe(holdExpiry.name, () => {
  const hoursFromNow = (date: Date) => Math.round((date.getTime() - Date.now()) / 3_600_000);

  it('lets a shelter hold its own beds as long as it asks', () => {
    expect(hoursFromNow(holdExpiry(limits, { fromShelterId: A, shelterId: A, hours: 72 }))).toBe(
      72,
    );
  });

  it('refuses a longer hold from elsewhere than allowed, and caps the default', () => {
    expect(() => holdExpiry(limits, { fromShelterId: A, shelterId: B, hours: 13 })).toThrow(
      /at most 12 hours/,
    );
    expect(hoursFromNow(holdExpiry(limits, { fromShelterId: A, shelterId: B, hours: 12 }))).toBe(
      12,
    );
    expect(
      hoursFromNow(
        holdExpiry({ ...limits, holdMs: 24 * 3_600_000 }, { fromShelterId: A, shelterId: B }),
      ),
    ).toBe(12);
  });
});
