import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import {
  type StaffConnection,
  type StaffNotifier,
  type StaffSignal,
  StaffNotifiers,
} from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { OverdueReferrals } from './overdue-referrals.js';
import { audiencesOf, noticeOf, readSignal, REFERRAL_CHANNEL } from './referral-notices.js';
import { ReferralState } from './referrals.enums.js';

const REFERRAL_OVERDUE: ClusterJob = { name: 'referral-overdue', everyMs: 60_000 };

/**
 * `referral` to /staff: a referral's ids and state, to the following shelter's health workers
 * and coordinators and to the service's staff, never its reason, category or alias.
 *
 * Cluster-wide through PostgreSQL: the trigger `referral_notify` NOTIFYs every committed change
 * (whoever wrote it: the lib, the overdue job, an operator's SQL) on `albergue_referral`, every
 * instance LISTENs (the gateway's DatabaseSignals) and tells its own sockets. A notification is
 * sent once per commit and arrives at each instance once, in commit order, so a change reaches
 * each socket once without this lib keeping any cursor; nothing is polled.
 *
 * Overdue: the `referral-overdue` job (ClusterJobs, every minute, once per cluster) sets
 * `overdue_at` on sent referrals past `answer_due_at`, once (`overdue_at IS NULL` in the update,
 * so a second run, or two racing, change nothing more) and bumps the version: that commit is the
 * one notification every instance delivers as `referral` with `overdue: true`. A socket that
 * connects is told its audiences' referrals overdue now.
 */
@Injectable()
export class ReferralsNotifier implements StaffNotifier {
  readonly name = 'referrals';
  readonly channels = [REFERRAL_CHANNEL];

  constructor(
    notifiers: StaffNotifiers,
    private readonly dataSource: DataSource,
    private readonly jobs: ClusterJobs,
    private readonly overdue: OverdueReferrals,
  ) {
    notifiers.register(this);
  }

  @Interval(REFERRAL_OVERDUE.name, REFERRAL_OVERDUE.everyMs)
  overdueJob(): Promise<JobOutcome> {
    return this.jobs.once(REFERRAL_OVERDUE, () => this.markOverdue());
  }

  /** Marks sent referrals unanswered past their answer time as overdue; returns how many were new. */
  async markOverdue(): Promise<number> {
    const marked: unknown[] = await this.dataSource.query(
      `UPDATE referral SET overdue_at = now(), version = version + 1
        WHERE state = $1 AND overdue_at IS NULL AND answer_due_at <= now()
       RETURNING id`,
      [ReferralState.SENT],
    );
    // node-postgres answers an UPDATE … RETURNING with [rows, count] through TypeORM.
    const rows = Array.isArray(marked[0]) ? (marked[0] as unknown[]) : marked;
    return rows.length;
  }

  onSignal({ payload, send }: StaffSignal): void {
    const signal = readSignal(payload);
    if (signal) {
      send(audiencesOf(signal), 'referral', noticeOf(signal));
    }
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    if (socket.health.length === 0 && socket.services.length === 0) {
      return;
    }
    for (const row of await this.overdue.rows(socket.health, socket.services)) {
      reply('referral', noticeOf({ ...row, overdueAt: row.overdueAt.toISOString() }));
    }
  }
}
