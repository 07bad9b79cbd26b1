/**
 * Times and dates as the reader's language writes them, on the wall clock of the server's
 * TIME_ZONE (the city the shelters are in), never the device's own: a laptop left on UTC must
 * print the COMAR sheet at the hours the COMAR keeps, and the API reads and writes days and
 * appointment times in TIME_ZONE (main.tsx reads it from /config.json).
 */
export interface Clock {
  /** The locale `Intl` writes the reader's language with. */
  locale: string;
  /** The server's TIME_ZONE, an IANA name (America/Mexico_City). */
  timeZone: string;
}

export function timeOfDay(clock: Clock, iso: string): string {
  return new Intl.DateTimeFormat(clock.locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: clock.timeZone,
  }).format(new Date(iso));
}

export function dayAndTime(clock: Clock, iso: string): string {
  return new Intl.DateTimeFormat(clock.locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: clock.timeZone,
  }).format(new Date(iso));
}

/**
 * A calendar day (YYYY-MM-DD) as a short weekday and day of the month ("dom 29"). A day is a
 * name, not an instant: it is written at its noon in UTC, so no zone can move it to its neighbour.
 */
export function weekdayOf(locale: string, day: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(dayNoonUtc(day));
}

/** A calendar day's noon in UTC, in milliseconds: where a plot puts that day's point. */
export function dayNoonUtc(day: string): number {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date, 12);
}

/** The wall clock in `timeZone` at `instant`, to the second. */
function wallClock(timeZone: string, instant: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY = 86_400_000;

/** The day (YYYY-MM-DD, as the API's day arguments write it) in `timeZone` at `instant`. */
export function localDay(timeZone: string, instant: Date): string {
  const wall = wallClock(timeZone, instant.getTime());
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The calendar day `days` after `day` (before, when negative); both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const next = new Date(dayNoonUtc(day) + days * DAY);
  return `${pad(next.getUTCFullYear(), 4)}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(timeZone: string, instant: number): number {
  const wall = wallClock(timeZone, instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO 8601, UTC) a `datetime-local` value ("2026-11-30T09:00") names on the wall
 * clock of `timeZone`. Where a clock change makes the time ambiguous the earlier offset wins; a
 * time skipped by a change forward lands after the gap.
 */
export function instantOfWallClock(timeZone: string, value: string): string {
  const [date, time = '00:00'] = value.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (Number.isNaN(asUtc)) {
    throw new RangeError(`not a datetime-local value: ${value}`);
  }
  // The offsets a day either side: the same unless the clock changes around this time.
  const before = offsetAt(timeZone, asUtc - DAY);
  const after = offsetAt(timeZone, asUtc + DAY);
  const named = [asUtc - before, asUtc - after].filter(
    (instant) => instant + offsetAt(timeZone, instant) === asUtc,
  );
  return new Date(named.length > 0 ? Math.min(...named) : asUtc - before).toISOString();
}

/** The `datetime-local` value ("2026-11-30T09:00") of `iso` on the wall clock of `timeZone`. */
export function wallClockOf(timeZone: string, iso: string): string {
  const wall = wallClock(timeZone, Date.parse(iso));
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The device's own zone: only where the server's cannot be read (main.tsx). */
export function deviceTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * "in 20 minutes", "in 3 hours", "in 3 days", "2 hours ago": the time left to `at` (an answer
 * owed, an appointment, a hold's end) in the reader's words. One wording for every countdown,
 * so that the same referral reads the same on the inbox and on the follow-up list.
 */
export function countdown(locale: string, at: string, now: number): string {
  const minutes = Math.round((Date.parse(at) - now) / 60_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 90) {
    return format.format(minutes, 'minute');
  }
  const hours = Math.round(minutes / 60);
  return Math.abs(hours) < 48
    ? format.format(hours, 'hour')
    : format.format(Math.round(hours / 24), 'day');
}

/** A language (ISO 639 code) as the reader's locale names it, or its code when it cannot. */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Español", "Kreyòl ayisyen": a language named in itself, as the language switcher lists them. */
export function nameInItself(code: string): string {
  return languageName(code, code);
}

/** ISO 639 codes typed in a free field ("nah, tzo"): lower case, two or three letters, once each. */
export function languageCodes(text: string): string[] {
  const codes = text
    .toLowerCase()
    .split(/[\s,;]+/)
    .filter((code) => /^[a-z]{2,3}$/.test(code));
  return [...new Set(codes)];
}
