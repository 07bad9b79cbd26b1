import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per background job: when the cluster last started it, and how often it has. The
 * instance that holds the job's advisory lock claims a run here (ClusterJobs), so a tick that
 * comes a moment after another instance's run does not do it again.
 */
@Entity()
export class JobRun {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** Null while a run goes on, or after one that failed. */
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'integer' })
  runs: number;
}
