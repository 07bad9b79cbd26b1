import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A one-time recovery code: shown once at enrolment, stored only as an argon2id hash. */
@Entity()
@Index('recovery_code_user_idx', ['userId'])
export class RecoveryCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('User', { name: 'recovery_code_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  codeHash: string;

  /** Set when used; a used code is refused. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
