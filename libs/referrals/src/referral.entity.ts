import { AgeBracket } from '@albergue/residents';
import { Population } from '@albergue/shelters';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  CapacityOverride,
  NotCompletedReason,
  ReferralBasis,
  ReferralCategory,
  ReferralOutcome,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
} from './referrals.enums.js';

/**
 * One person sent to one health service, from a shelter (or a field team's visit to it), until
 * an outcome closes it. The subject is a resident (`residentId`) or an unregistered person met at
 * a field visit: either way the referral keeps its own minimal copy (alias, age bracket,
 * languages, group), so that the service's staff never read a resident's record. Every free
 * text is sealed (`*Sealed`), bound to this row and its field; erasing the resident empties them.
 */
@Entity()
@Index('referral_shelter_state_idx', ['shelterId', 'state'])
@Index('referral_service_state_idx', ['serviceId', 'state'])
@Index('referral_resident_idx', ['residentId'])
// The overdue job's look-up: sent referrals past their answer time, not yet announced.
@Index('referral_due_idx', ['answerDueAt'], { where: "state = 'sent' AND overdue_at IS NULL" })
// Each instance's catch-up on changes it was not notified of (ReferralsNotifier): recent changes.
@Index('referral_updated_idx', ['updatedAt'])
export class Referral {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Bumped by every change, so that a screen keeps the newest it heard of. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('Resident', { name: 'referral_resident_fk' })
  residentId: string | null;

  /** What the person is called on this referral (a first name, a nickname): sealed. */
  @Column({ type: 'text', nullable: true })
  aliasSealed: string | null;

  @Column({ type: 'enum', enum: AgeBracket, enumName: 'age_bracket', nullable: true })
  ageBracket: AgeBracket | null;

  /** Only where clinically needed: sealed (SexAtBirth's value). */
  @Column({ type: 'text', nullable: true })
  sexAtBirthSealed: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  languages: string[];

  @Column({ type: 'enum', enum: Population, enumName: 'population', nullable: true })
  population: Population | null;

  /** The shelter the referral was made from (or whose visit it was made at): figures count by it. */
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'referral_from_shelter_fk' })
  fromShelterId: string;

  /** The shelter following it now: the referrer's, or the one the person moved to. */
  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'referral_shelter_fk' })
  shelterId: string;

  /** Made by a field team on a visit (a membership that ends by itself), not the shelter's own staff. */
  @Column({ type: 'boolean', default: false })
  fieldVisit: boolean;

  @Column({ type: 'uuid' })
  @ForeignKey('HealthService', { name: 'referral_service_fk' })
  serviceId: string;

  @Column({ type: 'enum', enum: ReferralCategory, enumName: 'referral_category' })
  category: ReferralCategory;

  @Column({ type: 'enum', enum: ReferralUrgency, enumName: 'referral_urgency' })
  urgency: ReferralUrgency;

  @Column({
    type: 'enum',
    enum: ReferralState,
    enumName: 'referral_state',
    default: ReferralState.DRAFT,
  })
  state: ReferralState;

  /** The clinical reason: sealed, read only by health roles, every read audited. */
  @Column({ type: 'text', nullable: true })
  reasonSealed: string | null;

  /** An interpreter's language (BCP 47), when one is needed. */
  @Column({ type: 'text', nullable: true })
  interpreterLanguage: string | null;

  @Column({ type: 'boolean', default: false })
  needsEscort: boolean;

  @Column({ type: 'boolean', default: false })
  needsTransport: boolean;

  @Column({ type: 'enum', enum: ReferralBasis, enumName: 'referral_basis' })
  basis: ReferralBasis;

  /** Who explained the referral to the person (consent), or decided it (vital interest). */
  @Column({ type: 'uuid' })
  basisBy: string;

  /** The language the consent was explained in (BCP 47); null under vital interest. */
  @Column({ type: 'text', nullable: true })
  consentLanguage: string | null;

  @Column({
    type: 'enum',
    enum: ReferralShare,
    enumName: 'referral_share',
    array: true,
    default: '{}',
  })
  shares: ReferralShare[];

  /** Sent although the service reported "not accepting": why. */
  @Column({
    type: 'enum',
    enum: CapacityOverride,
    enumName: 'capacity_override',
    nullable: true,
  })
  capacityOverride: CapacityOverride | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** When an answer is owed (sent + its urgency's window); past it, unanswered: overdue. */
  @Column({ type: 'timestamptz', nullable: true })
  answerDueAt: Date | null;

  /** When the overdue job announced it (once per referral, across instances). */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'enum', enum: RejectReason, enumName: 'reject_reason', nullable: true })
  rejectReason: RejectReason | null;

  /** The appointment: when, and where (sealed: a room, a doctor's name). */
  @Column({ type: 'timestamptz', nullable: true })
  scheduledFor: Date | null;

  @Column({ type: 'text', nullable: true })
  placeSealed: string | null;

  @Column({ type: 'enum', enum: ReferralOutcome, enumName: 'referral_outcome', nullable: true })
  outcome: ReferralOutcome | null;

  @Column({
    type: 'enum',
    enum: NotCompletedReason,
    enumName: 'not_completed_reason',
    nullable: true,
  })
  notCompletedReason: NotCompletedReason | null;

  /** A reject, outcome or cancellation's note: sealed. */
  @Column({ type: 'text', nullable: true })
  noteSealed: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Stamped on every update by the trigger `referral_stamp`, whoever writes (the live catch-up reads it). */
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
