import { Population } from '@albergue/shelters';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AssignmentEnd, AssignmentKind, DeclineReason } from './occupancy.enums.js';

/**
 * A bed taken, by a hold (someone on the way) or a stay (someone checked in). At most one active
 * assignment per bed, and one per resident (a stay or a hold): partial unique indexes in PostgreSQL make a
 * double booking impossible whatever the application does. At a counts-mode shelter a hold or a
 * stay takes a place of a group, not a bed: no bed, and the group always said.
 */
@ObjectType()
@Entity()
@Check('bed_assignment_place_check', 'bed_id IS NOT NULL OR population IS NOT NULL')
@Index('bed_assignment_active_bed_idx', ['bedId'], { unique: true, where: 'ended_at IS NULL' })
@Index('bed_assignment_active_person_idx', ['residentId'], {
  unique: true,
  where: 'ended_at IS NULL',
})
@Index('bed_assignment_shelter_idx', ['shelterId'], { where: 'ended_at IS NULL' })
@Index('bed_assignment_origin_idx', ['originShelterId'], { where: 'origin_shelter_id IS NOT NULL' })
export class BedAssignment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Null at a counts-mode shelter: a place of the group, not a bed.',
  })
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Bed', { name: 'bed_assignment_bed_fk' })
  bedId: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  shelterId: string;

  @Field(() => AssignmentKind)
  @Column({ type: 'enum', enum: AssignmentKind, enumName: 'assignment_kind' })
  kind: AssignmentKind;

  /** The resident in the bed, or expected in it; null for a hold for someone not yet registered. */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  // RESTRICT: a resident with beds on record cannot be merged away (DuplicatesService relies on it).
  @ForeignKey('Resident', { name: 'bed_assignment_resident_fk', onDelete: 'RESTRICT' })
  residentId: string | null;

  /**
   * For a hold of someone not yet registered: the group the bed is kept for. No names. Always set
   * for a place without a bed (counts mode).
   */
  @Field(() => Population, { nullable: true })
  @Column({ type: 'enum', enum: Population, enumName: 'population', nullable: true })
  population: Population | null;

  /**
   * Assignments made in one act share one id: a hold's is its `holdId` (the one name the API
   * uses for a hold), a household's stays share theirs.
   */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  groupId: string;

  /**
   * Wall-clock times, not the transaction's start: a check-in that waited for the shelter's lock
   * starts after the check-out it waited for, and the history shows it so.
   */
  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a hold lapses.' })
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field(() => AssignmentEnd, { nullable: true })
  @Column({ type: 'enum', enum: AssignmentEnd, enumName: 'assignment_end', nullable: true })
  endReason: AssignmentEnd | null;

  /** For a declined transfer: why the receiving shelter turned it down, when it said. */
  @Field(() => DeclineReason, {
    nullable: true,
    description: 'For a declined transfer: why, as the receiving shelter said.',
  })
  @Column({ type: 'enum', enum: DeclineReason, enumName: 'decline_reason', nullable: true })
  declineReason: DeclineReason | null;

  /** For a transfer hold: the shelter the person comes from, whose staff follow the outcome. */
  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  originShelterId: string | null;

  @Column({ type: 'uuid' })
  byUserId: string;
}
