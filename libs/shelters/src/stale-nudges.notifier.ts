import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import type { StaleSoonNotice } from '@albergue/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';
import {
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  StaffNotifiers,
} from './staff-notifiers.js';

const STALE_NUDGES: ClusterJob = { name: 'stale-nudges', everyMs: 60_000 };

/** Serialises recordings, whoever calls them, so that nudge ids commit in the order they are given. */
const RECORDING_LOCK = 'albergue:stale-nudges';

interface NudgeRow {
  id: string;
  shelterId: string;
  confirmedAt: Date;
  staleAt: Date;
}

const noticeOf = (row: NudgeRow): StaleSoonNotice => ({
  shelterId: row.shelterId,
  confirmedAt: row.confirmedAt.toISOString(),
  staleAt: row.staleAt.toISOString(),
});

/**
 * `figuresTurningStale`: a shelter's figures turn stale (UNKNOWN on the map) within
 * STALE_NUDGE_BEFORE unless someone reports or confirms them; its volunteers and coordinators are
 * told once per shelter and stale period, however many instances run.
 *
 * Two halves. Recording is the cluster's, once: a job (ClusterJobs, every minute) writes one
 * `stale_nudge` row per shelter and period, the period named by the confirmation it follows, so a
 * second recording of the same period (another instance, a retry) inserts nothing, and a fresh
 * report or confirmation opens a new period. Delivering is each instance's, to its own sockets:
 * every STAFF_CHECK it sends the rows recorded since the last id it delivered, still current (no
 * confirmation since). A staff socket is connected to one instance, so it is told once. Ids can
 * serve as the cursor because recordings hold a transaction lock: ids commit in order, and
 * a row cannot appear later below an id already delivered. A socket that connects during a
 * period is told of its shelters' current nudges that this instance already delivered; later ones
 * reach it with everyone's.
 */
@Injectable()
export class StaleNudgesNotifier implements StaffNotifier {
  readonly name = 'stale nudges';
  /** The last nudge id this instance delivered (or found when it first looked): its cursor. */
  private delivered: Promise<string> | null = null;

  constructor(
    notifiers: StaffNotifiers,
    private readonly dataSource: DataSource,
    private readonly jobs: ClusterJobs,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {
    notifiers.register(this);
  }

  @Interval(STALE_NUDGES.name, STALE_NUDGES.everyMs)
  recordJob(): Promise<JobOutcome> {
    return this.jobs.once(STALE_NUDGES, () => this.record());
  }

  /**
   * Records the nudge of every shelter whose figures turn stale within STALE_NUDGE_BEFORE and are
   * not stale yet; closed shelters are left out (the map shows them CLOSED, not UNKNOWN). Returns
   * how many were new. Forgets nudges whose figures went stale a day ago: no hook reads them again,
   * and ids are never reused, so no cursor goes back.
   */
  async record(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [RECORDING_LOCK]);
      await manager.query(`DELETE FROM stale_nudge WHERE stale_at < now() - interval '1 day'`);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO stale_nudge (shelter_id, confirmed_at, stale_at)
         SELECT s.id, s.availability_confirmed_at,
                s.availability_confirmed_at + make_interval(secs => $1)
           FROM shelter s
          WHERE s.availability_confirmed_at IS NOT NULL
            AND s.status NOT IN ('closed', 'temporarily_closed')
            AND s.availability_confirmed_at + make_interval(secs => $1) > now()
            AND s.availability_confirmed_at + make_interval(secs => $1 - $2) <= now()
          ORDER BY s.id
         ON CONFLICT (shelter_id, confirmed_at) DO NOTHING
         RETURNING id`,
        [this.options.staleAfterMs / 1000, this.options.staleNudgeBeforeMs / 1000],
      );
      return inserted.length;
    });
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    if (socket.boards.length === 0) {
      return;
    }
    const cursor = await this.cursor();
    for (const row of await this.current('n.id <= $1 AND n.shelter_id = ANY($2::uuid[])', [
      cursor,
      socket.boards,
    ])) {
      reply('figuresTurningStale', noticeOf(row));
    }
  }

  async onCheck({ listening, send }: StaffCheck): Promise<void> {
    const cursor = await this.cursor();
    const rows = await this.current('n.id > $1', [cursor]);
    if (rows.length === 0) {
      return;
    }
    // Only this hook moves the cursor, and a STAFF_CHECK waits for the last one to end.
    this.delivered = Promise.resolve(rows[rows.length - 1].id);
    const boards = new Set(listening.boards);
    for (const row of rows) {
      if (boards.has(row.shelterId)) {
        send({ board: row.shelterId }, 'figuresTurningStale', noticeOf(row));
      }
    }
  }

  /** This instance's cursor; at first, the newest nudge recorded before it looked. */
  private cursor(): Promise<string> {
    if (!this.delivered) {
      const first = this.dataSource
        .query<{ id: string }[]>('SELECT coalesce(max(id), 0)::text AS id FROM stale_nudge')
        .then(([row]) => row.id);
      // A failed first read is tried again at the next hook rather than kept.
      first.catch(() => (this.delivered = null));
      this.delivered = first;
    }
    return this.delivered;
  }

  /** Nudges still current (no report or confirmation since, not stale yet), by id. */
  private current(where: string, params: unknown[]): Promise<NudgeRow[]> {
    return this.dataSource.query<NudgeRow[]>(
      `SELECT n.id::text AS id, n.shelter_id AS "shelterId", n.confirmed_at AS "confirmedAt",
              n.stale_at AS "staleAt"
         FROM stale_nudge n
         JOIN shelter s ON s.id = n.shelter_id AND s.availability_confirmed_at = n.confirmed_at
        WHERE ${where} AND n.stale_at > now()
        ORDER BY n.id`,
      params,
    );
  }
}
