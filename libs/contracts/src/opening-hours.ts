/**
 * When a person can come to a shelter's door, as data rather than words, so that every page says
 * it in the reader's language (libs/i18n renders it). Times are the network's local time
 * (TIME_ZONE), as a clock on the wall shows them.
 */
export interface OpeningHours {
  /** Open day and night, every day; `periods` is then empty. */
  alwaysOpen: boolean;
  periods: OpeningPeriod[];
}

export interface OpeningPeriod {
  /** ISO 8601 weekdays, 1 Monday … 7 Sunday: ascending, each once, at least one. */
  days: number[];
  /** "HH:MM", 00:00 to 23:59. */
  opens: string;
  /** "HH:MM"; earlier than `opens` when the period runs past midnight (20:00 to 08:00). */
  closes: string;
}

/** A time of day as "HH:MM", 00:00 to 23:59. */
export const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The ISO 8601 weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
