import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ProblemReason } from './shelters.enums.js';

/**
 * One counted report about a shelter's published figures or contact: the shelter, a reason from a
 * fixed list and when. Nothing of who sent it (no address, no browser, no cookie, no place): the
 * limit of one per address and hour lives elsewhere, in memory (ReportLimiter).
 */
@Entity()
@Index('problem_report_shelter_at_idx', ['shelterId', 'reportedAt'])
export class ProblemReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey('Shelter', { name: 'problem_report_shelter_fk', onDelete: 'CASCADE' })
  shelterId: string;

  @Column({ type: 'enum', enum: ProblemReason, enumName: 'problem_reason' })
  reason: ProblemReason;

  /** Whether the public band offered space (SPACE or FEW) when it came: a burst counts only those. */
  @Column({ type: 'boolean' })
  showedSpace: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  reportedAt: Date;
}
