import { type Actor, IdempotencyService } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type {
  CloseNeedInput,
  NeedsArgs,
  NeedsProfileInput,
  NeedTermsFields,
  PublishNeedInput,
  UpdateNeedInput,
} from './dto/supply-needs.input.js';
import { Ledger } from './ledger.js';
import { addDays } from './period.js';
import { PublicNeeds } from './public-needs.js';
import { fromMilli, milliOf, numericOf } from './quantities.js';
import {
  type NeedClosure,
  type NeedPriority,
  SupplyAlertKind,
  type SupplyCategory,
  type SupplyUnit,
} from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode as Code } from './supplies.exception.js';
import { SupplyItem } from './supply-item.entity.js';
import { SupplyNeed } from './supply-need.entity.js';
import { SupplyNeedsProfile } from './supply-needs-profile.entity.js';
import type { NeedSuggestionView, NeedsProfileView, SupplyNeedView } from './supply-needs.views.js';

/** The furthest ahead a need may run: a year (then it is published again, or it lapses). */
export const NEED_MAX_DAYS = 366;
/** How far back `history` reads closed and lapsed needs. */
const HISTORY_DAYS = 30;

interface NeedRow {
  id: string;
  shelter_id: string;
  item_id: string | null;
  category: SupplyCategory;
  quantity: string | null;
  unit: SupplyUnit | null;
  priority: NeedPriority;
  until: string | null;
  closed_at: Date | null;
  closure: NeedClosure | null;
  created_at: Date;
  updated_at: Date;
  public: boolean;
}

const NEED_SELECT = `
  SELECT n.id, n.shelter_id, n.item_id, coalesce(i.category, n.category) AS category, n.quantity,
         i.unit, n.priority, n.until::text AS until, n.closed_at, n.closure, n.created_at,
         n.updated_at, (n.closed_at IS NULL AND (n.until IS NULL OR n.until >= $1::date)) AS public
    FROM supply_need n
    LEFT JOIN supply_item i ON i.id = n.item_id`;

