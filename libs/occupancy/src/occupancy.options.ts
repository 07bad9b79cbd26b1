export const OCCUPANCY_OPTIONS = Symbol('OCCUPANCY_OPTIONS');

export interface OccupancyOptions {
  /** How long a hold keeps a bed when the request does not say. */
  holdMs: number;
  /** The zone of every "today" and daily figure. */
  timeZone: string;
}
