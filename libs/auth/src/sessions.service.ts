import {
  type Actor,
  type ClusterJob,
  ClusterJobs,
  type JobOutcome,
  type NetworkRole,
  type ShelterRole,
} from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { newToken, readSessionCookie, tokenHash } from './session-cookie.js';
import { type SecondFactorPending, Session } from './session.entity.js';

/** `pending`: a live session that still owes a second-factor step (actor.pendingStep says which). */
export type SessionCheck =
  | { kind: 'anonymous' }
  | { kind: 'invalid' }
  | { kind: 'actor'; actor: Actor }
  | { kind: 'pending'; actor: Actor & { pendingStep: SecondFactorPending } };

interface SessionRow {
  token_hash: string;
  user_id: string;
  network_role: NetworkRole | null;
  second_factor_step: SecondFactorPending | null;
  touch: boolean;
  memberships: { shelterId: string; role: ShelterRole }[];
  services: string[];
}

/** The PostgreSQL notification channel for "someone's access changed": re-check open connections. */
export const ACCESS_CHANNEL = 'albergue_access';

function actorOf(row: SessionRow): Actor {
  return {
    userId: row.user_id,
    sessionId: row.token_hash,
    networkRole: row.network_role,
    memberships: new Map(row.memberships.map((m) => [m.shelterId, m.role])),
    services: new Set(row.services),
    ...(row.second_factor_step ? { pendingStep: row.second_factor_step } : {}),
  };
}

/** lastSeenAt is written at most this often, so that a busy console does not write on every request. */
const TOUCH_EVERY_SECONDS = 60;

const SESSION_PURGE: ClusterJob = { name: 'session-purge', everyMs: 600_000 };

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly jobs: ClusterJobs,
  ) {}

  /** Deletes ended sessions every ten minutes, once per cluster. */
  @Interval(SESSION_PURGE.name, SESSION_PURGE.everyMs)
  purgeJob(): Promise<JobOutcome> {
    return this.jobs.once(SESSION_PURGE, () => this.purgeExpired());
  }

  /** A new session; with `secondFactorStep`, one that can only finish that step until it does. */
  async create(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    secondFactorStep: SecondFactorPending | null = null,
  ): Promise<string> {
    const token = newToken();
    const now = Date.now();
    await manager.insert(Session, {
      tokenHash: tokenHash(token),
      userId,
      secondFactorStep,
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + this.options.sessionMaxMs),
    });
    return token;
  }

  /**
   * The one session check, for GraphQL, HTTP routes and socket handshakes: the Cookie
   * header in, who is acting out. A session that ended (logout, "end all sessions", idle or
   * absolute timeout, account deactivated) fails on the very next request.
   */
  async authenticate(cookieHeader: string | string[] | undefined): Promise<SessionCheck> {
    const cookie = readSessionCookie(cookieHeader);
    if (cookie.kind === 'none') {
      return { kind: 'anonymous' };
    }
    if (cookie.kind === 'malformed') {
      return { kind: 'invalid' };
    }
    const [row] = await this.liveSessions('s.token_hash = $1', [tokenHash(cookie.token)]);
    if (!row) {
      return { kind: 'invalid' };
    }
    if (row.touch) {
      await this.dataSource.query('UPDATE session SET last_seen_at = now() WHERE token_hash = $1', [
        row.token_hash,
      ]);
    }
    const actor = actorOf(row);
    return actor.pendingStep
      ? { kind: 'pending', actor: { ...actor, pendingStep: actor.pendingStep } }
      : { kind: 'actor', actor };
  }

  /** The session has done its second-factor step: from now on it acts as signed in. */
  async completeSecondFactor(
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `UPDATE session SET second_factor_step = NULL, second_factor_verified_at = now()
        WHERE token_hash = $1`,
      [sessionId],
    );
  }

  /**
   * Who is behind each of these sessions now, for the sessions that are still live; used to
   * re-check long-lived connections (staff sockets) in one query. Unlike authenticate it does not
   * count as activity: an open screen does not keep an idle session alive.
   */
  async actorsOf(sessionIds: string[]): Promise<Map<string, Actor>> {
    if (sessionIds.length === 0) {
      return new Map();
    }
    const rows = await this.liveSessions('s.token_hash = ANY($1)', [sessionIds]);
    // A session mid second factor is not signed in: long-lived connections never hold one.
    return new Map(
      rows.filter((row) => !row.second_factor_step).map((row) => [row.token_hash, actorOf(row)]),
    );
  }

  /**
   * Tells every API instance, when (and only if) the caller's transaction commits, that someone's
   * access changed (a session ended, an account or membership changed), so that long-lived
   * connections are re-checked at once rather than at the next periodic check.
   */
  async announceAccessChange(manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query("SELECT pg_notify($1, '')", [ACCESS_CHANNEL]);
  }

  private liveSessions(where: string, params: unknown[]): Promise<SessionRow[]> {
    return this.dataSource.query<SessionRow[]>(
      // A network role needs the second factor given by this very session, whatever else the
      // session says (a user given a network role mid-session, or whose other session enrolled):
      // a code when the account has a confirmed factor, enrolment when it has none.
      `SELECT s.token_hash, s.user_id, u.network_role,
              coalesce(s.second_factor_step, CASE
                WHEN u.network_role IS NOT NULL AND s.second_factor_verified_at IS NULL THEN
                  CASE WHEN EXISTS (
                    SELECT 1 FROM second_factor f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL
                  ) THEN 'verify' ELSE 'enrol' END
              END) AS second_factor_step,
              s.last_seen_at < now() - make_interval(secs => $3) AS touch,
              coalesce(json_agg(json_build_object('shelterId', m.shelter_id, 'role', m.role))
                FILTER (WHERE m.shelter_id IS NOT NULL), '[]') AS memberships,
              ARRAY(SELECT sm.service_id::text FROM service_membership sm
                     WHERE sm.user_id = u.id) AS services
         FROM session s
         JOIN app_user u ON u.id = s.user_id AND u.active
         -- A field visit's membership ends by itself: past its end it grants nothing.
         LEFT JOIN membership m ON m.user_id = u.id
                               AND (m.expires_at IS NULL OR m.expires_at > now())
        WHERE ${where} AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2)
        GROUP BY s.token_hash, u.id`,
      [...params, this.options.sessionIdleMs / 1000, TOUCH_EVERY_SECONDS],
    );
  }

  async end(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ tokenHash: sessionId });
    await this.announceAccessChange();
  }

  /** Ends every session of a user (all but one, when `keep` is given); returns how many ended. */
  async endAll(
    userId: string,
    keep?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager.query<[unknown, number]>(
      'DELETE FROM session WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)',
      [userId, keep ?? null],
    );
    await this.announceAccessChange(manager);
    return result[1];
  }

  /** Deletes sessions past their idle or absolute end. */
  async purgeExpired(): Promise<number> {
    const result = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM session WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $1)`,
      [this.options.sessionIdleMs / 1000],
    );
    return result[1];
  }
}
