export const OCCUPANCY_OPTIONS = Symbol('OCCUPANCY_OPTIONS');

import type { HoldLimits } from './hold-limits.js';

export interface OccupancyOptions extends HoldLimits {
  /** The zone of every "today" and daily figure. */
  timeZone: string;
}
