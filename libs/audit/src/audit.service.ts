import { type ClusterJob, ClusterJobs, csvCell, type JobOutcome } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry, AuditOutcome } from './audit-entry.entity.js';
import { AUDIT_OPTIONS, type AuditOptions } from './audit.options.js';
import type { AuditLogArgs } from './dto/audit-filter.input.js';

export type AuditRecord = Pick<AuditEntry, 'action' | 'outcome'> &
  Partial<
    Pick<
      AuditEntry,
      'actorId' | 'targetType' | 'targetId' | 'shelterId' | 'detail' | 'ip' | 'requestId'
    >
  >;

const CSV_COLUMNS = [
  'id',
  'at',
  'actorId',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'shelterId',
  'detail',
  'ip',
  'requestId',
] as const;

const AUDIT_RETENTION: ClusterJob = { name: 'audit-retention', everyMs: 86_400_000 };

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    private readonly jobs: ClusterJobs,
  ) {}

  /** Purges rows past AUDIT_RETENTION_DAYS daily, once per cluster; checked hourly, so that restarts do not put it off. */
  @Interval(AUDIT_RETENTION.name, 3_600_000)
  retentionJob(): Promise<JobOutcome> {
    return this.jobs.once(AUDIT_RETENTION, () => this.purge(this.options.retentionDays));
  }

  /** Writes one row; pass the caller's transaction so the row commits (or not) with the act. */
  async record(
    entry: AuditRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(AuditEntry, entry);
  }

  /** Many rows in one statement: one per resident shown by a list, say. */
  async recordMany(
    entries: AuditRecord[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (entries.length > 0) {
      await manager.insert(AuditEntry, entries);
    }
  }

  list(args: AuditLogArgs): Promise<AuditEntry[]> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    for (const key of ['actorId', 'action', 'targetId', 'shelterId', 'outcome'] as const) {
      if (args[key] !== undefined) {
        query.andWhere(`a.${key} = :${key}`, { [key]: args[key] });
      }
    }
    if (args.since) {
      query.andWhere('a.at >= :since', { since: args.since });
    }
    if (args.until) {
      query.andWhere('a.at < :until', { until: args.until });
    }
    return query.orderBy('a.id', 'DESC').limit(args.first).getMany();
  }

  async exportCsv(args: AuditLogArgs): Promise<string> {
    const rows = await this.list(args);
    const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','));
    return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
  }

  /**
   * Deletes rows older than the retention period. The table's trigger refuses any DELETE unless
   * this transaction says it is the purge; the purge itself leaves a row.
   */
  async purge(retentionDays: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('albergue.audit_purge', 'on', true)`);
      const [, deleted] = (await manager.query(
        `DELETE FROM audit_entry WHERE at < now() - make_interval(days => $1)`,
        [retentionDays],
      )) as [unknown, number];
      await manager.query(`SELECT set_config('albergue.audit_purge', 'off', true)`);
      await this.record(
        {
          action: 'audit.purge',
          outcome: AuditOutcome.SUCCEEDED,
          detail: `deleted ${deleted} rows older than ${retentionDays} days`,
        },
        manager,
      );
      return deleted;
    });
  }
}
