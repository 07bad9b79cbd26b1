import { DEFAULT_REPORT_DAYS, MAX_REPORT_PERIOD_DAYS_AFTER } from './dto/problem-reports.args.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';

/** The days problemReports counts: the last `days` (today included), or `from` to `to` (YYYY-MM-DD). */
export type ReportPeriod = { days: number } | { from: string; to: string };

/**
 * problemReports' period from its arguments: `from` and `to` together (to not before from, at most
 * a year and a day after it, as dailyFigures), or `days`, or neither (the last week); never both.
 */
export function reportPeriod(
  days: number | null | undefined,
  from: string | null | undefined,
  to: string | null | undefined,
): ReportPeriod {
  if (from == null && to == null) {
    return { days: days ?? DEFAULT_REPORT_DAYS };
  }
  if (days != null) {
    throw new SheltersException(
      'Give days, or from and to, not both.',
      SheltersExceptionCode.RANGE_INVALID,
      ['days'],
    );
  }
  if (from == null || to == null) {
    throw new SheltersException('from and to go together.', SheltersExceptionCode.RANGE_INVALID, [
      from == null ? 'from' : 'to',
    ]);
  }
  const after = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(after >= 0 && after <= MAX_REPORT_PERIOD_DAYS_AFTER)) {
    throw new SheltersException(
      `to must be on or after from, and at most ${MAX_REPORT_PERIOD_DAYS_AFTER} days later.`,
      SheltersExceptionCode.RANGE_INVALID,
      ['to'],
    );
  }
  return { from, to };
}
