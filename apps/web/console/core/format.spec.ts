import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  countdown,
  dayAndTime,
  instantOfWallClock,
  languageCodes,
  languageName,
  nameInItself,
  localDay,
  timeOfDay,
  wallClockOf,
  weekdayOf,
} from './format.js';

// The device on UTC, the server's TIME_ZONE elsewhere: every answer below would differ if the
// device's zone leaked in (Node reads TZ again when it is set).
process.env.TZ = 'UTC';
const MEXICO = 'America/Mexico_City';
const mexico = { locale: 'en-GB', timeZone: MEXICO };

describe('the device', () => {
  it('is on UTC while these specs run, unlike the TIME_ZONE they use', () => {
    expect(new Date('2026-11-30T15:00:00Z').getTimezoneOffset()).toBe(0);
  });
});

describe(timeOfDay.name, () => {
  it('writes the wall clock of TIME_ZONE, not the device’s', () => {
    expect(timeOfDay(mexico, '2026-11-30T15:00:00Z')).toBe('9:00');
    expect(timeOfDay(mexico, '2026-11-30T09:00:00-06:00')).toBe('9:00');
    expect(timeOfDay({ locale: 'en-GB', timeZone: 'Asia/Kathmandu' }, '2026-11-30T15:00:00Z')).toBe(
      '20:45',
    );
  });
});

describe(dayAndTime.name, () => {
  it('writes the day of TIME_ZONE, the evening before a UTC midnight included', () => {
    expect(dayAndTime(mexico, '2026-12-01T03:30:00Z')).toBe('Mon 30 Nov, 21:30');
  });
});

describe(localDay.name, () => {
  it('is the day in TIME_ZONE, whatever the device’s day', () => {
    // 03:30 on the 1st in UTC is 21:30 on the 30th in Mexico City.
    expect(localDay(MEXICO, new Date('2026-12-01T03:30:00Z'))).toBe('2026-11-30');
    expect(localDay(MEXICO, new Date('2026-12-01T06:00:00Z'))).toBe('2026-12-01');
    expect(localDay(MEXICO, new Date('2026-12-01T05:59:59Z'))).toBe('2026-11-30');
    // East of UTC the other way round: 20:00 UTC is the next morning in Auckland.
    expect(localDay('Pacific/Auckland', new Date('2026-11-30T20:00:00Z'))).toBe('2026-12-01');
  });
});

describe(addDays.name, () => {
  it('steps over a month’s and a year’s end and back', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -6)).toBe('2026-02-23');
    expect(addDays('2026-12-29', 6)).toBe('2027-01-04');
  });

  it('keeps a day a day across a change of the clocks', () => {
    expect(addDays('2026-03-08', -1)).toBe('2026-03-07');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
  });
});

describe(weekdayOf.name, () => {
  it('names a calendar day as itself, in any zone', () => {
    expect(weekdayOf('en-GB', '2026-11-29')).toBe('Sun 29');
    expect(weekdayOf('es-MX', '2026-11-30')).toMatch(/^lun\w*\.? 30$/);
  });
});

describe(instantOfWallClock.name, () => {
  it('reads a datetime-local value on the wall clock of TIME_ZONE', () => {
    // 09:00 in Mexico City (-06:00) is 15:00 in UTC, with the device on UTC.
    expect(instantOfWallClock(MEXICO, '2026-11-30T09:00')).toBe('2026-11-30T15:00:00.000Z');
    // Late evening there is already the next day in UTC.
    expect(instantOfWallClock(MEXICO, '2026-11-30T23:30')).toBe('2026-12-01T05:30:00.000Z');
    expect(instantOfWallClock('Asia/Kathmandu', '2026-11-30T00:10')).toBe(
      '2026-11-29T18:25:00.000Z',
    );
  });

  it('follows a change of the clocks: the earlier of a repeated hour, after a skipped one', () => {
    // New York: 2026-03-08 02:00 EST jumps to 03:00 EDT; 2026-11-01 02:00 EDT goes back to 01:00.
    expect(instantOfWallClock('America/New_York', '2026-03-08T01:30')).toBe(
      '2026-03-08T06:30:00.000Z',
    );
    expect(instantOfWallClock('America/New_York', '2026-03-08T03:30')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(instantOfWallClock('America/New_York', '2026-03-08T02:30')).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(instantOfWallClock('America/New_York', '2026-11-01T01:30')).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('refuses what is not a datetime-local value', () => {
    expect(() => instantOfWallClock(MEXICO, '')).toThrow(RangeError);
  });
});

describe(wallClockOf.name, () => {
  it('gives an instant back as the datetime-local value of TIME_ZONE', () => {
    expect(wallClockOf(MEXICO, '2026-11-30T15:00:00Z')).toBe('2026-11-30T09:00');
    expect(wallClockOf(MEXICO, '2026-12-01T03:30:00Z')).toBe('2026-11-30T21:30');
    expect(wallClockOf(MEXICO, instantOfWallClock(MEXICO, '2026-11-30T09:00'))).toBe(
      '2026-11-30T09:00',
    );
  });
});

describe(countdown.name, () => {
  const NOW = Date.parse('2026-11-29T18:00:00Z');
  it('says the time left, or past, in the reader’s words: minutes, hours, then days', () => {
    expect(countdown('en', '2026-11-29T18:20:00Z', NOW)).toBe('in 20 minutes');
    expect(countdown('es', '2026-11-29T21:00:00Z', NOW)).toBe('dentro de 3 horas');
    expect(countdown('en', '2026-11-29T16:00:00Z', NOW)).toBe('2 hours ago');
    expect(countdown('es', '2026-12-01T18:00:00Z', NOW)).toBe('pasado mañana');
    expect(countdown('fr', '2026-12-02T18:00:00Z', NOW)).toBe('dans 3 jours');
  });
});

describe(languageName.name, () => {
  it('names a language in the reader’s locale, or gives its code back', () => {
    expect(languageName('es', 'ht')).toBe('criollo haitiano');
    expect(languageName('en', 'qqq')).toBe('qqq');
    expect(nameInItself('fr')).toBe('français');
    expect(nameInItself('es')).toBe('español');
  });
});

describe(languageCodes.name, () => {
  it('reads ISO 639 codes typed in a free field: lower case, two or three letters, once', () => {
    expect(languageCodes('ES, ht  fr,es')).toEqual(['es', 'ht', 'fr']);
    expect(languageCodes('NAH, tzo;  qu x english nah')).toEqual(['nah', 'tzo', 'qu']);
    expect(languageCodes('  ')).toEqual([]);
  });
});
