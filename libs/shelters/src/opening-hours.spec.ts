import type { OpeningHoursInput } from './dto/shelter-parts.input.js';
import { checkedHours } from './opening-hours.js';

describe(checkedHours.name, () => {
  it('keeps hours that say one thing, each period’s days in order', () => {
    expect(checkedHours({ alwaysOpen: true })).toEqual({ alwaysOpen: true, periods: [] });
    expect(
      checkedHours({
        periods: [
          { days: [5, 1, 3], opens: '20:00', closes: '08:00' },
          { days: [6], opens: '09:00', closes: '14:00' },
        ],
      }),
    ).toEqual({
      alwaysOpen: false,
      periods: [
        { days: [1, 3, 5], opens: '20:00', closes: '08:00' },
        { days: [6], opens: '09:00', closes: '14:00' },
      ],
    });
    expect(checkedHours(null)).toBeNull();
  });

  it('refuses hours that say two things or nothing, naming the field', () => {
    const period = { days: [1], opens: '08:00', closes: '20:00' };
    const cases: [OpeningHoursInput, string][] = [
      [{ alwaysOpen: true, periods: [period] }, 'input.hours.periods'],
      [{}, 'input.hours.periods'],
      [{ alwaysOpen: false, periods: [] }, 'input.hours.periods'],
      [{ periods: [period, { ...period, closes: '08:00' }] }, 'input.hours.periods.1.closes'],
    ];
    for (const [input, field] of cases) {
      expect(() => checkedHours(input)).toThrow(
        expect.objectContaining({
          reason: 'HOURS_UNCLEAR',
          code: 'BAD_USER_INPUT',
          fields: [field],
        }) as Error,
      );
    }
  });
});
