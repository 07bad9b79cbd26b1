import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SupplyCategory, SupplyUnit } from './supplies.enums.js';

/** An item's name in the five languages of the product; a shelter's own item may give only some. */
export interface SupplyItemNames {
  es?: string;
  en?: string;
  fr?: string;
  ht?: string;
  pt?: string;
}

/**
 * A thing a shelter keeps in stock: rice (kg), water (l), soap (piece), diapers (pack). Network
 * items (`shelterId` null) are the admins' catalogue, the same for every shelter, and the only
 * ones that travel between shelters or (later) appear on the network's needs list; a shelter's
 * coordinator adds items of its own. The unit never changes once the item exists: every
 * quantity in the ledger is in it, so no two units are ever summed. `kcalPerUnit` (food only)
 * is what "days of food left" (issue 21, item 4) counts.
 */
@Entity()
@Index('supply_item_shelter_idx', ['shelterId'])
@Check(
  'supply_item_kcal_check',
  `kcal_per_unit IS NULL OR (category = 'food' AND kcal_per_unit > 0)`,
)
export class SupplyItem {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Null: a network item. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Shelter', { name: 'supply_item_shelter_fk' })
  shelterId: string | null;

  /** { es, en, fr, ht, pt }: all five for a network item. */
  @Column({ type: 'jsonb' })
  names: SupplyItemNames;

  @Column({ type: 'enum', enum: SupplyCategory, enumName: 'supply_category' })
  category: SupplyCategory;

  @Column({ type: 'enum', enum: SupplyUnit, enumName: 'supply_unit' })
  unit: SupplyUnit;

  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true })
  kcalPerUnit: string | null;

  /** Retired from the catalogue: no new movement names it; its history stays. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
