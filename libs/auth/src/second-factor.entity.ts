import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * A user's TOTP second factor. The secret is sealed with the vault (`second_factor.secret`, bound
 * to the user id): a copy of the table gives no codes. Unconfirmed (no `confirmedAt`) between
 * `enrolSecondFactor` and `confirmEnrolment`.
 */
@Entity()
export class SecondFactor {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey('User', { name: 'second_factor_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  secretSealed: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /**
   * The TOTP time step of the last code accepted: a code is taken only for a later step, so the
   * same code cannot be used twice (nor an older one after a newer).
   */
  @Column({ type: 'integer', nullable: true })
  lastUsedStep: number | null;

  /**
   * Wrong codes (TOTP or recovery) since `wrongSince`, a window of a day that a right code does
   * not reset; SECOND_FACTOR_DAILY_MAX of them set `blockedAt`.
   */
  @Column({ type: 'integer', default: 0 })
  wrongTries: number;

  @Column({ type: 'timestamptz', nullable: true })
  wrongSince: Date | null;

  /** Too many wrong codes in a day: no code is taken until an admin resets the factor. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
