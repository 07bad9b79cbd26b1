import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * A browser session, kept server-side. The cookie holds a random token; only its sha256 is
 * stored, so a copy of this table does not let anyone in.
 */
@Entity()
@Index('session_user_idx', ['userId'])
export class Session {
  @PrimaryColumn({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'uuid' })
  @ForeignKey('User', { name: 'session_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  /** The absolute end, whatever the activity. */
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /**
   * The second-factor step this session still owes (`verify` a code, or `enrol` one first); until
   * it is done the session can only finish that step, ask `me`, or log out. Null: signed in.
   */
  @Column({ type: 'text', nullable: true })
  secondFactorStep: SecondFactorPending | null;

  /**
   * When this session gave its second factor (a code, a recovery code, or confirming enrolment).
   * A network role needs it on the session itself: a factor confirmed by another session of the
   * same user does not sign this one in.
   */
  @Column({ type: 'timestamptz', nullable: true })
  secondFactorVerifiedAt: Date | null;
}

export type SecondFactorPending = 'verify' | 'enrol';
