import type { AvailabilityRules } from './availability.js';

export const SHELTERS_OPTIONS = Symbol('SHELTERS_OPTIONS');

export interface SheltersOptions extends AvailabilityRules {
  /** Outbox rows older than this are pruned; consumers further behind take a fresh snapshot. */
  outboxRetentionMs: number;
}
