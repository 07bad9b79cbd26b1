import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { PledgeState } from './supplies.enums.js';

/**
 * A promise to bring some of a published need by a day (issue 21, item 8), made by anyone
 * without an account. Who promised (a name or organisation, and a phone or email) is sealed by
 * the vault (`supply_pledge.contact`), read by the shelter's coordinators only, and erased
 * (`contact_sealed` emptied, `erased_at` set) 30 days after `bring_by`: the quantities and dates
 * stay for the figures, the person does not. A receipt that fulfils it names it
 * (`stock_movement.pledge_id`), never the person.
 */
@Entity()
@Index('supply_pledge_shelter_idx', ['shelterId', 'createdAt'])
@Index('supply_pledge_erase_idx', ['bringBy'], { where: 'erased_at IS NULL' })
@Check('supply_pledge_quantity_check', 'quantity IS NULL OR quantity > 0')
@Check('supply_pledge_erased_check', '(contact_sealed IS NULL) = (erased_at IS NOT NULL)')
@Check(
  'supply_pledge_received_check',
  `(state = 'received') = (received_at IS NOT NULL AND received_by IS NOT NULL)`,
)
export class SupplyPledge {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('SupplyNeed', { name: 'supply_pledge_need_fk' })
  needId: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_pledge_shelter_fk' })
  shelterId: string;

  /** In the need's item's unit; null for a category's need (or "some"). */
  @Column({ type: 'numeric', precision: 14, scale: 3, nullable: true })
  quantity: string | null;

  /** The day (TIME_ZONE) they mean to bring it by. */
  @Column({ type: 'date' })
  bringBy: string;

  /** { name, phone?, email? } as JSON, sealed; null once erased. */
  @Column({ type: 'text', nullable: true })
  contactSealed: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @Column({
    type: 'enum',
    enum: PledgeState,
    enumName: 'pledge_state',
    default: PledgeState.PLEDGED,
  })
  state: PledgeState;

  @Column({ type: 'timestamptz', nullable: true })
  receivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  receivedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
