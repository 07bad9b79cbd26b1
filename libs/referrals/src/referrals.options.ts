export const REFERRALS_OPTIONS = Symbol('REFERRALS_OPTIONS');

export interface ReferralsOptions {
  /** An urgent referral's answer is owed within this (REFERRAL_URGENT_WINDOW, 24 h). */
  urgentWindowMs: number;
  /** A routine referral's answer is owed within this (REFERRAL_ROUTINE_WINDOW, 72 h). */
  routineWindowMs: number;
  /** A service's capacity report older than this reads UNKNOWN (SERVICE_STALE_AFTER). */
  serviceStaleAfterMs: number;
  /** TIME_ZONE: days of the figures and appointment times. */
  timeZone: string;
  /** RETENTION_DAYS: an unregistered person's closed referral keeps its sealed text this long. */
  retentionDays: number;
}
