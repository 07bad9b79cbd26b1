import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { type AlertCondition, alertConditions, type ItemStock } from './alert-conditions.js';
import { FoodDaysService } from './food-days.service.js';
import { Ledger } from './ledger.js';
import { milliOf, numericOf } from './quantities.js';
import type { SupplyAlertKind, SupplyCategory } from './supplies.enums.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from './supplies.options.js';
import type { FoodDaysView, SupplyAlertView } from './supply-alerts.views.js';
import { SupplyThresholds } from './supply-thresholds.service.js';

/** Time passes (a lot nears its expiry) and people arrive without a stock act: looked at again. */
export const SUPPLY_ALERTS_JOB: ClusterJob = { name: 'supply-alerts', everyMs: 60_000 };

/**
 * Held while an evaluation writes, whoever writes: alerts' seqs commit in the order they are
 * given, so an instance's cursor never passes one that commits later (SupplyAlertsNotifier).
 */
const WRITING_LOCK = 'albergue:supply-alerts';

export interface AlertRow {
  id: string;
  shelter_id: string;
  kind: SupplyAlertKind;
  item_id: string | null;
  lot: string | null;
  expires_on: string | null;
  figure: string;
  threshold: string;
  raised_at: Date;
  cleared_at: Date | null;
  seq: string;
}

export const ALERT_SELECT = `SELECT id, shelter_id, kind, item_id, lot, expires_on::text AS expires_on,
  figure, threshold, raised_at, cleared_at, seq::text AS seq FROM supply_alert`;

export function alertView(row: AlertRow): SupplyAlertView {
  return {
    id: row.id,
    shelterId: row.shelter_id,
    kind: row.kind,
    itemId: row.item_id,
    lot: row.lot,
    expiresOn: row.expires_on,
    figure: Number(row.figure),
    threshold: Number(row.threshold),
    raisedAt: row.raised_at,
    clearedAt: row.cleared_at,
  };
}

/**
 * Supply alerts (issue 21, item 5): a shelter's stock looked at against its thresholds and its
 * days of food (alert-conditions.ts says what holds), and the difference with its open alerts
 * written: a condition that starts to hold raises an alert, one that stops clears it. So an
 * alert is raised once per crossing, not at every look, however many instances look.
 *
 * A shelter is looked at after every act that moved its stock or its marks (after the commit:
 * a failure there is logged and never undoes the act), and by the cluster's job every minute,
 * for what moves without an act: the date (a lot nearing expiry) and the people present.
 * Looks at one shelter queue on its own advisory lock; the writes, short, on one lock for all.
 */
@Injectable()
export class SupplyAlerts {
  private readonly logger = new Logger(SupplyAlerts.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
    private readonly foodDays: FoodDaysService,
    private readonly thresholds: SupplyThresholds,
    private readonly jobs: ClusterJobs,
    @Inject(SUPPLIES_OPTIONS) private readonly options: SuppliesOptions,
  ) {}

  @Interval(SUPPLY_ALERTS_JOB.name, SUPPLY_ALERTS_JOB.everyMs)
  sweepJob(): Promise<JobOutcome> {
    return this.jobs.once(SUPPLY_ALERTS_JOB, () => this.sweep());
  }

  /** Looks at every shelter with stock, marks or open alerts; returns the alerts raised or cleared. */
  async sweep(): Promise<number> {
    const shelters = await this.dataSource.query<{ shelter_id: string }[]>(
      `SELECT shelter_id FROM stock_lock
        UNION SELECT shelter_id FROM supply_threshold
        UNION SELECT shelter_id FROM supply_alert WHERE cleared_at IS NULL`,
    );
    let changed = 0;
    for (const { shelter_id } of shelters) {
      changed += await this.evaluate(shelter_id);
    }
    return changed;
  }

  /** After an act committed: its shelters looked at; a failure is the job's to catch up. */
  async afterAct(...shelterIds: string[]): Promise<void> {
    for (const shelterId of new Set(shelterIds)) {
      await this.evaluate(shelterId).catch((error: unknown) =>
        this.logger.warn(
          `shelter ${shelterId}: alerts not evaluated: ${error instanceof Error ? error.name : 'error'}`,
        ),
      );
    }
  }

