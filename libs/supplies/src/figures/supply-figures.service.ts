import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Ledger } from '../ledger.js';
import { period } from '../period.js';
import type { SupplyCategory, SupplySource, SupplyUnit } from '../supplies.enums.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from '../supplies.options.js';
import { figuresCsv } from './supply-figures.js';
import type { SupplyFiguresArgs, SupplyFiguresView } from './supply-figures.views.js';

/**
 * The period's movements at a shelter (or the network's), with each reversal counted as the kind
 * of the row it undoes, and in the period of that row (as the consumption rate counts it), so
 * that a receipt recorded twice and reversed counts once, in its own month. Days are cut at
 * midnight in TIME_ZONE ($3).
 */
const MOVEMENTS = `
  SELECT m.*, CASE WHEN m.kind = 'reversal' THEN undone.kind ELSE m.kind END AS counts_as,
         coalesce(undone.source, m.source) AS given_by,
         coalesce(undone.organisation_id, m.organisation_id) AS given_by_organisation
    FROM stock_movement m
    LEFT JOIN stock_movement undone ON undone.id = m.reverses_id
   WHERE coalesce(undone.at, m.at) >= ($1::date)::timestamp AT TIME ZONE $3
     AND coalesce(undone.at, m.at) < ($2::date + 1)::timestamp AT TIME ZONE $3
     AND ($4::uuid IS NULL OR m.shelter_id = $4)`;

const n = (value: string | number | null) => (value === null ? 0 : Number(value));

/**
 * Figures of food and supplies (issue 21, item 9): what came in, went out and was wasted per
 * category and unit; meals served per day; contributions by source (organisations by name,
 * private donors only in total: no person is ever a source); days of food left over time
 * (SupplyFoodDay). Also as CSV.
 */
@Injectable()
export class SupplyFigures {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    @Inject(SUPPLIES_OPTIONS) private readonly options: SuppliesOptions,
  ) {}

  async figures(args: SupplyFiguresArgs): Promise<SupplyFiguresView> {
    const { from, to } = period(args, this.ledger.today());
    const shelterId = args.shelterId ?? null;
    const params = [from, to, this.options.timeZone, shelterId];
    const [flows, meals, contributions, foodDays] = await Promise.all([
      this.dataSource.query<
        {
          category: SupplyCategory;
          unit: SupplyUnit;
          received: string | null;
          used: string | null;
          wasted: string | null;
          transferred_in: string | null;
          transferred_out: string | null;
          adjusted: string | null;
        }[]
      >(
        `SELECT i.category, i.unit,
                sum(m.quantity) FILTER (WHERE m.counts_as = 'received') AS received,
                -sum(m.quantity) FILTER (WHERE m.counts_as IN ('issued', 'cooked')) AS used,
                -sum(m.quantity) FILTER (WHERE m.counts_as IN ('wasted', 'expired')) AS wasted,
                sum(m.quantity) FILTER (WHERE m.counts_as = 'transfer_in') AS transferred_in,
                -sum(m.quantity) FILTER (WHERE m.counts_as = 'transfer_out') AS transferred_out,
                sum(m.quantity) FILTER (WHERE m.counts_as = 'adjusted') AS adjusted
           FROM (${MOVEMENTS}) m
           JOIN supply_item i ON i.id = m.item_id
          GROUP BY i.category, i.unit
          ORDER BY i.category, i.unit`,
        params,
      ),
      this.dataSource.query<{ day: string; meals: number; people: number }[]>(
        `SELECT day::text AS day, count(*)::int AS meals, sum(people)::int AS people
           FROM meal_served
          WHERE day BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR shelter_id = $3)
          GROUP BY day ORDER BY day`,
        [from, to, shelterId],
      ),
      this.dataSource.query<
        {
          source: SupplySource;
          organisation_id: string | null;
          organisation_name: string | null;
          category: SupplyCategory;
          unit: SupplyUnit;
          quantity: string;
        }[]
      >(
        `SELECT m.given_by AS source, o.id AS organisation_id, o.name AS organisation_name,
                i.category, i.unit, sum(m.quantity) AS quantity
           FROM (${MOVEMENTS}) m
           JOIN supply_item i ON i.id = m.item_id
           LEFT JOIN organisation o ON o.id = m.given_by_organisation
          WHERE m.counts_as = 'received'
          GROUP BY m.given_by, o.id, o.name, i.category, i.unit
         HAVING sum(m.quantity) <> 0
          ORDER BY m.given_by, o.name, i.category, i.unit`,
        params,
      ),
      // A shelter's own look of each day; the network's: all its food against all its people.
      this.dataSource.query<
        { day: string; days_left: string | null; kcal: string; people: number }[]
      >(
        `SELECT day::text AS day,
                CASE WHEN $3::uuid IS NOT NULL THEN max(days_left)
                     WHEN sum(people) > 0 THEN sum(kcal) / (sum(people) * $4) END AS days_left,
                sum(kcal) AS kcal, sum(people)::int AS people
           FROM supply_food_day
          WHERE day BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR shelter_id = $3)
          GROUP BY day ORDER BY day`,
        [from, to, shelterId, this.options.kcalPerPersonDay],
      ),
    ]);
    return {
      shelterId,
      from,
      to,
      flows: flows.map((row) => ({
        category: row.category,
        unit: row.unit,
        received: n(row.received),
        used: n(row.used),
        wasted: n(row.wasted),
        transferredIn: n(row.transferred_in),
        transferredOut: n(row.transferred_out),
        adjusted: n(row.adjusted),
      })),
      meals,
      contributions: contributions.map((row) => ({
        source: row.source,
        organisationId: row.organisation_id,
        organisationName: row.organisation_name,
        category: row.category,
        unit: row.unit,
        quantity: n(row.quantity),
      })),
      foodDays: foodDays.map((row) => ({
        day: row.day,
        daysLeft: row.days_left === null ? null : Math.round(n(row.days_left) * 100) / 100,
        kcal: n(row.kcal),
        people: row.people,
      })),
    };
  }

  async csv(args: SupplyFiguresArgs): Promise<string> {
    return figuresCsv(await this.figures(args));
  }
}
