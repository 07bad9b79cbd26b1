import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * One row per item a shelter has ever stocked, and nothing else: the row every change of that
 * item's stock at that shelter locks (`SELECT … FOR UPDATE`) before it reads the balance and
 * writes its movement. Concurrent issues of the same rice at the same shelter queue here, so
 * the second sees the first's movement and stock never goes below zero; other items and other
 * shelters do not wait. It holds no quantity: stock is the sum of the movements.
 */
@Entity()
export class StockLock {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'stock_lock_shelter_fk' })
  shelterId: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('SupplyItem', { name: 'stock_lock_item_fk' })
  itemId: string;
}
