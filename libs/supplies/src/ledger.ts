import { Shelter } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { allocate, type LotBalance, type LotChoice } from './lots.js';
import { fromMilli, milliOf, numericOf, toMilli } from './quantities.js';
import { StockMovement } from './stock-movement.entity.js';
import { StockWarning, type SupplyUnit } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import { SUPPLIES_OPTIONS, type SuppliesOptions } from './supplies.options.js';
import type { StockAct, StockMovementView } from './supplies.views.js';
import { SupplyItem } from './supply-item.entity.js';

/** What a lot number may be (also the database's stock_movement_lot_check). */
export const LOT_CODE = /^[A-Za-z0-9./-]{1,40}$/;

/** A shelter's stock of one item: what a change locks (StockLock). */
export interface StockKey {
  shelterId: string;
  itemId: string;
}

/** A movement row before it is written (id, act, who and when are the ledger's to add). */
export type MovementRow = Omit<
  StockMovement,
  'id' | 'actId' | 'recordedBy' | 'at' | 'quantity' | 'expiredOnReceipt'
> & { milli: number; expiredOnReceipt?: boolean };

/** The empty optional columns of a movement, to spread under the ones a kind sets. */
export const NO_REFERENCES = {
  lot: null,
  expiresOn: null,
  source: null,
  organisationId: null,
  pledgeId: null,
  transferId: null,
  mealId: null,
  counted: null,
  adjustmentReason: null,
  reversesId: null,
  reversalReason: null,
} as const;

interface MovementRecord {
  id: string;
  act_id: string;
  shelter_id: string;
  item_id: string;
  kind: StockMovement['kind'];
  quantity: string;
  unit: SupplyUnit;
  lot: string | null;
  expires_on: string | null;
  expired_on_receipt: boolean;
  source: StockMovement['source'];
  organisation_id: string | null;
  pledge_id: string | null;
  transfer_id: string | null;
  meal_id: string | null;
  counted: string | null;
  adjustment_reason: StockMovement['adjustmentReason'];
  reverses_id: string | null;
  reversal_reason: StockMovement['reversalReason'];
  reversed_by_id: string | null;
  recorded_by: string;
  at: Date;
}

/** The movement columns every read selects, with the item's unit and the reversal that undid it. */
export const MOVEMENT_SELECT = `
  SELECT m.id, m.act_id, m.shelter_id, m.item_id, m.kind, m.quantity, i.unit, m.lot,
         m.expires_on::text AS expires_on, m.expired_on_receipt, m.source, m.organisation_id,
         m.pledge_id, m.transfer_id, m.meal_id, m.counted, m.adjustment_reason, m.reverses_id,
         m.reversal_reason, r.id AS reversed_by_id, m.recorded_by, m.at
    FROM stock_movement m
    JOIN supply_item i ON i.id = m.item_id
    LEFT JOIN stock_movement r ON r.reverses_id = m.id`;

export function movementView(row: MovementRecord): StockMovementView {
  return {
    id: row.id,
    actId: row.act_id,
    shelterId: row.shelter_id,
    itemId: row.item_id,
    kind: row.kind,
    quantity: fromMilli(milliOf(row.quantity)),
    unit: row.unit,
    lot: row.lot,
    expiresOn: row.expires_on,
    expiredOnReceipt: row.expired_on_receipt,
    source: row.source,
    organisationId: row.organisation_id,
    pledgeId: row.pledge_id,
    transferId: row.transfer_id,
    mealId: row.meal_id,
    counted: row.counted === null ? null : fromMilli(milliOf(row.counted)),
    adjustmentReason: row.adjustment_reason,
    reversesId: row.reverses_id,
    reversalReason: row.reversal_reason,
    reversedById: row.reversed_by_id,
    recordedBy: row.recorded_by,
    at: row.at,
  };
}

