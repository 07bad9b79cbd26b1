export const SUPPLIES_OPTIONS = Symbol('SUPPLIES_OPTIONS');

export interface SuppliesOptions {
  /** TIME_ZONE: the day a meal is served on, the days of a period, "expired" on receipt. */
  timeZone: string;
  /** FOOD_KCAL_PER_PERSON_DAY: the ration days of food left are counted in (Sphere: 2,100). */
  kcalPerPersonDay: number;
  /** FOOD_DAYS_LOW: fewer days of food left than this raise an alert. */
  foodDaysLow: number;
  /** SUPPLY_EXPIRING_WITHIN: lots expiring within this many days raise an alert (by default). */
  expiringWithinDays: number;
}
