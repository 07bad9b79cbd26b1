export const OCCUPANCY_OPTIONS = Symbol('OCCUPANCY_OPTIONS');

import type { HoldLimits } from './hold-limits.js';

export interface OccupancyOptions extends HoldLimits {
  /** The zone of every "today" and daily figure. */
  timeZone: string;
  /** Staff screens are warned once when a hold will lapse within this (HOLD_WARNING). */
  holdWarningMs: number;
}
