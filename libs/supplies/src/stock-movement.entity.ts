import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import {
  AdjustmentReason,
  ReversalReason,
  StockMovementKind,
  SupplySource,
} from './supplies.enums.js';

/**
 * The ledger: one row per change of one item's stock at one shelter, signed (in > 0, out < 0),
 * in the item's unit. Stock is the sum of these rows; there is no total to edit. Rows are never
 * updated or deleted (the trigger `stock_movement_append_only` refuses it, whoever asks): a
 * mistake is undone by a REVERSAL row naming the row it reverses (`reversesId`, unique: once).
 *
 * One act (a distribution, a stocktake, a transfer) may write several rows: an amount taken
 * without naming a lot is taken from the lots that expire first, one row per lot, all with the
 * act's `actId`. Free text is deliberately absent: reasons are codes, sources are an
 * organisation, a pledge or "private donor", never a person's name.
 */
@Entity()
@Index('stock_movement_stock_idx', ['shelterId', 'itemId', 'at'])
@Index('stock_movement_shelter_at_idx', ['shelterId', 'at'])
@Index('stock_movement_act_idx', ['actId'])
@Index('stock_movement_reverses_idx', ['reversesId'], { unique: true })
@Index('stock_movement_transfer_idx', ['transferId'])
@Index('stock_movement_meal_idx', ['mealId'])
@Check(
  'stock_movement_sign_check',
  `(kind IN ('received', 'transfer_in') AND quantity > 0) OR (kind IN ('issued', 'cooked', 'wasted', 'expired', 'transfer_out') AND quantity < 0) OR (kind = 'adjusted' AND counted IS NOT NULL AND adjustment_reason IS NOT NULL) OR (kind = 'reversal' AND quantity <> 0 AND reverses_id IS NOT NULL AND reversal_reason IS NOT NULL)`,
)
@Check('stock_movement_lot_check', `lot ~ '^[A-Za-z0-9./-]{1,40}$'`)
@Check(
  'stock_movement_source_check',
  `(kind = 'received') = (source IS NOT NULL) AND (source IS NOT DISTINCT FROM 'organisation') = (organisation_id IS NOT NULL) AND (source IS NOT DISTINCT FROM 'pledge') = (pledge_id IS NOT NULL)`,
)
export class StockMovement {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** The act this row is part of (what a requestId made once). */
  @Column({ type: 'uuid' })
  actId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'stock_movement_shelter_fk' })
  shelterId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('SupplyItem', { name: 'stock_movement_item_fk' })
  itemId: string;

  @Column({ type: 'enum', enum: StockMovementKind, enumName: 'stock_movement_kind' })
  kind: StockMovementKind;

  /** Signed, in the item's unit (up to 3 decimals: grams of a kilo, millilitres of a litre). */
  @Column({ type: 'numeric', precision: 14, scale: 3 })
  quantity: string;

  /** The supplier's lot number, where the package shows one: a code (LOT_CODE, 1-40 of A-Z a-z 0-9 . / -). */
  @Column({ type: 'text', nullable: true })
  lot: string | null;

  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  /** A receipt whose expiry was already past (in TIME_ZONE) when it came in: allowed, flagged. */
  @Column({ type: 'boolean', default: false })
  expiredOnReceipt: boolean;

  /** RECEIVED only: where it came from. */
  @Column({ type: 'enum', enum: SupplySource, enumName: 'supply_source', nullable: true })
  source: SupplySource | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Organisation', { name: 'stock_movement_organisation_fk' })
  organisationId: string | null;

  /** The pledge a receipt fulfils (its donor's contact is the pledge's, sealed, never here). */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('SupplyPledge', { name: 'stock_movement_pledge_fk' })
  pledgeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('StockTransfer', { name: 'stock_movement_transfer_fk' })
  transferId: string | null;

  /** COOKED for this meal. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('MealServed', { name: 'stock_movement_meal_fk' })
  mealId: string | null;

  /** ADJUSTED: what the stocktake counted (the whole item, all lots). */
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  counted: string | null;

  @Column({
    type: 'enum',
    enum: AdjustmentReason,
    enumName: 'adjustment_reason',
    nullable: true,
  })
  adjustmentReason: AdjustmentReason | null;

  /** REVERSAL: the row it undoes. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('StockMovement', { name: 'stock_movement_reverses_fk' })
  reversesId: string | null;

  @Column({ type: 'enum', enum: ReversalReason, enumName: 'reversal_reason', nullable: true })
  reversalReason: ReversalReason | null;

  @Column({ type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
