import type { Actor } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { Threshold } from './alert-conditions.js';
import type {
  SetSupplyThresholdInput,
  SupplyThresholdTargetInput,
} from './dto/supply-alerts.input.js';
import { Ledger } from './ledger.js';
import { milliOf, numericOf, toMilli } from './quantities.js';
import { SupplyUnit } from './supplies.enums.js';
import { SuppliesException, SuppliesExceptionCode } from './supplies.exception.js';
import type { SupplyThresholdView } from './supply-alerts.views.js';
import { SupplyThreshold } from './supply-threshold.entity.js';

const invalid = (message: string, fields: string[]) =>
  new SuppliesException(message, SuppliesExceptionCode.THRESHOLD_INVALID, fields);

function view(row: SupplyThreshold): SupplyThresholdView {
  return {
    id: row.id,
    shelterId: row.shelterId,
    itemId: row.itemId,
    category: row.category,
    low: row.low === null ? null : Number(row.low),
    expiringWithinDays: row.expiringWithinDays,
    updatedAt: row.updatedAt,
  };
}

/**
 * A shelter's low and expiring-soon marks, per item or per category (alert-conditions.ts reads
 * them). Setting one replaces what was set for the same item or category; clearing removes it.
 */
@Injectable()
export class SupplyThresholds {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
  ) {}

  async list(shelterId: string): Promise<SupplyThresholdView[]> {
    const rows = await this.dataSource.manager.find(SupplyThreshold, {
      where: { shelterId },
      order: { category: 'ASC', itemId: 'ASC' },
    });
    return rows.map(view);
  }

  /** What alert-conditions.ts needs, in thousandths. */
  async of(shelterId: string, manager: EntityManager): Promise<Threshold[]> {
    const rows = await manager.findBy(SupplyThreshold, { shelterId });
    return rows.map((row) => ({
      itemId: row.itemId,
      category: row.category,
      lowMilli: row.low === null ? null : milliOf(row.low),
      expiringWithinDays: row.expiringWithinDays,
    }));
  }

  async set(input: SetSupplyThresholdInput, actor: Actor): Promise<SupplyThresholdView> {
    const target = this.target(input);
    const low = input.low ?? null;
    const expiringWithinDays = input.expiringWithinDays ?? null;
    if (low === null && expiringWithinDays === null) {
      throw invalid('Set a low mark, an expiry window, or both.', [
        'input.low',
        'input.expiringWithinDays',
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.ledger.checkShelter(manager, input.shelterId, 'input.shelterId');
      // A category's mark is in each item's own unit: any positive amount of up to 3 decimals.
      const unit = target.itemId
        ? (await this.ledger.usableItem(manager, target.itemId, input.shelterId, 'input.itemId'))
            .unit
        : SupplyUnit.KG;
      const lowMilli = low === null ? null : toMilli(low, unit);
      if (low !== null && lowMilli === null) {
        throw new SuppliesException(
          'A low mark is more than zero, in the item’s unit: up to 3 decimals for KG and L, whole for PIECE and PACK.',
          SuppliesExceptionCode.INVALID_QUANTITY,
          ['input.low'],
        );
      }
      const where = { shelterId: input.shelterId, ...target.where };
      const row = manager.create(SupplyThreshold, {
        id: randomUUID(),
        shelterId: input.shelterId,
        itemId: target.itemId,
        category: target.category,
        low: lowMilli === null ? null : numericOf(lowMilli),
        expiringWithinDays,
        updatedBy: actor.userId,
      });
      // Two coordinators setting the same mark at once: the unique index keeps one row.
      await manager
        .createQueryBuilder()
        .insert()
        .into(SupplyThreshold)
        .values(row)
        .orIgnore()
        .execute();
      await manager.update(SupplyThreshold, where, {
        low: row.low,
        expiringWithinDays,
        updatedBy: actor.userId,
      });
      return view(await manager.findOneByOrFail(SupplyThreshold, where));
    });
  }

  async clear(input: SupplyThresholdTargetInput): Promise<SupplyThresholdView> {
    const target = this.target(input);
    const found = await this.dataSource.manager.findOneBy(SupplyThreshold, {
      shelterId: input.shelterId,
      ...target.where,
    });
    if (!found) {
      throw new SuppliesException(
        'No threshold is set for this at this shelter.',
        SuppliesExceptionCode.THRESHOLD_NOT_FOUND,
        [target.itemId ? 'input.itemId' : 'input.category'],
      );
    }
    await this.dataSource.manager.delete(SupplyThreshold, { id: found.id });
    return view(found);
  }

  /** Exactly one of an item and a category, as a `where` that names the other as null. */
  private target(input: SupplyThresholdTargetInput) {
    const itemId = input.itemId ?? null;
    const category = input.category ?? null;
    if ((itemId === null) === (category === null)) {
      throw invalid('A threshold is for one item or for one category: name exactly one.', [
        'input.itemId',
        'input.category',
      ]);
    }
    return itemId
      ? { itemId, category: null, where: { itemId, category: IsNull() } }
      : { itemId: null, category, where: { itemId: IsNull(), category: category! } };
  }
}
