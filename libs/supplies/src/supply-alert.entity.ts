import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SupplyAlertKind } from './supplies.enums.js';

/**
 * One crossing: a condition (an item low, a lot expiring, food for too few days) that started
 * to hold at a shelter (`raisedAt`) and, once it stopped, `clearedAt`. At most one open row per
 * shelter and key (`supply_alert_open_key`), so evaluations racing on two instances raise it
 * once. `seq` is stamped from `supply_alert_seq` at the raise and again at the clear, inside a
 * transaction lock (SupplyAlerts), so seqs commit in order: each instance delivers what is past
 * its cursor to its own sockets, once, and loses nothing (the stale nudges' way).
 */
@Entity()
@Index('supply_alert_open_key', ['shelterId', 'key'], {
  unique: true,
  where: 'cleared_at IS NULL',
})
@Index('supply_alert_seq_idx', ['seq'], { unique: true })
export class SupplyAlert {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_alert_shelter_fk' })
  shelterId: string;

  @Column({ type: 'enum', enum: SupplyAlertKind, enumName: 'supply_alert_kind' })
  kind: SupplyAlertKind;

  /** Which one of its kind: the item, the lot (alert-conditions.ts). */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('SupplyItem', { name: 'supply_alert_item_fk' })
  itemId: string | null;

  @Column({ type: 'text', nullable: true })
  lot: string | null;

  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  /** When raised: the quantity, the days left, the lot's quantity (AlertCondition.figure). */
  @Column({ type: 'numeric', precision: 14, scale: 3 })
  figure: string;

  @Column({ type: 'numeric', precision: 14, scale: 3 })
  threshold: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;

  @Column({ type: 'bigint' })
  seq: string;
}
