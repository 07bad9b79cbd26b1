import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Caller, IdempotencyService, Role } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import type { GrantFieldVisitInput } from './dto/field-visit.input.js';
import type { FieldVisit } from './field-visit.view.js';
import { normaliseEmail } from './login.service.js';
import { SessionsService } from './sessions.service.js';

interface VisitRow {
  user_id: string;
  display_name: string;
  email: string;
  shelter_id: string;
  expires_at: Date;
  current: boolean;
  created_at: Date;
}

function visitOf(row: VisitRow): FieldVisit {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    email: row.email,
    shelterId: row.shelter_id,
    until: row.expires_at,
    current: row.current,
    grantedAt: row.created_at,
  };
}

/**
 * Field visits: a mobile health team member gets a HEALTH_WORKER membership in a shelter they
 * visit, with an end (`expiresAt`) at most FIELD_VISIT_MAX ahead. Past its end the membership
 * grants nothing: the session query ignores it on the next request, and the staff socket's
 * periodic re-check (STAFF_CHECK) takes the shelter's rooms away. A standing membership is
 * never turned into a visit (that would end someone's role by itself).
 */
@Injectable()
export class FieldVisitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async grant(input: GrantFieldVisitInput, caller: Caller): Promise<FieldVisit> {
    const until = input.until;
    const now = Date.now();
    if (until.getTime() <= now || until.getTime() > now + this.options.fieldVisitMaxMs) {
      throw new AuthException(
        `A field visit ends in the future and at most ${Math.round(this.options.fieldVisitMaxMs / 86_400_000)} days ahead (FIELD_VISIT_MAX).`,
        AuthExceptionCode.FIELD_VISIT_UNTIL,
        ['input.until'],
      );
    }
    const email = normaliseEmail(input.email);
    const { id } = await this.idempotency.run(
      'grantFieldVisit',
      { ...input, email, until: until.toISOString() },
      async (manager) => {
        const [user] = await manager.query<{ id: string; network_role: string | null }[]>(
          'SELECT id, network_role FROM app_user WHERE email = $1 AND active',
          [email],
        );
        if (!user) {
          throw new AuthException(
            'No active account has this email: an admin makes the visitor’s account first.',
            AuthExceptionCode.USER_NOT_FOUND,
            ['input.email'],
          );
        }
        // Network roles see the network's aggregates, never a person: a visit would hand one a
        // health worker's reading of referrals' reasons through a shelter's coordinator.
        if (user.network_role !== null) {
          throw new AuthException(
            'This account has a network role (aggregates only); a field visit is for a health team member’s own account.',
            AuthExceptionCode.FIELD_VISIT_NETWORK_ROLE,
            ['input.email'],
          );
        }
        const [held] = await manager.query<{ role: string; expires_at: Date | null }[]>(
          `SELECT role, expires_at FROM membership WHERE user_id = $1 AND shelter_id = $2 FOR UPDATE`,
          [user.id, input.shelterId],
        );
        if (held && held.expires_at === null) {
          throw new AuthException(
            `This person holds a standing role here (${held.role}); a visit would end it by itself. Remove that role first, if that is what you mean.`,
            AuthExceptionCode.FIELD_VISIT_CONFLICT,
            ['input.email'],
          );
        }
        // A visit again (or longer): the same membership, its end moved.
        await manager.query(
          `INSERT INTO membership (user_id, shelter_id, role, expires_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (user_id, shelter_id)
           DO UPDATE SET role = EXCLUDED.role, expires_at = EXCLUDED.expires_at`,
          [user.id, input.shelterId, Role.HEALTH_WORKER, until],
        );
        // The generic mutation audit names the shelter; this row names the visitor, with the act.
        await this.audit.record(
          {
            action: 'fieldVisit.granted',
            outcome: AuditOutcome.SUCCEEDED,
            actorId: caller.actor.userId,
            targetType: 'user',
            targetId: user.id,
            shelterId: input.shelterId,
            detail: held ? 'visit extended' : 'visit granted',
            ip: caller.ip,
            requestId: caller.requestId,
          },
          manager,
        );
        await this.sessions.announceAccessChange(manager);
        return user.id;
      },
    );
    return (await this.visits(input.shelterId, id))[0];
  }

  /** Ends a visit now (a standing membership is not a visit: removeMembership is the admin's). */
  async end(userId: string, shelterId: string): Promise<FieldVisit> {
    return this.dataSource.transaction(async (manager) => {
      const [, ended] = await manager.query<[unknown, number]>(
        `UPDATE membership SET expires_at = least(expires_at, now())
          WHERE user_id = $1 AND shelter_id = $2 AND expires_at IS NOT NULL`,
        [userId, shelterId],
      );
      if (ended === 0) {
        throw new AuthException(
          'This person has no field visit in this shelter.',
          AuthExceptionCode.FIELD_VISIT_NOT_FOUND,
          ['userId'],
        );
      }
      await this.sessions.announceAccessChange(manager);
      return (await this.visits(shelterId, userId, manager))[0];
    });
  }

  /** The shelter's current visits, and those that ended within FIELD_VISIT_MAX; soonest end first. */
  visits(
    shelterId: string,
    userId: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FieldVisit[]> {
    return manager
      .query<VisitRow[]>(
        `SELECT m.user_id, u.display_name, u.email, m.shelter_id, m.expires_at,
                m.expires_at > now() AS current, m.created_at
           FROM membership m JOIN app_user u ON u.id = m.user_id
          WHERE m.shelter_id = $1 AND m.expires_at IS NOT NULL
            AND ($2::uuid IS NULL OR m.user_id = $2)
            AND ($2::uuid IS NOT NULL OR m.expires_at > now() - make_interval(secs => $3))
          ORDER BY m.expires_at DESC, u.display_name`,
        [shelterId, userId, this.options.fieldVisitMaxMs / 1000],
      )
      .then((rows) => rows.map(visitOf));
  }
}
