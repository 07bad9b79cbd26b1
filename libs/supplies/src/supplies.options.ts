export const SUPPLIES_OPTIONS = Symbol('SUPPLIES_OPTIONS');

export interface SuppliesOptions {
  /** TIME_ZONE: the day a meal is served on, the days of a period, "expired" on receipt. */
  timeZone: string;
}
