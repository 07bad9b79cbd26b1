import { type Actor, IdempotencyService } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import type {
  CancelTransferInput,
  ReceiveTransferInput,
  SendStockInput,
  StockTransfersArgs,
} from './dto/stock.input.js';
import { SupplyAlerts } from './supply-alerts.service.js';
import { Ledger, type MovementRow, NO_REFERENCES } from './ledger.js';
import { receivedLots } from './lots.js';
import { fromMilli, milliOf, numericOf, toMilli } from './quantities.js';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity.js';
import { StockMovementKind, StockTransferState, StockWarning } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import type { StockTransferView } from './supplies.views.js';
import { SupplyItem } from './supply-item.entity.js';

/**
 * Stock moved between shelters as one act. Sending takes every line out of the sender's stock
 * in one transaction (all lines or none) and leaves the transfer IN_TRANSIT; receiving puts what
 * arrived into the receiver's stock, in the lots it was sent from, and keeps what did not arrive
 * as the line's difference. Only network items travel.
 */
@Injectable()
export class StockTransfersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: Ledger,
    private readonly alerts: SupplyAlerts,
  ) {}

  async send(input: SendStockInput, actor: Actor): Promise<StockTransferView> {
    if (input.fromShelterId === input.toShelterId) {
      throw new SuppliesException(
        'A transfer goes to another shelter.',
        SuppliesExceptionCode.SAME_SHELTER,
        ['input.toShelterId'],
      );
    }
    this.ledger.onceEach(input.lines, 'input.lines', 'transfer');
    const { id } = await this.idempotency.run('sendStock', input, async (manager, fields) => {
      await this.ledger.checkShelter(manager, fields.fromShelterId, 'input.fromShelterId');
      await this.ledger.checkShelter(manager, fields.toShelterId, 'input.toShelterId');
      const wanted = [];
      for (const [index, line] of fields.lines.entries()) {
        const prefix = `input.lines.${index}.`;
        const item = await this.ledger.usableItem(
          manager,
          line.itemId,
          fields.fromShelterId,
          `${prefix}itemId`,
        );
        if (item.shelterId !== null) {
          throw new SuppliesException(
            'A shelter’s own item cannot travel: the receiver does not know it. Use a network item.',
            SuppliesExceptionCode.LOCAL_ITEM_NOT_TRANSFERABLE,
            [`${prefix}itemId`],
          );
        }
        wanted.push({
          line,
          prefix,
          milli: this.ledger.milli(item, line.quantity, line.unit, prefix),
          lot: this.ledger.lotOf(line.lot, `${prefix}lot`),
        });
      }
      await this.ledger.lock(
        manager,
        wanted.map(({ line }) => ({ shelterId: fields.fromShelterId, itemId: line.itemId })),
      );
      const transferId = randomUUID();
      await manager.insert(StockTransfer, {
        id: transferId,
        fromShelterId: fields.fromShelterId,
        toShelterId: fields.toShelterId,
        state: StockTransferState.IN_TRANSIT,
        sentBy: actor.userId,
      });
      const rows: MovementRow[] = [];
      const today = this.ledger.today();
      for (const { line, prefix, milli, lot } of wanted) {
        const key = { shelterId: fields.fromShelterId, itemId: line.itemId };
        const parts = await this.ledger.take(
          manager,
          key,
          milli,
          { lot, expiresOn: line.expiresOn, freshFrom: today },
          `${prefix}quantity`,
        );
        await manager.insert(StockTransferLine, {
          transferId,
          itemId: line.itemId,
          quantitySent: numericOf(milli),
          sentLots: parts,
          quantityReceived: null,
          differenceReason: null,
        });
        rows.push(
          ...parts.map((part) => ({
            ...NO_REFERENCES,
            ...key,
            kind: StockMovementKind.TRANSFER_OUT,
            milli: -part.milli,
            lot: part.lot,
            expiresOn: part.expiresOn,
            transferId,
          })),
        );
      }
      await this.ledger.write(manager, rows, actor.userId);
      return transferId;
    });
    return this.done(id);
  }

  async receive(input: ReceiveTransferInput, actor: Actor): Promise<StockTransferView> {
    const { id } = await this.idempotency.run('receiveTransfer', input, async (manager, fields) => {
      const transfer = await this.inTransit(manager, fields.transferId);
      const lines = await manager.findBy(StockTransferLine, { transferId: transfer.id });
      const sentItems = new Set(lines.map((line) => line.itemId));
      const given = new Set(fields.lines.map((line) => line.itemId));
      if (
        given.size !== fields.lines.length ||
        given.size !== sentItems.size ||
        [...given].some((item) => !sentItems.has(item))
      ) {
        throw new SuppliesException(
          'Say what arrived of every line sent, each once (0 for a line that did not arrive).',
          SuppliesExceptionCode.LINES_MISMATCH,
          ['input.lines'],
          { itemIds: [...sentItems] },
        );
      }
      const items = new Map(
        (await manager.findBy(SupplyItem, { id: In([...sentItems]) })).map((item) => [
          item.id,
          item,
        ]),
      );
      await this.ledger.lock(
        manager,
        lines.map((line) => ({ shelterId: transfer.toShelterId, itemId: line.itemId })),
      );
      const rows: MovementRow[] = [];
      const today = this.ledger.today();
      for (const [index, received] of fields.lines.entries()) {
        const field = `input.lines.${index}.quantityReceived`;
        const line = lines.find((l) => l.itemId === received.itemId)!;
        const sent = milliOf(line.quantitySent);
        const milli =
          received.quantityReceived === 0
            ? 0
            : toMilli(received.quantityReceived, items.get(line.itemId)!.unit);
        if (milli === null) {
          throw new SuppliesException(
            'What arrived is zero or more, with up to 3 decimals for KG and L and whole for PIECE and PACK.',
            SuppliesExceptionCode.INVALID_QUANTITY,
            [field],
          );
        }
        if (milli > sent) {
          throw new SuppliesException(
            'More than was sent: record the surplus as a receipt of its own.',
            SuppliesExceptionCode.RECEIVED_MORE_THAN_SENT,
            [field],
            { sent: fromMilli(sent) },
          );
        }
        if (milli < sent && !received.differenceReason) {
          throw new SuppliesException(
            'Less arrived than was sent: say why (differenceReason).',
            SuppliesExceptionCode.DIFFERENCE_REASON_REQUIRED,
            [`input.lines.${index}.differenceReason`],
            { sent: fromMilli(sent) },
          );
        }
        await manager.update(
          StockTransferLine,
          { transferId: transfer.id, itemId: line.itemId },
          {
            quantityReceived: numericOf(milli),
            differenceReason: milli < sent ? received.differenceReason! : null,
          },
        );
        rows.push(
          ...receivedLots(line.sentLots, milli).map((part) => ({
            ...NO_REFERENCES,
            shelterId: transfer.toShelterId,
            itemId: line.itemId,
            kind: StockMovementKind.TRANSFER_IN,
            milli: part.milli,
            lot: part.lot,
            expiresOn: part.expiresOn,
            // Already expired when it arrived: flagged like a receipt.
            expiredOnReceipt: part.expiresOn !== null && part.expiresOn < today,
            transferId: transfer.id,
          })),
        );
      }
      await this.ledger.write(manager, rows, actor.userId);
      await manager.update(
        StockTransfer,
        { id: transfer.id },
        { state: StockTransferState.RECEIVED, receivedBy: actor.userId, receivedAt: new Date() },
      );
      return transfer.id;
    });
    return this.done(id);
  }

  /**
   * Calls back a transfer still in transit (the sender's coordinator or a network coordinator):
   * every line goes back into the sender's stock, in the lots it left (TRANSFER_IN rows at the
   * sender), and the transfer is CANCELLED; one transaction, under the same locks as sending.
   */
  async cancel(input: CancelTransferInput, actor: Actor): Promise<StockTransferView> {
    const { id } = await this.idempotency.run('cancelTransfer', input, async (manager, fields) => {
      const transfer = await this.inTransit(manager, fields.transferId);
      const lines = await manager.findBy(StockTransferLine, { transferId: transfer.id });
      await this.ledger.lock(
        manager,
        lines.map((line) => ({ shelterId: transfer.fromShelterId, itemId: line.itemId })),
      );
      const rows: MovementRow[] = lines.flatMap((line) =>
        line.sentLots.map((part) => ({
          ...NO_REFERENCES,
          shelterId: transfer.fromShelterId,
          itemId: line.itemId,
          kind: StockMovementKind.TRANSFER_IN,
          milli: part.milli,
          lot: part.lot,
          expiresOn: part.expiresOn,
          transferId: transfer.id,
        })),
      );
      await this.ledger.write(manager, rows, actor.userId);
      await manager.update(
        StockTransfer,
        { id: transfer.id },
        { state: StockTransferState.CANCELLED },
      );
      return transfer.id;
    });
    return this.done(id);
  }

  /** A transfer still in transit, locked for its receipt or its recall. */
  private async inTransit(manager: EntityManager, transferId: string): Promise<StockTransfer> {
    const transfer = await manager.findOne(StockTransfer, {
      where: { id: transferId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!transfer) {
      throw new SuppliesException(
        'No transfer has this id.',
        SuppliesExceptionCode.TRANSFER_NOT_FOUND,
        ['input.transferId'],
      );
    }
    if (transfer.state !== StockTransferState.IN_TRANSIT) {
      throw new SuppliesException(
        'This transfer is no longer in transit (received or cancelled).',
        SuppliesExceptionCode.TRANSFER_NOT_IN_TRANSIT,
        ['input.transferId'],
      );
    }
    return transfer;
  }

  /** The transfer as it stands; both shelters' alerts looked at again (after the commit). */
  private async done(transferId: string): Promise<StockTransferView> {
    const transfer = await this.get(transferId);
    await this.alerts.afterAct(transfer.fromShelterId, transfer.toShelterId);
    return transfer;
  }

  /** Transfers sent from or to a shelter, newest first. */
  async of(args: StockTransfersArgs): Promise<StockTransferView[]> {
    const transfers = await this.dataSource.getRepository(StockTransfer).find({
      where: [{ fromShelterId: args.shelterId }, { toShelterId: args.shelterId }],
      order: { sentAt: 'DESC', id: 'ASC' },
      take: args.first ?? 100,
    });
    return this.views(this.dataSource.manager, transfers);
  }

  async get(id: string): Promise<StockTransferView> {
    const transfer = await this.dataSource.getRepository(StockTransfer).findOneByOrFail({ id });
    const [view] = await this.views(this.dataSource.manager, [transfer]);
    return view;
  }

  private async views(
    manager: EntityManager,
    transfers: StockTransfer[],
  ): Promise<StockTransferView[]> {
    if (transfers.length === 0) {
      return [];
    }
    const lines = await manager.find(StockTransferLine, {
      where: { transferId: In(transfers.map((t) => t.id)) },
      order: { itemId: 'ASC' },
    });
    const units = new Map(
      (await manager.findBy(SupplyItem, { id: In([...new Set(lines.map((l) => l.itemId))]) })).map(
        (item) => [item.id, item.unit],
      ),
    );
    const expired = new Set(
      (
        await manager.query<{ transfer_id: string }[]>(
          `SELECT DISTINCT transfer_id FROM stock_movement
            WHERE transfer_id = ANY($1::uuid[]) AND kind = 'transfer_in' AND expired_on_receipt`,
          [transfers.map((t) => t.id)],
        )
      ).map((row) => row.transfer_id),
    );
    return transfers.map((transfer) => ({
      warnings: expired.has(transfer.id) ? [StockWarning.EXPIRED_ON_RECEIPT] : [],
      id: transfer.id,
      fromShelterId: transfer.fromShelterId,
      toShelterId: transfer.toShelterId,
      state: transfer.state,
      sentBy: transfer.sentBy,
      sentAt: transfer.sentAt,
      receivedBy: transfer.receivedBy,
      receivedAt: transfer.receivedAt,
      lines: lines
        .filter((line) => line.transferId === transfer.id)
        .map((line) => {
          const sent = milliOf(line.quantitySent);
          const received = line.quantityReceived === null ? null : milliOf(line.quantityReceived);
          return {
            itemId: line.itemId,
            unit: units.get(line.itemId)!,
            quantitySent: fromMilli(sent),
            quantityReceived: received === null ? null : fromMilli(received),
            difference: received === null ? null : fromMilli(sent - received),
            differenceReason: line.differenceReason,
          };
        }),
    }));
  }
}
