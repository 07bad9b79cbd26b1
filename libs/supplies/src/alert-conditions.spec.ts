import {
  alertConditions,
  type ItemStock,
  type Threshold,
  thresholdFor,
} from './alert-conditions.js';
import { SupplyAlertKind, SupplyCategory } from './supplies.enums.js';

const RULES = { today: '2026-11-29', expiringWithinDays: 7, foodDaysLow: 3 };

const rice: ItemStock = {
  itemId: 'rice',
  category: SupplyCategory.FOOD,
  usableMilli: 18_000,
  lots: [
    { lot: 'A1', expiresOn: '2026-11-20', milli: 2_000 },
    { lot: 'B2', expiresOn: '2026-12-06', milli: 8_000 },
    { lot: null, expiresOn: '2026-12-07', milli: 10_000 },
  ],
};
const soap: ItemStock = {
  itemId: 'soap',
  category: SupplyCategory.HYGIENE,
  usableMilli: 4_000,
  lots: [{ lot: null, expiresOn: null, milli: 4_000 }],
};

const threshold = (over: Partial<Threshold>): Threshold => ({
  itemId: null,
  category: null,
  lowMilli: null,
  expiringWithinDays: null,
  ...over,
});

describe('thresholdFor', () => {
  it('takes the item’s own over its category’s', () => {
    const own = threshold({ itemId: 'soap', lowMilli: 1_000 });
    const category = threshold({ category: SupplyCategory.HYGIENE, lowMilli: 10_000 });
    expect(thresholdFor(soap, [category, own])).toBe(own);
    expect(thresholdFor(soap, [category])).toBe(category);
    expect(thresholdFor(rice, [category, own])).toBeUndefined();
  });
});

describe('alertConditions', () => {
  it('says lots expiring within the default window, and expired ones still on the shelf', () => {
    const found = alertConditions([rice, soap], [], null, RULES);
    // Seven days from 2026-11-29 is 2026-12-06: the lot of the 7th is not said yet.
    expect(found.map((each) => [each.kind, each.lot, each.expiresOn, each.figure])).toEqual([
      [SupplyAlertKind.EXPIRING, 'A1', '2026-11-20', 2],
      [SupplyAlertKind.EXPIRING, 'B2', '2026-12-06', 8],
    ]);
  });

  it('narrows or widens the expiry window by threshold', () => {
    const narrow = alertConditions(
      [rice],
      [threshold({ itemId: 'rice', expiringWithinDays: 1 })],
      null,
      RULES,
    );
    expect(narrow.map((each) => each.lot)).toEqual(['A1']);
  });

  it('says an item below its low mark, by its usable stock, and not at the mark', () => {
    const low = alertConditions(
      [soap, rice],
      [
        threshold({ category: SupplyCategory.HYGIENE, lowMilli: 5_000 }),
        threshold({ itemId: 'rice', lowMilli: 18_000, expiringWithinDays: 0 }),
      ],
      null,
      RULES,
    ).filter((each) => each.kind === SupplyAlertKind.LOW_STOCK);
    expect(low).toEqual([
      {
        kind: SupplyAlertKind.LOW_STOCK,
        key: 'low:soap',
        itemId: 'soap',
        lot: null,
        expiresOn: null,
        figure: 4,
        threshold: 5,
      },
    ]);
  });

  it('says food for fewer days than FOOD_DAYS_LOW, and nothing when unknown', () => {
    const at = (days: number | null) =>
      alertConditions([], [], days, RULES).map((each) => [each.kind, each.figure]);
    expect(at(2.5)).toEqual([[SupplyAlertKind.FOOD_DAYS_LOW, 2.5]]);
    expect(at(3)).toEqual([]);
    expect(at(null)).toEqual([]);
  });

  it('keeps an open food alert until 10% above the mark, so that it does not flap', () => {
    const open = new Set(['food-days']);
    const holds = (days: number) =>
      alertConditions([], [], days, RULES, open).some(
        (each) => each.kind === SupplyAlertKind.FOOD_DAYS_LOW,
      );
    expect(holds(3.29)).toBe(true);
    expect(holds(3.31)).toBe(false);
  });
});
