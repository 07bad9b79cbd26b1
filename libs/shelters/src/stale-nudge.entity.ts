import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * A shelter's figures will turn stale soon and its staff are to be told: one row per shelter and
 * stale period, the period named by the confirmation it follows (`confirmedAt`), so a fresh report
 * or confirmation opens a new period and a second recording of the same one is a no-op. Written
 * once per cluster (StaleNudges), delivered by each instance to its own sockets by `id`.
 */
@Entity()
@Index('stale_nudge_shelter_confirmed_key', ['shelterId', 'confirmedAt'], { unique: true })
export class StaleNudge {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'stale_nudge_shelter_fk', onDelete: 'CASCADE' })
  shelterId: string;

  @Column({ type: 'timestamptz' })
  confirmedAt: Date;

  /** When the figures turn stale (confirmedAt + STALE_AFTER at the time of recording). */
  @Column({ type: 'timestamptz' })
  staleAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
