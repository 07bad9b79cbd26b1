import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { ReferralState } from './referrals.enums.js';

/**
 * A referral's dated history: every change of state (and every reschedule, move or correction),
 * who made it and when. A transition outside the allowed ones is an override and keeps its
 * reason. `residentId` repeats the referral's, so that erasing the person empties the notes.
 */
@Entity()
@Index('referral_event_referral_idx', ['referralId', 'at'])
export class ReferralEvent {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Referral', { name: 'referral_event_referral_fk', onDelete: 'CASCADE' })
  referralId: string;

  @Column({ type: 'uuid', nullable: true })
  residentId: string | null;

  @Column({ type: 'enum', enum: ReferralState, enumName: 'referral_state', nullable: true })
  fromState: ReferralState | null;

  @Column({ type: 'enum', enum: ReferralState, enumName: 'referral_state' })
  toState: ReferralState;

  /** What happened beside the state (`rescheduled`, `moved`, `override`), a word, never free text. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** An override's reason or a note: sealed. */
  @Column({ type: 'text', nullable: true })
  noteSealed: string | null;

  /** Null for a job (residents' retention anonymising the person: `erased`). */
  @Column({ type: 'uuid', nullable: true })
  byUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
