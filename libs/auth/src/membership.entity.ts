import { SHELTER_ROLES, type ShelterRole, Role } from '@albergue/common';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { User } from './user.entity.js';

/** A user's role in one shelter. One user may work in several shelters, with a role in each. */
@ObjectType()
@Entity()
@Index('membership_shelter_idx', ['shelterId'])
export class Membership {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'membership_shelter_fk', onDelete: 'CASCADE' })
  shelterId: string;

  /** Read with the membership (AccountsService), not a column. */
  @Field(() => String, { description: 'The name of the shelter.' })
  shelterName?: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: SHELTER_ROLES, enumName: 'shelter_role' })
  role: ShelterRole;

  /**
   * A field visit's membership (a mobile health team on the shelters it visits) ends by itself
   * at this time; null: until removed.
   */
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @ManyToOne(() => User, (user) => user.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
