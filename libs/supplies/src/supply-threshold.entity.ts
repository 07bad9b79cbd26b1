import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SupplyCategory } from './supplies.enums.js';

/**
 * A shelter's marks for one item, or for every item of a category (the item's own wins): below
 * `low` (in each item's own unit: "any soap below 10 pieces") its stock is said to be low; lots
 * expiring within `expiringWithinDays` are said (else SUPPLY_EXPIRING_WITHIN). A category's low
 * mark covers the items the shelter has stocked, not the whole catalogue. Set by its
 * coordinators; one row per item and per category (the two partial unique indexes).
 */
@Entity()
@Index('supply_threshold_item_key', ['shelterId', 'itemId'], {
  unique: true,
  where: 'item_id IS NOT NULL',
})
@Index('supply_threshold_category_key', ['shelterId', 'category'], {
  unique: true,
  where: 'category IS NOT NULL',
})
@Check('supply_threshold_target_check', '(item_id IS NULL) <> (category IS NULL)')
@Check(
  'supply_threshold_values_check',
  '(low IS NULL OR low >= 0) AND (expiring_within_days IS NULL OR expiring_within_days BETWEEN 0 AND 365) AND (low IS NOT NULL OR expiring_within_days IS NOT NULL)',
)
export class SupplyThreshold {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_threshold_shelter_fk' })
  shelterId: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('SupplyItem', { name: 'supply_threshold_item_fk' })
  itemId: string | null;

  @Column({ type: 'enum', enum: SupplyCategory, enumName: 'supply_category', nullable: true })
  category: SupplyCategory | null;

  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  low: string | null;

  @Column({ type: 'integer', nullable: true })
  expiringWithinDays: number | null;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
