import { FoodDaysBasis } from './supplies.enums.js';

/**
 * Days of food left at a shelter (issue 21, item 4), computed two ways and the lower shown:
 *
 * - by need: the food in stock (its kcal, expired lots left out) against the people present at
 *   the Sphere standard's 2,100 kcal per person per day (FOOD_KCAL_PER_PERSON_DAY);
 * - by rate: the same kcal against what the shelter actually used lately: the food handed out
 *   or cooked (net of reversals) over the last RATE_WINDOW_DAYS, or over the days since its
 *   ledger began when that is shorter (a pantry opened two days ago has not eaten for a week).
 *
 * Food whose kcal is unknown counts for nothing: the view says how many such items are in stock,
 * so that "2 days left" next to "3 items without kcal" reads as "at least 2".
 */

/** How far back the consumption rate looks. */
export const RATE_WINDOW_DAYS = 7;
/** A rate over less than a day is a burst, not a rate: the window is at least this long. */
export const MIN_RATE_WINDOW_DAYS = 1;

export interface FoodDaysInput {
  /** kcal of the food in stock, expired lots left out. */
  kcalInStock: number;
  /** People present now (beds taken or reported figures). */
  people: number;
  kcalPerPersonDay: number;
  /** kcal handed out or cooked within the window, net of reversals (never below zero). */
  kcalUsed: number;
  /** Days since the shelter's first movement, if it has any. */
  ledgerAgeDays: number | null;
}

export interface FoodDays {
  /** The lower of the two; null when neither can be said (nobody present and nothing used). */
  daysLeft: number | null;
  /** Which of the two gave `daysLeft`. */
  basis: FoodDaysBasis | null;
  byNeed: number | null;
  byRate: number | null;
  /** kcal used per day lately (null: no ledger yet). */
  kcalUsedPerDay: number | null;
  /** The days the rate was averaged over. */
  rateWindowDays: number | null;
}

/** The two estimates and the lower, as numbers of days (not rounded: the screen rounds down). */
export function foodDays(input: FoodDaysInput): FoodDays {
  const kcal = Math.max(0, input.kcalInStock);
  const byNeed = input.people > 0 ? kcal / (input.people * input.kcalPerPersonDay) : null;
  const rateWindowDays =
    input.ledgerAgeDays === null
      ? null
      : Math.min(RATE_WINDOW_DAYS, Math.max(MIN_RATE_WINDOW_DAYS, input.ledgerAgeDays));
  const kcalUsedPerDay =
    rateWindowDays === null ? null : Math.max(0, input.kcalUsed) / rateWindowDays;
  const byRate = kcalUsedPerDay ? kcal / kcalUsedPerDay : null;
  const [daysLeft, basis] =
    byNeed === null && byRate === null
      ? [null, null]
      : byRate === null || (byNeed !== null && byNeed <= byRate)
        ? [byNeed, FoodDaysBasis.NEED]
        : [byRate, FoodDaysBasis.RATE];
  return { daysLeft, basis, byNeed, byRate, kcalUsedPerDay, rateWindowDays };
}
