import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Population } from './shelters.enums.js';

export enum AvailabilityReportKind {
  /** New figures typed by staff (counts mode). */
  REPORT = 'report',
  /** Staff said the figures still hold. */
  CONFIRM = 'confirm',
}

/** One group's figures as they stood after a report or confirmation. */
export interface ReportedCounts {
  population: Population;
  totalBeds: number;
  freeBeds: number;
  overflowTotal: number;
  overflowFree: number;
}

/**
 * The counts history: every report and confirmation, dated, with every group's figures as they
 * stood after it (a confirmation repeats the figures it vouched for), who gave them (a user id,
 * nothing else of them) and the version it produced. Daily figures of counts-mode shelters read
 * the last row of each day; a stale report is told apart by `version` (AvailabilityService.report).
 */
@Entity()
@Index('availability_report_shelter_at_idx', ['shelterId', 'at'])
@Check('availability_report_counts_check', `jsonb_typeof(counts) = 'array'`)
export class AvailabilityReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'availability_report_shelter_fk', onDelete: 'CASCADE' })
  shelterId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Null for what no signed-in user did (the demo loader, seeds). */
  @Column({ type: 'uuid', nullable: true })
  byUserId: string | null;

  @Column({
    type: 'enum',
    enum: AvailabilityReportKind,
    enumName: 'availability_report_kind',
  })
  kind: AvailabilityReportKind;

  /** The shelter's availability version this act produced. */
  @Column({ type: 'bigint' })
  version: string;

  @Column({ type: 'jsonb' })
  counts: ReportedCounts[];
}
