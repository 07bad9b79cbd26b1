import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Actor, type Caller, Role, ScopeRegistry } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Resident } from './resident.entity.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';

/** The roles that read residents' records; health workers will see a narrow view of their own. */
export type ReadRole = Role.VOLUNTEER | Role.COORDINATOR;

/**
 * Two scopes, registered for the guard (residents.module) and used here for every read:
 * - `resident` (writes: change, close, override, export, erase): the shelter where the person is
 *   now, only;
 * - `resident.view` (reads): that shelter, the shelter they left for PREVIOUS_SHELTER_ACCESS
 *   (to hand over: history, appointments), and shelters other libs add (one expecting the
 *   person on a transfer).
 * Never network roles: they get aggregates. Every read of a resident's data leaves one audit
 * row per resident: ids and purpose only.
 */
@Injectable()
export class ResidentAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly scopes: ScopeRegistry,
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

  /**
   * The one check that opens a resident's record, for every path that reaches one (a resident,
   * a household's members, lists, searches, exports): the strongest staff role the caller holds
   * in a shelter of the resident's `resident.view` scope, the scope the guard of `resident(id)`
   * checks; null where that guard would refuse.
   */
  async readRoles(actor: Actor, residentIds: string[]): Promise<Map<string, ReadRole | null>> {
    const roles = await Promise.all(
      residentIds.map(async (id) => {
        const held = (await this.scopes.shelters('resident.view', id))
          .map((shelterId) => actor.memberships.get(shelterId))
          .filter((role) => role === Role.COORDINATOR || role === Role.VOLUNTEER);
        const strongest: ReadRole | null = held.includes(Role.COORDINATOR)
          ? Role.COORDINATOR
          : (held[0] ?? null);
        return [id, strongest] as const;
      }),
    );
    return new Map(roles);
  }

  /** readRoles for one resident whom the guard has let the caller read. */
  async readRole(actor: Actor, residentId: string): Promise<ReadRole> {
    const role = (await this.readRoles(actor, [residentId])).get(residentId);
    if (!role) {
      // The guard checked the same scope a moment ago: the person moved in between.
      throw new ResidentsException(
        'Your role does not allow this here.',
        ResidentsExceptionCode.NOT_VISIBLE,
      );
    }
    return role;
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
