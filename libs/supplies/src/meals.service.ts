import { type Actor, IdempotencyService } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PeriodArgs, RecordMealInput } from './dto/stock.input.js';
import { SupplyAlerts } from './supply-alerts.service.js';
import { Ledger, type MovementRow, NO_REFERENCES } from './ledger.js';
import { MealServed } from './meal-served.entity.js';
import { addDays, period } from './period.js';
import { StockMovementKind } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import type { MealServedView } from './supplies.views.js';

/** How far back a meal may be recorded (a week's paper sheet typed in late). */
export const MEAL_BACKDATE_DAYS = 31;

/**
 * Meals served, per shelter, day (TIME_ZONE) and kind; with the food cooked for one, its COOKED
 * movements are written in the same transaction, naming the meal.
 */
@Injectable()
export class MealsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
    private readonly alerts: SupplyAlerts,
  ) {}

  async record(input: RecordMealInput, actor: Actor): Promise<MealServedView> {
    const today = this.ledger.today();
    const day = input.day ?? today;
    if (day > today || day < addDays(today, -MEAL_BACKDATE_DAYS)) {
      throw new SuppliesException(
        `A meal is recorded for today or up to ${MEAL_BACKDATE_DAYS} days back (TIME_ZONE).`,
        SuppliesExceptionCode.DATE_OUT_OF_RANGE,
        ['input.day'],
      );
    }
    const lines = input.cookedFrom ?? [];
    this.ledger.onceEach(lines, 'input.cookedFrom', 'meal');
    const { id } = await this.idempotency.run('recordMeal', input, async (manager, fields) => {
      const mealId = randomUUID();
      await manager.insert(MealServed, {
        id: mealId,
        shelterId: fields.shelterId,
        day,
        kind: fields.kind,
        people: fields.people,
        recordedBy: actor.userId,
      });
      const wanted = [];
      for (const [index, line] of lines.entries()) {
        const prefix = `input.cookedFrom.${index}.`;
        const item = await this.ledger.usableItem(
          manager,
          line.itemId,
          fields.shelterId,
          `${prefix}itemId`,
        );
        wanted.push({
          line,
          prefix,
          milli: this.ledger.milli(item, line.quantity, line.unit, prefix),
          lot: this.ledger.lotOf(line.lot, `${prefix}lot`),
        });
      }
      await this.ledger.lock(
        manager,
        wanted.map(({ line }) => ({ shelterId: fields.shelterId, itemId: line.itemId })),
      );
      const rows: MovementRow[] = [];
      const today = this.ledger.today();
      for (const { line, prefix, milli, lot } of wanted) {
        const key = { shelterId: fields.shelterId, itemId: line.itemId };
        const parts = await this.ledger.take(
          manager,
          key,
          milli,
          { lot, expiresOn: line.expiresOn, freshFrom: today },
          `${prefix}quantity`,
        );
        rows.push(
          ...parts.map((part) => ({
            ...NO_REFERENCES,
            ...key,
            kind: StockMovementKind.COOKED,
            milli: -part.milli,
            lot: part.lot,
            expiresOn: part.expiresOn,
            mealId,
          })),
        );
      }
      await this.ledger.write(manager, rows, actor.userId);
      return mealId;
    });
    if (lines.length > 0) {
      await this.alerts.afterAct(input.shelterId);
    }
    const [meal] = await this.meals('ms.id = $1', [id]);
    return meal;
  }

  /** The meals recorded at a shelter over a period of days, by day then kind. */
  async served(args: PeriodArgs): Promise<MealServedView[]> {
    const { from, to } = period(args, this.ledger.today());
    return this.meals(
      'ms.shelter_id = $1 AND ms.day BETWEEN $2 AND $3 ORDER BY ms.day, ms.kind, ms.at',
      [args.shelterId, from, to],
    );
  }

  private async meals(where: string, params: unknown[]): Promise<MealServedView[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        shelter_id: string;
        day: string;
        kind: MealServed['kind'];
        people: number;
        recorded_by: string;
        at: Date;
      }[]
    >(
      `SELECT ms.id, ms.shelter_id, ms.day::text AS day, ms.kind, ms.people, ms.recorded_by, ms.at
         FROM meal_served ms WHERE ${where}`,
      params,
    );
    const ids = rows.map((row) => row.id);
    const cooked = ids.length
      ? await this.ledger.movements('m.meal_id = ANY($1::uuid[]) ORDER BY m.at, m.id', [ids])
      : [];
    return rows.map((row) => ({
      id: row.id,
      shelterId: row.shelter_id,
      day: row.day,
      kind: row.kind,
      people: row.people,
      cookedFrom: cooked.filter((movement) => movement.mealId === row.id),
      recordedBy: row.recorded_by,
      at: row.at,
    }));
  }
}
