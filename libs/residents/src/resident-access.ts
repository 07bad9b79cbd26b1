import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Actor, type GraphQLContext, Role, type ShelterRole } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Resident } from './resident.entity.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';

/** Who reads or changes resident data, for scoping and for the audit log. */
export interface Caller {
  actor: Actor;
  ip: string;
  requestId: string;
}

export function callerOf(context: GraphQLContext): Caller {
  return { actor: context.req.actor!, ip: context.req.ip, requestId: context.req.id };
}

const RANK: ShelterRole[] = [Role.HEALTH_WORKER, Role.VOLUNTEER, Role.COORDINATOR];

/**
 * A resident is visible to the staff of their current shelter and, for PREVIOUS_SHELTER_ACCESS
 * after they left, of the shelter they left; never to network roles (they get aggregates).
 * Every read of a resident's data leaves one audit row per resident: ids and purpose only.
 */
@Injectable()
export class ResidentAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(RESIDENTS_OPTIONS) private readonly options: ResidentsOptions,
  ) {}

  get windowSeconds(): number {
    return this.options.previousShelterAccessMs / 1000;
  }

  /** SQL condition: resident `r` is visible from the shelter in parameter `$n`. */
  visibleFrom(param: string): string {
    return `(r.current_shelter_id = ${param} OR (r.previous_shelter_id = ${param}
      AND r.left_previous_at > now() - make_interval(secs => ${this.windowSeconds})))`;
  }

  async sheltersOf(residentId: string): Promise<string[]> {
    const [row] = await this.dataSource.query<
      { current: string; previous: string | null; recent: boolean }[]
    >(
      `SELECT current_shelter_id AS current, previous_shelter_id AS previous,
              coalesce(left_previous_at > now() - make_interval(secs => $2), false) AS recent
         FROM resident WHERE id = $1`,
      [residentId, this.windowSeconds],
    );
    if (!row) {
      return [];
    }
    return row.previous && row.recent ? [row.current, row.previous] : [row.current];
  }

  /** The strongest role the caller holds where the resident is visible. */
  roleFor(
    actor: Actor,
    resident: Pick<Resident, 'currentShelterId' | 'previousShelterId' | 'leftPreviousAt'>,
  ): ShelterRole {
    const recent =
      resident.leftPreviousAt !== null &&
      Date.now() - resident.leftPreviousAt.getTime() < this.options.previousShelterAccessMs;
    const shelters = [
      resident.currentShelterId,
      ...(recent && resident.previousShelterId ? [resident.previousShelterId] : []),
    ];
    const roles = shelters
      .map((id) => actor.memberships.get(id))
      .filter((role): role is ShelterRole => role !== undefined);
    return roles.sort((a, b) => RANK.indexOf(b) - RANK.indexOf(a))[0] ?? Role.HEALTH_WORKER;
  }

  async recordReads(
    caller: Caller,
    residents: Pick<Resident, 'id' | 'currentShelterId'>[],
    purpose: string,
  ): Promise<void> {
    await this.audit.recordMany(
      residents.map((resident) => ({
        action: 'resident.read',
        outcome: AuditOutcome.SUCCEEDED,
        actorId: caller.actor.userId,
        targetType: 'resident',
        targetId: resident.id,
        shelterId: resident.currentShelterId,
        detail: purpose,
        ip: caller.ip,
        requestId: caller.requestId,
      })),
    );
  }
}
