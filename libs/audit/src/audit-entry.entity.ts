import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AuditOutcome {
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
  DENIED = 'denied',
}

registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/**
 * One act: who, when, what, on which record (by id), from where. Never the personal data itself,
 * so that erasing a person leaves nothing of them here. The table is append-only: a trigger
 * refuses UPDATE, DELETE and TRUNCATE, except the retention purge (itself audited).
 */
@ObjectType()
@Entity()
@Index('audit_entry_at_idx', ['at'])
@Index('audit_entry_actor_idx', ['actorId', 'at'])
@Index('audit_entry_target_idx', ['targetId', 'at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who acted; null for anonymous callers.',
  })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** e.g. `login`, `createShelter`, `resident.read`. */
  @Field(() => String)
  @Column({ type: 'text' })
  action: string;

  @Field(() => AuditOutcome)
  @Column({ type: 'enum', enum: AuditOutcome, enumName: 'audit_outcome' })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  shelterId: string | null;

  /** An error code, a lockout, a purpose of a read: words from our code, never from a user. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  @Field(() => String, { nullable: true, description: 'The caller’s address.' })
  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  requestId: string | null;
}