  /** Raises what started to hold and clears what stopped; returns how many. */
  evaluate(shelterId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('supply-alerts:' || $1))`, [
        shelterId,
      ]);
      const food = await this.foodDays.of(shelterId, manager);
      await this.keepDay(manager, food);
      const open = await manager.query<{ id: string; key: string }[]>(
        'SELECT id, key FROM supply_alert WHERE shelter_id = $1 AND cleared_at IS NULL',
        [shelterId],
      );
      const openKeys = new Set(open.map((row) => row.key));
      const holding = alertConditions(
        await this.stock(manager, shelterId),
        await this.thresholds.of(shelterId, manager),
        food.daysLeft,
        {
          today: this.ledger.today(),
          expiringWithinDays: this.options.expiringWithinDays,
          foodDaysLow: this.options.foodDaysLow,
        },
        openKeys,
      );
      const holdingKeys = new Set(holding.map((condition) => condition.key));
      const raised = holding.filter((condition) => !openKeys.has(condition.key));
      const cleared = open.filter((row) => !holdingKeys.has(row.key)).map((row) => row.id);
      if (raised.length === 0 && cleared.length === 0) {
        return 0;
      }
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [WRITING_LOCK]);
      for (const condition of raised) {
        await this.raise(manager, shelterId, condition);
      }
      if (cleared.length > 0) {
        await manager.query(
          `UPDATE supply_alert SET cleared_at = now(), seq = nextval('supply_alert_seq')
            WHERE id = ANY($1::uuid[]) AND cleared_at IS NULL`,
          [cleared],
        );
      }
      return raised.length + cleared.length;
    });
  }

  /** A shelter's alerts: the open ones, or with `history` also those cleared lately, newest first. */
  async list(shelterId: string, history: boolean): Promise<SupplyAlertView[]> {
    const rows = await this.dataSource.query<AlertRow[]>(
      `${ALERT_SELECT}
        WHERE shelter_id = $1
          AND (cleared_at IS NULL OR ($2 AND cleared_at > now() - interval '30 days'))
        ORDER BY raised_at DESC, id
        LIMIT 500`,
      [shelterId, history],
    );
    return rows.map(alertView);
  }

  /** Today's days of food left at the shelter, for the figures over time (the day's last look). */
  private async keepDay(manager: EntityManager, food: FoodDaysView): Promise<void> {
    await manager.query(
      `INSERT INTO supply_food_day (shelter_id, day, days_left, kcal, people)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (shelter_id, day) DO UPDATE
         SET days_left = excluded.days_left, kcal = excluded.kcal, people = excluded.people,
             updated_at = now()`,
      [
        food.shelterId,
        this.ledger.today(),
        food.daysLeft === null ? null : Math.min(food.daysLeft, 99_999_999).toFixed(2),
        food.kcalInStock.toFixed(1),
        food.people,
      ],
    );
  }

  private async raise(
    manager: EntityManager,
    shelterId: string,
    condition: AlertCondition,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO supply_alert
         (id, shelter_id, kind, key, item_id, lot, expires_on, figure, threshold, seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, nextval('supply_alert_seq'))
       ON CONFLICT DO NOTHING`,
      [
        randomUUID(),
        shelterId,
        condition.kind,
        condition.key,
        condition.itemId,
        condition.lot,
        condition.expiresOn,
        numericOf(Math.round(condition.figure * 1000)),
        numericOf(Math.round(condition.threshold * 1000)),
      ],
    );
  }

  /**
   * The items alerts look at: those the shelter has stocked (its lock rows) and those it set a
   * mark for, with their lots; usable stock leaves out lots already expired.
   */
  private async stock(manager: EntityManager, shelterId: string): Promise<ItemStock[]> {
    const today = this.ledger.today();
    const rows = await manager.query<
      {
        item_id: string;
        category: SupplyCategory;
        lot: string | null;
        expires_on: string | null;
        quantity: string;
      }[]
    >(
      `WITH items AS (
         SELECT item_id FROM stock_lock WHERE shelter_id = $1
          UNION SELECT item_id FROM supply_threshold WHERE shelter_id = $1 AND item_id IS NOT NULL)
       SELECT it.item_id, i.category, m.lot, m.expires_on::text AS expires_on,
              coalesce(sum(m.quantity), 0) AS quantity
         FROM items it
         JOIN supply_item i ON i.id = it.item_id
         LEFT JOIN stock_movement m ON m.shelter_id = $1 AND m.item_id = it.item_id
        GROUP BY it.item_id, i.category, m.lot, m.expires_on`,
      [shelterId],
    );
    const items = new Map<string, ItemStock>();
    for (const row of rows) {
      const item = items.get(row.item_id) ?? {
        itemId: row.item_id,
        category: row.category,
        usableMilli: 0,
        lots: [],
      };
      items.set(row.item_id, item);
      const milli = milliOf(row.quantity);
      if (milli > 0) {
        item.lots.push({ lot: row.lot, expiresOn: row.expires_on, milli });
        if (row.expires_on === null || row.expires_on >= today) {
          item.usableMilli += milli;
        }
      }
    }
    return [...items.values()];
  }
}
