import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';

const DAY_MS = 86_400_000;

/** The longest period a read covers. */
export const MAX_PERIOD_DAYS = 366;

/** Days a period defaults to (ending today) when `from` is not given. */
export const DEFAULT_PERIOD_DAYS = 30;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * A period of days (YYYY-MM-DD, in TIME_ZONE, both inclusive): `to` defaults to today, `from` to
 * 30 days before `to`; `from` after `to`, or more than 366 days, is refused naming `from`.
 */
export function period(
  args: { from?: string | null; to?: string | null },
  today: string,
): { from: string; to: string } {
  const to = args.to ?? today;
  const from = args.from ?? addDays(to, -DEFAULT_PERIOD_DAYS);
  const length = daysBetween(from, to);
  if (length < 0 || length > MAX_PERIOD_DAYS) {
    throw new SuppliesException(
      `A period runs from a day to the same day or a later one, at most ${MAX_PERIOD_DAYS} days on.`,
      SuppliesExceptionCode.PERIOD_INVALID,
      ['from'],
    );
  }
  return { from, to };
}
