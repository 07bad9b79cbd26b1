import { AuditOutcome, AuditService } from '@albergue/audit';
import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';

const REFERRAL_RETENTION: ClusterJob = { name: 'referral-retention', everyMs: 86_400_000 };
const BATCH = 500;

/**
 * Retention for people who are not residents (met on a field visit): a resident's referrals are
 * emptied with the resident (erasure, or residents' own retention, by the vault's subject), but
 * an unregistered person has no record whose retention would reach them. Their referrals, closed
 * or cancelled more than RETENTION_DAYS ago, lose every sealed value (alias, sex at birth, reason,
 * place, notes, history notes); states, dates and categories stay for the figures. One left open
 * as a draft or sent, unchanged for RETENTION_DAYS, is cancelled (`retention`) and emptied too.
 */
@Injectable()
export class ReferralRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ClusterJobs,
    private readonly audit: AuditService,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  /** Daily, once per cluster; checked hourly, so that restarts do not put it off. */
  @Interval(REFERRAL_RETENTION.name, 3_600_000)
  retentionJob(): Promise<JobOutcome> {
    return this.jobs.once(REFERRAL_RETENTION, () => this.emptyExpired());
  }

  async emptyExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.emptyBatch();
      total += batch;
      if (batch < BATCH) {
        return total;
      }
    }
  }

  private emptyBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; state: string }[]>(
        `SELECT id, state FROM referral
          WHERE resident_id IS NULL
            AND (closed_at < now() - make_interval(days => $1)
                 OR (state IN ('draft', 'sent') AND updated_at < now() - make_interval(days => $1)))
            AND (state IN ('draft', 'sent')
                 OR alias_sealed IS NOT NULL OR sex_at_birth_sealed IS NOT NULL
                 OR reason_sealed IS NOT NULL OR place_sealed IS NOT NULL OR note_sealed IS NOT NULL
                 OR EXISTS (SELECT 1 FROM referral_event e
                             WHERE e.referral_id = referral.id AND e.note_sealed IS NOT NULL))
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [this.options.retentionDays],
      );
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) {
        return 0;
      }
      // Left open (a draft never sent, or sent and never answered) past retention: cancelled by
      // the job (`retention`, no one, no text), then emptied like the closed ones.
      const stale = rows.filter((row) => row.state === 'draft' || row.state === 'sent');
      if (stale.length > 0) {
        await manager.query(
          `INSERT INTO referral_event (id, referral_id, resident_id, from_state, to_state, detail, by_user_id)
           SELECT gen_random_uuid(), id, NULL, state, 'cancelled', 'retention', NULL
             FROM referral WHERE id = ANY($1)`,
          [stale.map((row) => row.id)],
        );
        await manager.query(
          `UPDATE referral SET state = 'cancelled', closed_at = now() WHERE id = ANY($1)`,
          [stale.map((row) => row.id)],
        );
      }
      await manager.query(
        `UPDATE referral SET alias_sealed = NULL, sex_at_birth_sealed = NULL, reason_sealed = NULL,
                place_sealed = NULL, note_sealed = NULL, version = version + 1
          WHERE id = ANY($1)`,
        [ids],
      );
      await manager.query(
        'UPDATE referral_event SET note_sealed = NULL WHERE referral_id = ANY($1)',
        [ids],
      );
      await this.audit.recordMany(
        ids.map((id) => ({
          action: 'referral.retention',
          outcome: AuditOutcome.SUCCEEDED,
          targetType: 'referral',
          targetId: id,
          detail: 'retention',
        })),
        manager,
      );
      return ids.length;
    });
  }
}
