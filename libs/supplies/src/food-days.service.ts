import { peoplePresent } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { foodDays, RATE_WINDOW_DAYS } from './food-days.js';
import { Ledger } from './ledger.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from './supplies.options.js';
import type { FoodDaysView } from './supply-alerts.views.js';

/**
 * Days of food left at a shelter (food-days.ts says how): the kcal of its food in stock, expired
 * lots left out; the people present by its own figures (the shelters lib's peoplePresent); and
 * the kcal handed out or cooked over the last days, net of their reversals. Waste, transfers
 * and stocktakes are not eating, so they are not in the rate (they are in the stock).
 */
@Injectable()
export class FoodDaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    @Inject(SUPPLIES_OPTIONS) private readonly options: SuppliesOptions,
  ) {}

  async of(
    shelterId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FoodDaysView> {
    const today = this.ledger.today();
    const [[stock], [used], present] = await Promise.all([
      manager.query<{ kcal: number; without_kcal: number }[]>(
        `WITH lots AS (
           SELECT item_id, expires_on, sum(quantity) AS quantity
             FROM stock_movement WHERE shelter_id = $1
            GROUP BY item_id, lot, expires_on
           HAVING sum(quantity) > 0)
         SELECT coalesce(sum(l.quantity * i.kcal_per_unit), 0)::float8 AS kcal,
                (count(DISTINCT l.item_id) FILTER (WHERE i.kcal_per_unit IS NULL))::int
                  AS without_kcal
           FROM lots l JOIN supply_item i ON i.id = l.item_id AND i.category = 'food'
          WHERE l.expires_on IS NULL OR l.expires_on >= $2::date`,
        [shelterId, today],
      ),
      manager.query<{ kcal: number; age_days: number | null }[]>(
        `SELECT coalesce(-sum(m.quantity * i.kcal_per_unit), 0)::float8 AS kcal,
                -- The oldest food row by the (shelter_id, at) index, not min() over them all.
                (SELECT extract(epoch FROM now() - f.at)::float8 / 86400
                   FROM stock_movement f JOIN supply_item fi ON fi.id = f.item_id
                  WHERE f.shelter_id = $1 AND fi.category = 'food'
                  ORDER BY f.at LIMIT 1) AS age_days
           FROM stock_movement m
           JOIN supply_item i ON i.id = m.item_id AND i.category = 'food'
           LEFT JOIN stock_movement undone ON undone.id = m.reverses_id
          WHERE m.shelter_id = $1
            -- A reversal counts in the window of the row it undoes: an issue of last month
            -- reversed today was never in this week's use.
            AND coalesce(undone.at, m.at) > now() - make_interval(days => $2)
            -- Implied by the line above (a reversal is never older than the row it undoes),
            -- and what lets the (shelter_id, at) index bound the read to the window: without
            -- it the whole ledger is read (bench/scenarios/supplies.ts).
            AND m.at > now() - make_interval(days => $2)
            AND i.kcal_per_unit IS NOT NULL
            AND (m.kind IN ('issued', 'cooked')
                 OR (m.kind = 'reversal' AND undone.kind IN ('issued', 'cooked')))`,
        [shelterId, RATE_WINDOW_DAYS],
      ),
      peoplePresent(manager, [shelterId]),
    ]);
    const people = present.get(shelterId);
    const days = foodDays({
      kcalInStock: stock.kcal,
      people: people?.people ?? 0,
      kcalPerPersonDay: this.options.kcalPerPersonDay,
      kcalUsed: used.kcal,
      ledgerAgeDays: used.age_days,
    });
    return {
      shelterId,
      ...days,
      low: days.daysLeft !== null && days.daysLeft < this.options.foodDaysLow,
      lowBelow: this.options.foodDaysLow,
      kcalInStock: stock.kcal,
      foodItemsWithoutKcal: stock.without_kcal,
      people: people?.people ?? 0,
      peopleFrom: people?.mode ?? null,
      peopleAsOf: people?.asOf ?? null,
      kcalPerPersonDay: this.options.kcalPerPersonDay,
    };
  }
}
