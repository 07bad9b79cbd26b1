import { type Actor, IdempotencyService, Role } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type {
  CountStockInput,
  ReceiveStockInput,
  ReverseStockMovementInput,
  StockMovementsArgs,
  UseStockInput,
} from './dto/stock.input.js';
import { Ledger, type MovementRow, NO_REFERENCES } from './ledger.js';
import { byExpiry } from './lots.js';
import { period } from './period.js';
import { fromMilli, milliOf, numericOf, toMilli } from './quantities.js';
import { StockMovement } from './stock-movement.entity.js';
import { StockMovementKind, StockUse, SupplySource } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import type { StockAct, StockLevel, StockMovementView } from './supplies.views.js';
import { SupplyAlerts } from './supply-alerts.service.js';
import { SupplyItemsService } from './supply-items.service.js';

/**
 * A shelter's pantry as a ledger: receipts, uses, stocktakes and reversals each write movement
 * rows under the item's lock (Ledger.lock), and stock is read as their sum. Every write is one
 * transaction through the IdempotencyService: a retried request acts once.
 */
@Injectable()
export class StockService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
    private readonly items: SupplyItemsService,
    private readonly alerts: SupplyAlerts,
  ) {}

  async receive(input: ReceiveStockInput, actor: Actor): Promise<StockAct> {
    if (input.source === SupplySource.PLEDGE) {
      throw new SuppliesException(
        'A pledge is received with receivePledge, which names it.',
        SuppliesExceptionCode.PLEDGE_RECEIVED_ELSEWHERE,
        ['input.source'],
      );
    }
    if ((input.source === SupplySource.ORGANISATION) !== Boolean(input.organisationId)) {
      throw new SuppliesException(
        input.organisationId
          ? 'organisationId goes with source ORGANISATION only.'
          : 'A delivery from an organisation names it (organisationId).',
        SuppliesExceptionCode.SOURCE_MISMATCH,
        ['input.organisationId'],
      );
    }
    const { id } = await this.idempotency.run('receiveStock', input, (manager, fields) =>
      this.writeReceipt(manager, fields, actor, {
        source: fields.source,
        organisationId: fields.organisationId ?? null,
        pledgeId: null,
      }),
    );
    return this.done(id);
  }

  /**
   * A receipt's row, in the caller's transaction: the item usable here and not retired, the
   * quantity in its unit, the lot a code, an expiry already past flagged; written under the
   * item's lock. Returns the act's id. (receiveStock; a pledge's receipt, SupplyPledges.)
   */
  async writeReceipt(
    manager: EntityManager,
    fields: Pick<
      ReceiveStockInput,
      'shelterId' | 'itemId' | 'quantity' | 'unit' | 'lot' | 'expiresOn'
    >,
    actor: Actor,
    from: Pick<MovementRow, 'source' | 'organisationId' | 'pledgeId'>,
  ): Promise<string> {
    const item = await this.ledger.usableItem(
      manager,
      fields.itemId,
      fields.shelterId,
      'input.itemId',
      { receipt: true },
    );
    const milli = this.ledger.milli(item, fields.quantity, fields.unit, 'input.');
    const lot = this.ledger.lotOf(fields.lot, 'input.lot');
    if (from.organisationId) {
      const [found] = await manager.query<unknown[]>('SELECT 1 FROM organisation WHERE id = $1', [
        from.organisationId,
      ]);
      if (!found) {
        throw new SuppliesException(
          'No organisation has this id.',
          SuppliesExceptionCode.ORGANISATION_NOT_FOUND,
          ['input.organisationId'],
        );
      }
    }
    const key = { shelterId: fields.shelterId, itemId: item.id };
    await this.ledger.lock(manager, [key]);
    const expiresOn = fields.expiresOn ?? null;
    return this.ledger.write(
      manager,
      [
        {
          ...NO_REFERENCES,
          ...key,
          ...from,
          kind: StockMovementKind.RECEIVED,
          milli,
          lot,
          expiresOn,
          expiredOnReceipt: expiresOn !== null && expiresOn < this.ledger.today(),
        },
      ],
      actor.userId,
    );
  }

  /** Handed out, cooked, wasted or expired: taken from the lot named, or first expiry first. */
  async use(input: UseStockInput, actor: Actor): Promise<StockAct> {
    const { id } = await this.idempotency.run('useStock', input, async (manager, fields) => {
      const item = await this.ledger.usableItem(
        manager,
        fields.itemId,
        fields.shelterId,
        'input.itemId',
      );
      const milli = this.ledger.milli(item, fields.quantity, fields.unit, 'input.');
      const lot = this.ledger.lotOf(fields.lot, 'input.lot');
      const key = { shelterId: fields.shelterId, itemId: item.id };
      await this.ledger.lock(manager, [key]);
      // Handed out or cooked: never from a lot already expired unless it is named. Wasted or
      // expired: first expiry first, so the expired lots go first.
      const fresh = fields.kind === StockUse.ISSUED || fields.kind === StockUse.COOKED;
      const parts = await this.ledger.take(
        manager,
        key,
        milli,
        {
          lot,
          expiresOn: fields.expiresOn,
          freshFrom: fresh ? this.ledger.today() : undefined,
        },
        'input.quantity',
      );
      return this.ledger.write(
        manager,
        parts.map((part) => ({
          ...NO_REFERENCES,
          ...key,
          kind: fields.kind as unknown as StockMovementKind,
          milli: -part.milli,
          lot: part.lot,
          expiresOn: part.expiresOn,
        })),
        actor.userId,
      );
    });
    return this.done(id);
  }

  /**
   * A stocktake: what is on the shelf against the ledger, the difference written as ADJUSTED
   * rows (a shortfall taken first expiry first; a surplus as stock without a lot). No difference
   * still writes one row of zero: the day it was counted is worth keeping.
   */
  async count(input: CountStockInput, actor: Actor): Promise<StockAct> {
    const { id } = await this.idempotency.run('countStock', input, async (manager, fields) => {
      const item = await this.ledger.usableItem(
        manager,
        fields.itemId,
        fields.shelterId,
        'input.itemId',
      );
      this.ledger.checkUnit(item, fields.unit, 'input.unit');
      const counted = fields.counted === 0 ? 0 : toMilli(fields.counted, item.unit);
      if (counted === null) {
        throw new SuppliesException(
          'A count is zero or more (at most 1,000,000), with up to 3 decimals for KG and L and whole for PIECE and PACK.',
          SuppliesExceptionCode.INVALID_QUANTITY,
          ['input.counted'],
        );
      }
      const key = { shelterId: fields.shelterId, itemId: item.id };
      await this.ledger.lock(manager, [key]);
      const lots = await this.ledger.lots(manager, key);
      const held = lots.reduce((sum, lot) => sum + lot.milli, 0);
      const common = {
        ...NO_REFERENCES,
        ...key,
        kind: StockMovementKind.ADJUSTED,
        counted: numericOf(counted),
        adjustmentReason: fields.reason,
      };
      let rows: MovementRow[];
      if (counted >= held) {
        rows = [{ ...common, milli: counted - held }];
      } else {
        const parts = await this.ledger.take(manager, key, held - counted, {}, 'input.counted');
        rows = parts.map((part) => ({
          ...common,
          milli: -part.milli,
          lot: part.lot,
          expiresOn: part.expiresOn,
        }));
      }
      return this.ledger.write(manager, rows, actor.userId);
    });
    return this.done(id);
  }

  /**
   * Undoes one movement with a REVERSAL row of the opposite quantity in the same lot, naming it.
   * Once only (a unique index backs the check); a reversal is not itself reversed; a transfer's
   * rows change only with the transfer; and stock may not go below zero for it either.
   */
  async reverse(input: ReverseStockMovementInput, actor: Actor): Promise<StockAct> {
    // A stocktake's adjustment is the coordinator's act (countStock): so is undoing it.
    const mayReverseAdjustment = (shelterId: string) =>
      actor.memberships.get(shelterId) === Role.COORDINATOR ||
      actor.networkRole === Role.NETWORK_COORDINATOR ||
      actor.networkRole === Role.ADMIN;
    const { id } = await this.idempotency.run(
      'reverseStockMovement',
      input,
      async (manager, fields) => {
        const target = await manager.findOneBy(StockMovement, { id: fields.movementId });
        if (!target) {
          throw new SuppliesException(
            'No movement has this id.',
            SuppliesExceptionCode.MOVEMENT_NOT_FOUND,
            ['input.movementId'],
          );
        }
        const refuse = (message: string, code: SuppliesExceptionCode): never => {
          throw new SuppliesException(message, code, ['input.movementId']);
        };
        if (target.kind === StockMovementKind.REVERSAL) {
          refuse(
            'A reversal is not reversed: record the movement again instead.',
            SuppliesExceptionCode.REVERSAL_NOT_REVERSIBLE,
          );
        }
        if (
          target.kind === StockMovementKind.TRANSFER_OUT ||
          target.kind === StockMovementKind.TRANSFER_IN
        ) {
          refuse(
            'A transfer’s movements change only with the transfer.',
            SuppliesExceptionCode.TRANSFER_MOVEMENT_NOT_REVERSIBLE,
          );
        }
        if (target.kind === StockMovementKind.ADJUSTED && !mayReverseAdjustment(target.shelterId)) {
          refuse(
            'A stocktake’s adjustment is reversed by a coordinator of the shelter only.',
            SuppliesExceptionCode.ADJUSTMENT_REVERSAL_FORBIDDEN,
          );
        }
        const milli = milliOf(target.quantity);
        if (milli === 0) {
          refuse(
            'This stocktake found no difference: there is nothing to reverse.',
            SuppliesExceptionCode.NOTHING_TO_REVERSE,
          );
        }
        const key = { shelterId: target.shelterId, itemId: target.itemId };
        await this.ledger.lock(manager, [key]);
        if (await manager.existsBy(StockMovement, { reversesId: target.id })) {
          refuse('This movement was already reversed.', SuppliesExceptionCode.ALREADY_REVERSED);
        }
        if (milli > 0) {
          // Taking back what came in: from that very lot (the exact lot and expiry, a missing
          // one included), which must still hold it, as must the item in all.
          await this.ledger.take(
            manager,
            key,
            milli,
            { lot: target.lot, expiresOn: target.expiresOn, exact: true },
            'input.movementId',
          );
        }
        try {
          return await this.ledger.write(
            manager,
            [
              {
                ...NO_REFERENCES,
                ...key,
                kind: StockMovementKind.REVERSAL,
                milli: -milli,
                lot: target.lot,
                expiresOn: target.expiresOn,
                reversesId: target.id,
                reversalReason: fields.reason,
              },
            ],
            actor.userId,
          );
        } catch (error) {
          if (error instanceof QueryFailedError && error.driverError?.code === '23505') {
            refuse('This movement was already reversed.', SuppliesExceptionCode.ALREADY_REVERSED);
          }
          throw error;
        }
      },
    );
    return this.done(id);
  }

  /** The act as written; its shelter's alerts looked at again (after the commit). */
  async done(actId: string): Promise<StockAct> {
    const act = await this.ledger.act(actId);
    await this.alerts.afterAct(...act.movements.map((movement) => movement.shelterId));
    return act;
  }

  /** Every item with stock (or a lot) at the shelter now: the sums of its movements. */
  async stockAt(shelterId: string): Promise<StockLevel[]> {
    const rows = await this.dataSource.query<
      { item_id: string; lot: string | null; expires_on: string | null; quantity: string }[]
    >(
      `SELECT item_id, lot, expires_on::text AS expires_on, sum(quantity) AS quantity
         FROM stock_movement WHERE shelter_id = $1
        GROUP BY item_id, lot, expires_on
       HAVING sum(quantity) <> 0`,
      [shelterId],
    );
    const byItem = new Map<
      string,
      { lot: string | null; expiresOn: string | null; milli: number }[]
    >();
    for (const row of rows) {
      const lots = byItem.get(row.item_id) ?? [];
      lots.push({ lot: row.lot, expiresOn: row.expires_on, milli: milliOf(row.quantity) });
      byItem.set(row.item_id, lots);
    }
    const items = await this.items.byIds([...byItem.keys()]);
    return items.map((item) => {
      const lots = byItem.get(item.id)!.sort(byExpiry);
      return {
        itemId: item.id,
        item,
        quantity: fromMilli(lots.reduce((sum, lot) => sum + lot.milli, 0)),
        unit: item.unit,
        nearestExpiry: lots.find((lot) => lot.expiresOn !== null)?.expiresOn ?? null,
        lots: lots.map((lot) => ({
          lot: lot.lot,
          expiresOn: lot.expiresOn,
          quantity: fromMilli(lot.milli),
        })),
      };
    });
  }

  /** The ledger's rows at a shelter over a period of days (TIME_ZONE), newest first. */
  async movements(args: StockMovementsArgs): Promise<StockMovementView[]> {
    const { from, to } = period(args, this.ledger.today());
    const timeZone = this.ledger.timeZone;
    const params: unknown[] = [args.shelterId, from, to, timeZone, args.first ?? 200];
    const item = args.itemId ? `AND m.item_id = $${params.push(args.itemId)}` : '';
    return this.ledger.movements(
      `m.shelter_id = $1
         AND m.at >= ($2::date)::timestamp AT TIME ZONE $4
         AND m.at < ($3::date + 1)::timestamp AT TIME ZONE $4
         ${item}
       ORDER BY m.at DESC, m.id LIMIT $5`,
      params,
    );
  }
}
