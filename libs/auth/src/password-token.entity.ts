import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

export enum PasswordTokenPurpose {
  /** The first admin, when no account exists and none was configured. */
  SETUP = 'setup',
  /** An admin's reset, handed to the person by the admin (no email server needed). */
  RESET = 'reset',
}

/** One-time token; only its sha256 is stored. */
@Entity()
export class PasswordToken {
  @PrimaryColumn({ type: 'text' })
  tokenHash: string;

  @Column({ type: 'enum', enum: PasswordTokenPurpose, enumName: 'password_token_purpose' })
  purpose: PasswordTokenPurpose;

  /** Null for SETUP: the account does not exist yet. */
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey('User', { name: 'password_token_user_fk', onDelete: 'CASCADE' })
  userId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
