import type { AvailabilityRules } from './availability.js';

export const SHELTERS_OPTIONS = Symbol('SHELTERS_OPTIONS');

export interface SheltersOptions extends AvailabilityRules {
  /** Outbox rows older than this are pruned; consumers further behind take a fresh snapshot. */
  outboxRetentionMs: number;
  /** STALE_NUDGE_BEFORE: staff are told this long before their figures turn stale. */
  staleNudgeBeforeMs: number;
  /** TIME_ZONE: problem reports are counted by day there. */
  timeZone: string;
  /**
   * REPORT_BURST_COUNT reports of TURNED_AWAY_DESPITE_SPACE within REPORT_BURST_WINDOW, while the
   * shelter showed space and since its coordinator last reviewed the figures, flag them.
   */
  reportBurst: { count: number; windowMs: number };
}
