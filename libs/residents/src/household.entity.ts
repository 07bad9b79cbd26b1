import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A family or group travelling together: the unit the occupancy engine places together. */
@Entity()
@Index('household_shelter_idx', ['shelterId'])
export class Household {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Where it was registered. */
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'household_shelter_fk' })
  shelterId: string;

  @Column({ type: 'uuid', nullable: true })
  headId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