/**
 * The ledger's own rules, shared by every writer (stock, meals, transfers): which items a shelter
 * may move, how a quantity is read, the lock, the lots, and the one way rows are written.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SUPPLIES_OPTIONS) private readonly options: SuppliesOptions,
  ) {}

  get timeZone(): string {
    return this.options.timeZone;
  }

  /** Today in TIME_ZONE, YYYY-MM-DD. */
  today(now = new Date()): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.options.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
  }

  async checkShelter(manager: EntityManager, shelterId: string, field: string): Promise<void> {
    if (!(await manager.existsBy(Shelter, { id: shelterId }))) {
      throw new SuppliesException(
        'No shelter has this id.',
        SuppliesExceptionCode.SHELTER_NOT_FOUND,
        [field],
      );
    }
  }

  /**
   * An item the shelter may move: a network item or its own. A retired item takes no new
   * receipts (`receipt`), but what is left of it may still be used, counted and sent.
   */
  async usableItem(
    manager: EntityManager,
    itemId: string,
    shelterId: string,
    field: string,
    { receipt = false }: { receipt?: boolean } = {},
  ): Promise<SupplyItem> {
    const item = await manager.findOneBy(SupplyItem, { id: itemId });
    if (!item) {
      throw new SuppliesException(
        'No supply item has this id.',
        SuppliesExceptionCode.ITEM_NOT_FOUND,
        [field],
      );
    }
    const elsewhere = item.shelterId !== null && item.shelterId !== shelterId;
    if (elsewhere || (receipt && !item.active)) {
      throw new SuppliesException(
        elsewhere
          ? 'This item is another shelter’s own: use a network item or one of this shelter’s.'
          : 'This item was retired from the catalogue: no new stock of it comes in (what is left may still go out).',
        SuppliesExceptionCode.ITEM_NOT_USABLE_HERE,
        [field],
      );
    }
    return item;
  }

  /** Each item once in an act's lines (`field`: `input.lines`), else DUPLICATE_LINE naming the second. */
  onceEach(lines: readonly { itemId: string }[], field: string, act: string): void {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.itemId)) {
        throw new SuppliesException(
          `Each item once per ${act}.`,
          SuppliesExceptionCode.DUPLICATE_LINE,
          [`${field}.${index}.itemId`],
        );
      }
      seen.add(line.itemId);
    });
  }

  /** The unit a client names must be the item's (a check against a wrong slip or a wrong tap). */
  checkUnit(item: SupplyItem, unit: SupplyUnit, field: string): void {
    if (unit !== item.unit) {
      throw new SuppliesException(
        `This item is counted in ${item.unit.toUpperCase()}: the unit must be the item's.`,
        SuppliesExceptionCode.UNIT_MISMATCH,
        [field],
        { unit: item.unit.toUpperCase() },
      );
    }
  }

  /**
   * A lot number as a client gives it: trimmed, then a code of 1 to 40 letters, digits, dots,
   * slashes or hyphens (the table is append-only: nothing else is ever written there). Null stays
   * null.
   */
  lotOf(lot: string | null | undefined, field: string): string | null {
    if (lot == null) {
      return null;
    }
    const trimmed = lot.trim();
    if (!LOT_CODE.test(trimmed)) {
      throw new SuppliesException(
        'A lot is a code of 1 to 40 letters, digits, dots, slashes or hyphens, as printed on the package.',
        SuppliesExceptionCode.INVALID_LOT,
        [field],
      );
    }
    return trimmed;
  }

  /** A client's quantity of an item, in thousandths: its unit must be the item's. */
  milli(item: SupplyItem, quantity: number, unit: SupplyUnit, prefix: string): number {
    this.checkUnit(item, unit, `${prefix}unit`);
    const milli = toMilli(quantity, item.unit);
    if (milli === null) {
      throw new SuppliesException(
        'A quantity is more than zero (at most 1,000,000), with up to 3 decimals for KG and L and whole for PIECE and PACK.',
        SuppliesExceptionCode.INVALID_QUANTITY,
        [`${prefix}quantity`],
      );
    }
    return milli;
  }

  /**
   * Locks the stock of each key (its StockLock row, made on first use), in one order everywhere
   * (shelter, then item), so that two acts touching the same items queue and never deadlock.
   */
  async lock(manager: EntityManager, keys: StockKey[]): Promise<void> {
    const unique = [...new Map(keys.map((k) => [`${k.shelterId}:${k.itemId}`, k])).values()].sort(
      (a, b) => a.shelterId.localeCompare(b.shelterId) || a.itemId.localeCompare(b.itemId),
    );
    for (const key of unique) {
      await manager.query(
        `INSERT INTO stock_lock (shelter_id, item_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [key.shelterId, key.itemId],
      );
      await manager.query(
        `SELECT 1 FROM stock_lock WHERE shelter_id = $1 AND item_id = $2 FOR UPDATE`,
        [key.shelterId, key.itemId],
      );
    }
  }

  /** What each lot of an item holds at a shelter (call under its lock to act on it). */
  async lots(manager: EntityManager, key: StockKey): Promise<LotBalance[]> {
    const rows = await manager.query<
      { lot: string | null; expires_on: string | null; quantity: string }[]
    >(
      `SELECT lot, expires_on::text AS expires_on, sum(quantity) AS quantity
         FROM stock_movement WHERE shelter_id = $1 AND item_id = $2
        GROUP BY lot, expires_on`,
      [key.shelterId, key.itemId],
    );
    return rows.map((row) => ({
      lot: row.lot,
      expiresOn: row.expires_on,
      milli: milliOf(row.quantity),
    }));
  }

  /** The lots `milli` comes out of, or INSUFFICIENT_STOCK naming the quantity's field. */
  async take(
    manager: EntityManager,
    key: StockKey,
    milli: number,
    choice: LotChoice,
    field: string,
  ): Promise<LotBalance[]> {
    const allocation = allocate(await this.lots(manager, key), milli, choice);
    if (!allocation.ok) {
      const named = choice.exact === true || choice.lot != null || choice.expiresOn != null;
      throw new SuppliesException(
        named
          ? 'More than the lot named holds: nothing was recorded.'
          : 'More than the shelter holds of this item: nothing was recorded.',
        SuppliesExceptionCode.INSUFFICIENT_STOCK,
        [field],
        { available: fromMilli(allocation.available) },
      );
    }
    return allocation.parts;
  }

  /** Writes an act's rows (all in the caller's transaction); returns the act's id. */
  async write(
    manager: EntityManager,
    rows: MovementRow[],
    recordedBy: string,
    actId = randomUUID(),
  ): Promise<string> {
    if (rows.length > 0) {
      await manager.insert(
        StockMovement,
        rows.map(({ milli, expiredOnReceipt, ...row }) => ({
          ...row,
          id: randomUUID(),
          actId,
          quantity: numericOf(milli),
          expiredOnReceipt: expiredOnReceipt ?? false,
          recordedBy,
        })),
      );
    }
    return actId;
  }

  async movements(where: string, params: unknown[], manager?: EntityManager) {
    const rows = await (manager ?? this.dataSource.manager).query<MovementRecord[]>(
      `${MOVEMENT_SELECT} WHERE ${where}`,
      params,
    );
    return rows.map(movementView);
  }

  async act(actId: string): Promise<StockAct> {
    const movements = await this.movements('m.act_id = $1 ORDER BY m.expires_on NULLS LAST, m.id', [
      actId,
    ]);
    return {
      id: actId,
      movements,
      warnings: movements.some((m) => m.expiredOnReceipt) ? [StockWarning.EXPIRED_ON_RECEIPT] : [],
    };
  }
}
