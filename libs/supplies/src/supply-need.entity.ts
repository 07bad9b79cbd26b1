import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { NeedClosure, NeedPriority, SupplyCategory } from './supplies.enums.js';

/**
 * Something a shelter asks donors for (issue 21, item 7): an item, with the quantity wanted in
 * its unit, or a whole category ("hygiene"), without one; a priority, and until when. Public
 * while open and not past `until` (`/needs`, `/needs.json`): no person is in it, and a sensitive
 * shelter's needs are shown by its borough only unless it chose otherwise (SupplyNeedsProfile).
 * One open need per item and per category at a shelter: a second is an update of the first.
 */
@Entity()
@Index('supply_need_open_item_key', ['shelterId', 'itemId'], {
  unique: true,
  where: 'closed_at IS NULL AND item_id IS NOT NULL',
})
@Index('supply_need_open_category_key', ['shelterId', 'category'], {
  unique: true,
  where: 'closed_at IS NULL AND category IS NOT NULL',
})
@Index('supply_need_open_idx', ['until'], { where: 'closed_at IS NULL' })
@Check('supply_need_target_check', '(item_id IS NULL) <> (category IS NULL)')
@Check('supply_need_quantity_check', 'quantity IS NULL OR (item_id IS NOT NULL AND quantity > 0)')
@Check('supply_need_closed_check', '(closed_at IS NULL) = (closure IS NULL)')
export class SupplyNeed {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_need_shelter_fk' })
  shelterId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('SupplyItem', { name: 'supply_need_item_fk' })
  itemId: string | null;

  @Column({ type: 'enum', enum: SupplyCategory, enumName: 'supply_category', nullable: true })
  category: SupplyCategory | null;

  /** Items only: how much is wanted, in the item's unit. */
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  quantity: string | null;

  @Column({ type: 'enum', enum: NeedPriority, enumName: 'need_priority' })
  priority: NeedPriority;

  /** The last day (TIME_ZONE) it is wanted; null: until closed. */
  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'enum', enum: NeedClosure, enumName: 'need_closure', nullable: true })
  closure: NeedClosure | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