function view(row: NeedRow): SupplyNeedView {
  return {
    id: row.id,
    shelterId: row.shelter_id,
    itemId: row.item_id,
    category: row.category,
    quantity: row.quantity === null ? null : Number(row.quantity),
    unit: row.unit,
    priority: row.priority,
    until: row.until,
    public: row.public,
    closedAt: row.closed_at,
    closure: row.closure,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const refuse = (message: string, code: Code, fields: string[]): never => {
  throw new SuppliesException(message, code, fields);
};

/**
 * Needs lists (issue 21, item 7): a shelter's coordinators publish what they ask donors for,
 * change it and close it (met, or withdrawn); the shelter's own figures suggest some (items below
 * their low mark; with too few days of food, the food it used most lately). What is public of it
 * is PublicNeeds'.
 */
@Injectable()
export class SupplyNeeds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
    private readonly publicNeeds: PublicNeeds,
  ) {}

  async publish(input: PublishNeedInput, actor: Actor): Promise<SupplyNeedView> {
    const itemId = input.itemId ?? null;
    const category = input.category ?? null;
    if ((itemId === null) === (category === null)) {
      refuse('A need is for one item or for one category: name exactly one.', Code.NEED_INVALID, [
        'input.itemId',
        'input.category',
      ]);
    }
    const { id } = await this.idempotency.run('publishNeed', input, async (manager, fields) => {
      await this.ledger.checkShelter(manager, fields.shelterId, 'input.shelterId');
      const item = itemId
        ? await this.ledger.usableItem(manager, itemId, fields.shelterId, 'input.itemId', {
            receipt: true,
          })
        : null;
      const terms = this.terms(item, fields);
      const need = manager.create(SupplyNeed, {
        id: randomUUID(),
        shelterId: fields.shelterId,
        itemId,
        category: item ? null : category,
        quantity: terms.quantity ?? null,
        priority: fields.priority,
        until: terms.until ?? null,
        closedAt: null,
        closure: null,
        createdBy: actor.userId,
      });
      try {
        await manager.insert(SupplyNeed, need);
      } catch (error) {
        if (error instanceof QueryFailedError && error.driverError?.code === '23505') {
          refuse(
            'This shelter already asks for this: change that need (updateNeed) instead.',
            Code.NEED_EXISTS,
            [item ? 'input.itemId' : 'input.category'],
          );
        }
        throw error;
      }
      return need.id;
    });
    this.publicNeeds.forget();
    return this.one(id);
  }

  async update(input: UpdateNeedInput): Promise<SupplyNeedView> {
    await this.dataSource.transaction(async (manager) => {
      const need = await this.open(manager, input.needId);
      const item = need.itemId
        ? await manager.findOneByOrFail(SupplyItem, { id: need.itemId })
        : null;
      const terms = this.terms(item, input);
      await manager.update(
        SupplyNeed,
        { id: need.id },
        {
          ...(terms.quantity !== undefined ? { quantity: terms.quantity } : {}),
          ...(terms.until !== undefined ? { until: terms.until } : {}),
          ...(input.priority ? { priority: input.priority } : {}),
        },
      );
    });
    this.publicNeeds.forget();
    return this.one(input.needId);
  }

  async close(input: CloseNeedInput): Promise<SupplyNeedView> {
    await this.dataSource.transaction(async (manager) => {
      const need = await this.open(manager, input.needId);
      await manager.update(
        SupplyNeed,
        { id: need.id },
        { closedAt: new Date(), closure: input.closure },
      );
    });
    this.publicNeeds.forget();
    return this.one(input.needId);
  }

  /** A shelter's open needs (also those past their day: still the coordinator's to close), or with history. */
  async list(args: NeedsArgs): Promise<SupplyNeedView[]> {
    const rows = await this.dataSource.query<NeedRow[]>(
      `${NEED_SELECT}
        WHERE n.shelter_id = $2
          AND (n.closed_at IS NULL OR ($3 AND n.closed_at > now() - make_interval(days => $4)))
        ORDER BY n.closed_at IS NOT NULL, n.priority, n.created_at DESC
        LIMIT 500`,
      [this.ledger.today(), args.shelterId, args.history, HISTORY_DAYS],
    );
    return rows.map(view);
  }

  /**
   * What the shelter's figures suggest asking for, leaving out what it already asks for: each item
   * below its low mark (open LOW_STOCK alert), up to the mark; and with too few days of food (open
   * FOOD_DAYS_LOW), the three food items it handed out or cooked most (kcal, then quantity) lately.
   */
  async suggestions(shelterId: string): Promise<NeedSuggestionView[]> {
    const today = this.ledger.today();
    const low = await this.dataSource.query<
      { item_id: string; unit: SupplyUnit; threshold: string; usable: string }[]
    >(
      `SELECT a.item_id, i.unit, a.threshold,
              (SELECT coalesce(sum(m.quantity), 0) FROM stock_movement m
                WHERE m.shelter_id = a.shelter_id AND m.item_id = a.item_id
                  AND (m.expires_on IS NULL OR m.expires_on >= $2::date)) AS usable
         FROM supply_alert a
         JOIN supply_item i ON i.id = a.item_id
        WHERE a.shelter_id = $1 AND a.cleared_at IS NULL AND a.kind = 'low_stock'
          AND NOT EXISTS (SELECT 1 FROM supply_need n WHERE n.shelter_id = $1
                             AND n.item_id = a.item_id AND n.closed_at IS NULL)
        ORDER BY a.raised_at`,
      [shelterId, today],
    );
    const suggestions: NeedSuggestionView[] = low.map((row) => ({
      itemId: row.item_id,
      reason: SupplyAlertKind.LOW_STOCK,
      quantity: fromMilli(Math.max(0, milliOf(row.threshold) - milliOf(row.usable))),
      unit: row.unit,
    }));
    const eaten = await this.dataSource.query<{ item_id: string; unit: SupplyUnit }[]>(
      `SELECT m.item_id, i.unit
         FROM stock_movement m
         JOIN supply_item i ON i.id = m.item_id AND i.category = 'food'
         LEFT JOIN stock_movement undone ON undone.id = m.reverses_id
        WHERE m.shelter_id = $1
          AND (m.kind IN ('issued', 'cooked')
               OR (m.kind = 'reversal' AND undone.kind IN ('issued', 'cooked')))
          AND coalesce(undone.at, m.at) > now() - interval '7 days'
          AND EXISTS (SELECT 1 FROM supply_alert a WHERE a.shelter_id = $1
                         AND a.kind = 'food_days_low' AND a.cleared_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM supply_need n WHERE n.shelter_id = $1
                             AND n.item_id = m.item_id AND n.closed_at IS NULL)
        GROUP BY m.item_id, i.unit
       HAVING sum(m.quantity) < 0
        ORDER BY sum(-m.quantity * coalesce(i.kcal_per_unit, 0)) DESC, sum(-m.quantity) DESC,
                 m.item_id
        LIMIT 3`,
      [shelterId],
    );
    const listed = new Set(suggestions.map((each) => each.itemId));
    for (const row of eaten.filter((each) => !listed.has(each.item_id))) {
      suggestions.push({
        itemId: row.item_id,
        reason: SupplyAlertKind.FOOD_DAYS_LOW,
        quantity: null,
        unit: row.unit,
      });
    }
    return suggestions;
  }

  async profile(shelterId: string): Promise<NeedsProfileView> {
    const found = await this.dataSource.manager.findOneBy(SupplyNeedsProfile, { shelterId });
    return { shelterId, nameShown: found?.nameShown ?? false };
  }

  async setProfile(input: NeedsProfileInput, actor: Actor): Promise<NeedsProfileView> {
    await this.dataSource.transaction(async (manager) => {
      await this.ledger.checkShelter(manager, input.shelterId, 'input.shelterId');
      await manager.upsert(
        SupplyNeedsProfile,
        { shelterId: input.shelterId, nameShown: input.nameShown, updatedBy: actor.userId },
        ['shelterId'],
      );
    });
    this.publicNeeds.forget();
    return this.profile(input.shelterId);
  }

  private async one(id: string): Promise<SupplyNeedView> {
    const [row] = await this.dataSource.query<NeedRow[]>(`${NEED_SELECT} WHERE n.id = $2`, [
      this.ledger.today(),
      id,
    ]);
    return view(row);
  }

  /** An open need, locked for the change; a closed one is a conflict. */
  private async open(manager: EntityManager, needId: string): Promise<SupplyNeed> {
    const need = await manager.findOne(SupplyNeed, {
      where: { id: needId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!need) {
      return refuse('No need has this id.', Code.NEED_NOT_FOUND, ['input.needId']);
    }
    if (need.closedAt) {
      return refuse(
        'This need is closed: publish it again if it is needed again.',
        Code.NEED_CLOSED,
        ['input.needId'],
      );
    }
    return need;
  }

  /**
   * A need's quantity (items only, in the item's unit, the unit named with it) and its last day
   * (today to a year ahead, TIME_ZONE). Undefined: not given (an update leaves it).
   */
  private terms(
    item: SupplyItem | null,
    input: NeedTermsFields,
  ): { quantity?: string | null; until?: string | null } {
    const terms: { quantity?: string | null; until?: string | null } = {};
    if (input.unit != null && input.quantity == null) {
      refuse('A unit goes with a quantity.', Code.NEED_INVALID, ['input.quantity']);
    }
    if (input.quantity != null) {
      if (!item) {
        refuse('A category has no quantity: ask for an item to say how much.', Code.NEED_INVALID, [
          'input.quantity',
        ]);
      }
      terms.quantity = numericOf(this.ledger.milli(item!, input.quantity, input.unit!, 'input.'));
    } else if (input.quantity === null) {
      terms.quantity = null;
    }
    if (input.until != null) {
      const today = this.ledger.today();
      if (input.until < today || input.until > addDays(today, NEED_MAX_DAYS)) {
        refuse(
          `A need runs until today or a day up to ${NEED_MAX_DAYS} days ahead (TIME_ZONE).`,
          Code.DATE_OUT_OF_RANGE,
          ['input.until'],
        );
      }
      terms.until = input.until;
    } else if (input.until === null) {
      terms.until = null;
    }
    return terms;
  }
}
