import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per change of a shelter's public figures, written in the transaction that made the
 * change: the shelter id, its new version and the public aggregate (never a person). Kept for
 * integrators: its reader (their feed and webhooks) comes with the interop issue. The realtime
 * layer does not read it: maps and staff screens follow the transaction's notification and the
 * versions. Consumers that missed rows catch up by versions (shelterChanges), not by reading this
 * log in order, since transactions commit out of order.
 */
@Entity()
@Index('availability_outbox_created_idx', ['createdAt'])
export class AvailabilityOutbox {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  shelterId: string;

  @Column({ type: 'bigint' })
  version: string;

  @Column({ type: 'jsonb' })
  public: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
