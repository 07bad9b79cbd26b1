import { offsetAt, wallClock } from '@albergue/contracts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as ISO 8601 with the offset `timeZone` has then (2026-11-30T09:00:00-06:00): what a
 * person in that zone reads on a clock, and still one exact instant for any parser.
 */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const at = instant.getTime();
  const clock = wallClock(timeZone, at);
  const wall = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  const offsetMinutes = Math.round(offsetAt(timeZone, at) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
