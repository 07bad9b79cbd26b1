import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import {
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  type StaffSend,
  type StaffSignal,
  StaffNotifiers,
} from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { OverdueReferrals } from './overdue-referrals.js';
import {
  escortMessagesOf,
  messagesOf,
  noticeOf,
  readSignal,
  REFERRAL_CHANNEL,
  type ReferralSignal,
} from './referral-notices.js';
import { ReferralState } from './referrals.enums.js';

const REFERRAL_OVERDUE: ClusterJob = { name: 'referral-overdue', everyMs: 60_000 };

/**
 * How far before its last look a catch-up reads again: `updated_at` is its transaction's start,
 * so a change that committed after the last look may carry an earlier time. Covers transactions
 * up to this long; what it reads twice is not sent twice (`sent`).
 */
export const CATCH_UP_SLACK_SECONDS = 60;
/** How long this instance remembers the version it sent of a referral (longer than the slack). */
const REMEMBER_MS = 10 * 60_000;

interface Sent {
  version: number;
  shelterId: string;
  /** What else the notice said: a writer that changed the state without the version still counts. */
  said: string;
  at: number;
}

const saidOf = (signal: ReferralSignal) =>
  [signal.state, signal.shelterId, signal.serviceId, signal.overdueAt !== null, signal.escort].join(
    '|',
  );

interface ChangedRow {
  id: string;
  version: number;
  state: ReferralState;
  shelterId: string;
  serviceId: string;
  overdueAt: string | null;
  escort: boolean;
}

/**
 * `referral` to /staff: a referral's ids and state, to the following shelter's health workers
 * and coordinators (without the service: coordinators never learn it) and to the service's staff
 * (with it), never its reason, category or alias.
 *
 * Cluster-wide through PostgreSQL: the trigger `referral_notify` NOTIFYs every committed change
 * (whoever wrote it: the lib, the overdue job, an operator's SQL) on `albergue_referral`, every
 * instance LISTENs (the gateway's DatabaseSignals) and tells its own sockets. A notification sent
 * while an instance's listening connection was down is lost to it, so each instance also catches
 * up: when listening starts again and every STAFF_CHECK it reads the referrals of the audiences
 * listening here changed (`updated_at`, stamped by the trigger `referral_stamp` on every update)
 * since its last look, less CATCH_UP_SLACK_SECONDS, and sends those newer than the version it
 * last sent. A screen keeps the highest version it heard, so the rare duplicate (this instance
 * forgot, or restarted) is harmless; a change is delayed at most a STAFF_CHECK, never lost.
 *
 * Overdue: the `referral-overdue` job (ClusterJobs, every minute, once per cluster) sets
 * `overdue_at` on sent referrals past `answer_due_at`, once (`overdue_at IS NULL` in the update,
 * so a second run, or two racing, change nothing more) and bumps the version: that commit is the
 * one change every instance delivers as `referral` with `overdue: true`. A socket that connects is
 * told its audiences' referrals overdue now.
 */
@Injectable()
export class ReferralsNotifier implements StaffNotifier {
  readonly name = 'referrals';
  readonly channels = [REFERRAL_CHANNEL];
  /** What this instance last sent of each referral it spoke of lately. */
  private readonly sent = new Map<string, Sent>();
  /** The database's time of the last catch-up; null until listening first starts. */
  private since: Date | null = null;
  private catchingUp: Promise<void> = Promise.resolve();

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
      this.deliver(signal, send);
    }
  }

  /** Listening (re)started: what was notified meanwhile is lost; read it from the rows. */
  onReconnect({ listening, send }: StaffCheck): Promise<void> {
    return this.catchUp(listening, send);
  }

  /** Every STAFF_CHECK: a notification lost without the connection noticing is read here. */
  onCheck({ listening, send }: StaffCheck): Promise<void> {
    return this.catchUp(listening, send);
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    if (socket.health.length === 0 && socket.services.length === 0) {
      return;
    }
    for (const row of await this.overdue.rows(socket.health, socket.services)) {
      const signal = { ...row, overdueAt: row.overdueAt.toISOString() };
      reply(
        'referral',
        noticeOf(signal, socket.services.includes(row.serviceId) ? 'service' : 'shelter'),
      );
    }
  }

  /** One catch-up at a time; a failed one leaves `since` where it was, for the next. */
  private catchUp(listening: StaffCheck['listening'], send: StaffSend): Promise<void> {
    const run = this.catchingUp.then(() => this.readChanged(listening, send));
    this.catchingUp = run.catch(() => undefined);
    return run;
  }

  private async readChanged(listening: StaffCheck['listening'], send: StaffSend): Promise<void> {
    const now = Date.now();
    for (const [id, sent] of this.sent) {
      if (now - sent.at > REMEMBER_MS) {
        this.sent.delete(id);
      }
    }
    // Referrals it spoke of to a shelter listening here: if one moved away, that shelter hears it.
    const known = [...this.sent]
      .filter(
        ([, sent]) =>
          listening.health.includes(sent.shelterId) || listening.boards.includes(sent.shelterId),
      )
      .map(([id]) => id);
    const nobody =
      listening.health.length === 0 &&
      listening.services.length === 0 &&
      listening.boards.length === 0;
    if (this.since === null || nobody) {
      const [{ at }] = await this.dataSource.query<{ at: Date }[]>('SELECT now() AS at');
      this.since = at;
      return;
    }
    const [{ at, rows }] = await this.dataSource.query<{ at: Date; rows: ChangedRow[] | null }[]>(
      `SELECT now() AS at, (
         SELECT json_agg(json_build_object('id', id, 'version', version, 'state', state,
                  'shelterId', shelter_id, 'serviceId', service_id, 'overdueAt', overdue_at,
                  'escort', needs_escort)
                  ORDER BY updated_at, id)
           FROM referral
          WHERE updated_at > $1::timestamptz - make_interval(secs => $2)
            AND (shelter_id = ANY($3::uuid[]) OR service_id = ANY($4::uuid[])
                 OR id = ANY($5::uuid[])
                 OR (needs_escort AND shelter_id = ANY($6::uuid[])))
       ) AS rows`,
      [
        this.since,
        CATCH_UP_SLACK_SECONDS,
        listening.health,
        listening.services,
        known,
        listening.boards,
      ],
    );
    for (const row of rows ?? []) {
      const before = this.sent.get(row.id);
      this.deliver(
        {
          ...row,
          previousShelterId: before && before.shelterId !== row.shelterId ? before.shelterId : null,
        },
        send,
      );
    }
    this.since = at;
  }

  /** Sends a change unless this instance already sent it (or a newer version). */
  private deliver(signal: ReferralSignal, send: StaffSend): void {
    const before = this.sent.get(signal.id);
    const said = saidOf(signal);
    if (
      before &&
      (before.version > signal.version ||
        (before.version === signal.version && before.said === said))
    ) {
      return;
    }
    this.sent.set(signal.id, {
      version: signal.version,
      shelterId: signal.shelterId,
      said,
      at: Date.now(),
    });
    for (const { to, notice } of messagesOf(signal)) {
      send(to, 'referral', notice);
    }
    for (const { to, notice } of escortMessagesOf(signal)) {
      send(to, 'escort', notice);
    }
  }
}
