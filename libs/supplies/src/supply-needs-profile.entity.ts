import { Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How a shelter's needs appear in public. A sensitive shelter's are shown by its borough only,
 * never by its name, unless its coordinator opts in here (`nameShown`): a list of "baby formula,
 * sanitary pads" under a named refuge says who is inside. Not sensitive: the name is shown anyway.
 */
@Entity()
export class SupplyNeedsProfile {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'supply_needs_profile_shelter_fk' })
  shelterId: string;

  @Column({ type: 'boolean', default: false })
  nameShown: boolean;

  @Column({ type: 'uuid' })
  updatedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
