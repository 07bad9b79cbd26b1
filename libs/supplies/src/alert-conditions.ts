import { addDays } from './period.js';
import { SupplyAlertKind, type SupplyCategory } from './supplies.enums.js';

/** A shelter's stock of one item, as alerts see it: what can still be used, and its lots. */
export interface ItemStock {
  itemId: string;
  category: SupplyCategory;
  /** Thousandths of the item's unit, in lots not yet expired. */
  usableMilli: number;
  /** Lots with stock (including expired ones: they are still on the shelf, to be thrown out). */
  lots: { lot: string | null; expiresOn: string | null; milli: number }[];
}

/** A shelter's threshold for one item or for every item of a category (item wins). */
export interface Threshold {
  itemId: string | null;
  category: SupplyCategory | null;
  /** Below this (thousandths of each item's own unit) the item is low; null: no low alert. */
  lowMilli: number | null;
  /** Lots expiring within this many days are said; null: the default. */
  expiringWithinDays: number | null;
}

export interface AlertRules {
  /** Today in TIME_ZONE (YYYY-MM-DD). */
  today: string;
  /** SUPPLY_EXPIRING_WITHIN: for items without a threshold saying otherwise. */
  expiringWithinDays: number;
  /** FOOD_DAYS_LOW. */
  foodDaysLow: number;
}

/**
 * An open FOOD_DAYS_LOW alert clears only above the mark by this share: days of food move with
 * every arrival and every meal, and an alert that flips at each would be noise, not a crossing.
 */
export const FOOD_DAYS_CLEAR_MARGIN = 0.1;

/** Something that holds now at a shelter; an alert is raised when it starts to, cleared when it stops. */
export interface AlertCondition {
  kind: SupplyAlertKind;
  /** Which one of its kind (the item, the lot): an alert per key, once per crossing. */
  key: string;
  itemId: string | null;
  lot: string | null;
  expiresOn: string | null;
  /** LOW_STOCK: usable quantity; FOOD_DAYS_LOW: days left; EXPIRING: quantity in the lot. */
  figure: number;
  /** LOW_STOCK: the low mark; FOOD_DAYS_LOW: FOOD_DAYS_LOW; EXPIRING: the days looked ahead. */
  threshold: number;
}

const FOOD_DAYS_KEY = 'food-days';

/** The threshold that applies to an item: its own, else its category's. */
export function thresholdFor(
  stock: Pick<ItemStock, 'itemId' | 'category'>,
  thresholds: readonly Threshold[],
): Threshold | undefined {
  return (
    thresholds.find((each) => each.itemId === stock.itemId) ??
    thresholds.find((each) => each.itemId === null && each.category === stock.category)
  );
}

/**
 * What holds now: items below their low mark (usable stock, so an expired lot does not hide
 * the shortage), lots expiring within their window (or already expired, still on the shelf),
 * and food for fewer than FOOD_DAYS_LOW days (`open`: the keys of the alerts open now, for the
 * food alert's margin). Sorted by key, so evaluations are comparable.
 */
export function alertConditions(
  stock: readonly ItemStock[],
  thresholds: readonly Threshold[],
  daysLeft: number | null,
  rules: AlertRules,
  open: ReadonlySet<string> = new Set(),
): AlertCondition[] {
  const found: AlertCondition[] = [];
  for (const item of stock) {
    const threshold = thresholdFor(item, thresholds);
    if (threshold?.lowMilli != null && item.usableMilli < threshold.lowMilli) {
      found.push({
        kind: SupplyAlertKind.LOW_STOCK,
        key: `low:${item.itemId}`,
        itemId: item.itemId,
        lot: null,
        expiresOn: null,
        figure: item.usableMilli / 1000,
        threshold: threshold.lowMilli / 1000,
      });
    }
    const within = threshold?.expiringWithinDays ?? rules.expiringWithinDays;
    const last = addDays(rules.today, within);
    for (const lot of item.lots) {
      if (lot.expiresOn !== null && lot.milli > 0 && lot.expiresOn <= last) {
        found.push({
          kind: SupplyAlertKind.EXPIRING,
          key: `expiring:${item.itemId}:${lot.lot ?? ''}:${lot.expiresOn}`,
          itemId: item.itemId,
          lot: lot.lot,
          expiresOn: lot.expiresOn,
          figure: lot.milli / 1000,
          threshold: within,
        });
      }
    }
  }
  const foodMark = open.has(FOOD_DAYS_KEY)
    ? rules.foodDaysLow * (1 + FOOD_DAYS_CLEAR_MARGIN)
    : rules.foodDaysLow;
  if (daysLeft !== null && daysLeft < foodMark) {
    found.push({
      kind: SupplyAlertKind.FOOD_DAYS_LOW,
      key: FOOD_DAYS_KEY,
      itemId: null,
      lot: null,
      expiresOn: null,
      figure: daysLeft,
      threshold: rules.foodDaysLow,
    });
  }
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
