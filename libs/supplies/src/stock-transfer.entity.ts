import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AdjustmentReason, StockTransferState } from './supplies.enums.js';

/**
 * Stock sent from one shelter to another as one act: out of the sender's stock at once
 * (TRANSFER_OUT rows, IN_TRANSIT), into the receiver's when it says what arrived (TRANSFER_IN
 * rows, RECEIVED), each line with the quantity received beside the quantity sent.
 */
@Entity()
@Index('stock_transfer_from_idx', ['fromShelterId', 'sentAt'])
@Index('stock_transfer_to_idx', ['toShelterId', 'sentAt'])
@Check('stock_transfer_shelters_check', 'from_shelter_id <> to_shelter_id')
export class StockTransfer {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'stock_transfer_from_fk' })
  fromShelterId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'stock_transfer_to_fk' })
  toShelterId: string;

  @Column({
    type: 'enum',
    enum: StockTransferState,
    enumName: 'stock_transfer_state',
    default: StockTransferState.IN_TRANSIT,
  })
  state: StockTransferState;

  @Column({ type: 'uuid' })
  sentBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;

  @Column({ type: 'uuid', nullable: true })
  receivedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;
}

/** The lots a transfer line took from the sender, in the order they were taken (first expiry first). */
export interface SentLot {
  lot: string | null;
  expiresOn: string | null;
  /** Thousandths of the item's unit. */
  milli: number;
}

/** One item of a transfer. */
@Entity()
@Check(
  'stock_transfer_line_quantity_check',
  'quantity_sent > 0 AND (quantity_received IS NULL OR (quantity_received >= 0 AND quantity_received <= quantity_sent))',
)
export class StockTransferLine {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('StockTransfer', { name: 'stock_transfer_line_transfer_fk', onDelete: 'CASCADE' })
  transferId: string;

  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('SupplyItem', { name: 'stock_transfer_line_item_fk' })
  itemId: string;

  @Column({ type: 'numeric', precision: 14, scale: 3 })
  quantitySent: string;

  @Column({ type: 'jsonb' })
  sentLots: SentLot[];

  /** Null while in transit; the difference from quantitySent is what did not arrive. */
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  quantityReceived: string | null;

  /** Why less arrived, when it did. */
  @Column({
    type: 'enum',
    enum: AdjustmentReason,
    enumName: 'adjustment_reason',
    nullable: true,
  })
  differenceReason: AdjustmentReason | null;
}
