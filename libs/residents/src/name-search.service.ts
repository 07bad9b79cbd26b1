import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Caller, Role } from '@albergue/common';
import { insertIndexRows } from '@albergue/vault';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ResidentAccess } from './resident-access.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import { Resident } from './resident.entity.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';
import type { ResidentMatch } from './name-search.views.js';
import { NAME_INDEX } from './sealed-columns.js';

export interface NameQuery {
  /** The shelter the search is made from (the guard's), for the audit row. */
  shelterId?: string;
  name: string;
  birthYearFrom?: number | null;
  birthYearTo?: number | null;
  first: number;
  offset: number;
}

/** A resident found by name, before their record is opened. */
interface Hit {
  id: string;
  exact: number;
  sounds: number;
  birthYear: number | null;
}

/** How far apart two birth years may be for a registration to count as a likely duplicate. */
const LIKELY_YEARS = 2;
const BACKFILL_BATCH = 500;

/**
 * Finding people by the parts of their name (resident_name_index, a blind index: keyed hashes
 * of each token and its sound), among the residents the caller may read, ranked: more tokens
 * matched exactly first, then more matched by sound, then birth-year closeness. Keeps the index
 * in step with names (registration), and indexes at start the residents registered before it.
 */
@Injectable()
export class NameSearchService implements OnApplicationBootstrap {
  private readonly logger = new Logger(NameSearchService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
    private readonly access: ResidentAccess,
    private readonly views: ResidentViewMapper,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the index rows of these residents' names, in the caller's transaction. */
  async index(manager: EntityManager, people: { id: string; name: string }[]): Promise<void> {
    if (people.length === 0) {
      return;
    }
    await manager.query('DELETE FROM resident_name_index WHERE resident_id = ANY($1)', [
      people.map((person) => person.id),
    ]);
    await insertIndexRows(
      manager,
      NAME_INDEX,
      people.flatMap(({ id, name }) =>
        this.sealer.nameIndex(name).map((row) => ({ ...row, resident_id: id })),
      ),
    );
  }

  /**
   * The search itself: each record opened through its own scope, and each read audited; and one
   * audit row for the search (so that searches that open nothing are seen too).
   */
  async search(
    caller: Caller,
    query: NameQuery,
    purpose = 'name-search',
  ): Promise<ResidentMatch[]> {
    checkYears(query);
    const hits = await this.hits(this.dataSource.manager, caller, query);
    const found = await this.open(caller, hits, purpose);
    await this.recordSearch(caller, query.shelterId, purpose, found.length);
    return found;
  }

  /**
   * Who a new registration may duplicate: residents the caller may read whose name shares at
   * least two tokens or sounds with it (all of them, for a name of one token), born within two
   * years of it when both years are known.
   */
  async likely(
    manager: EntityManager,
    caller: Caller,
    name: string,
    birthYear: number | null | undefined,
  ): Promise<Hit[]> {
    const rows = this.sealer.nameIndex(name);
    const tokens = rows.filter((row) => row.kind === 'TOKEN').length;
    const sounds = rows.length - tokens;
    if (rows.length === 0) {
      return [];
    }
    const hits = await this.hits(manager, caller, {
      name,
      birthYearFrom: birthYear == null ? null : birthYear - LIKELY_YEARS,
      birthYearTo: birthYear == null ? null : birthYear + LIKELY_YEARS,
      unknownYears: true,
      first: 10,
      offset: 0,
    });
    return hits.filter(
      (hit) =>
        hit.exact >= Math.min(2, tokens) || (sounds > 0 && hit.sounds >= Math.min(2, sounds)),
    );
  }

  async likelyMatches(
    caller: Caller,
    name: string,
    birthYear: number | null | undefined,
    shelterId?: string,
  ): Promise<ResidentMatch[]> {
    const hits = await this.likely(this.dataSource.manager, caller, name, birthYear);
    const found = await this.open(caller, hits, 'register-check');
    await this.recordSearch(caller, shelterId, 'register-check', found.length);
    return found;
  }

  /** One row per search: who, from which shelter, why, how many found; never the terms. */
  private recordSearch(
    caller: Caller,
    shelterId: string | undefined,
    purpose: string,
    results: number,
  ): Promise<void> {
    return this.audit.record({
      action: 'resident.search',
      outcome: AuditOutcome.SUCCEEDED,
      actorId: caller.actor.userId,
      shelterId: shelterId ?? null,
      detail: `${purpose} results:${results}`,
      ip: caller.ip,
      requestId: caller.requestId,
    });
  }

  private async hits(
    manager: EntityManager,
    caller: Caller,
    query: NameQuery & { unknownYears?: boolean },
  ): Promise<Hit[]> {
    const rows = this.sealer.nameIndex(query.name);
    if (rows.length === 0) {
      throw new ResidentsException(
        'Give at least one part of the name with two letters or more.',
        ResidentsExceptionCode.NAME_UNSEARCHABLE,
        ['name'],
      );
    }
    const shelters = staffShelters(caller);
    if (shelters.length === 0) {
      return [];
    }
    const { birthYearFrom: from = null, birthYearTo: to = null } = query;
    const target = from !== null && to !== null ? (from + to) / 2 : (from ?? to);
    const found = await manager.query<
      { id: string; exact: number; sounds: number; birth_year: number | null }[]
    >(
      // Scope and years filter the index rows' residents before they are counted and ranked.
      `SELECT r.id, r.birth_year,
              count(*) FILTER (WHERE i.kind = 'TOKEN')::int AS exact,
              count(*) FILTER (WHERE i.kind = 'PHONETIC')::int AS sounds
         FROM resident_name_index i JOIN resident r ON r.id = i.resident_id
        WHERE i.hmac = ANY($1) AND r.anonymised_at IS NULL
          AND (r.current_shelter_id = ANY($2) OR (r.previous_shelter_id = ANY($2)
               AND r.left_previous_at > now() - make_interval(secs => $3)))
          AND (($4::int IS NULL OR r.birth_year >= $4) AND ($5::int IS NULL OR r.birth_year <= $5)
               OR ($9 AND r.birth_year IS NULL))
        GROUP BY r.id
        ORDER BY exact DESC, sounds DESC, abs(r.birth_year - $6::numeric) NULLS LAST, r.id
        LIMIT $7 OFFSET $8`,
      [
        rows.map((row) => row.hmac),
        shelters,
        this.access.windowSeconds,
        from,
        to,
        target,
        query.first,
        query.offset,
        query.unknownYears === true,
      ],
    );
    return found.map((row) => ({
      id: row.id,
      exact: row.exact,
      sounds: row.sounds,
      birthYear: row.birth_year,
    }));
  }

  /** Opens the records found, in rank order, each through ResidentAccess, and audits the reads. */
  private async open(caller: Caller, hits: Hit[], purpose: string): Promise<ResidentMatch[]> {
    if (hits.length === 0) {
      return [];
    }
    const residents = new Map(
      (await this.dataSource.getRepository(Resident).findBy({ id: In(hits.map((h) => h.id)) })).map(
        (resident) => [resident.id, resident],
      ),
    );
    const roles = await this.access.readRoles(
      caller.actor,
      hits.map((hit) => hit.id),
    );
    const visible = hits.filter((hit) => roles.get(hit.id) && residents.has(hit.id));
    await this.access.recordReads(
      caller,
      visible.map((hit) => residents.get(hit.id)!),
      purpose,
    );
    return visible.map((hit) => ({
      resident: this.views.resident(residents.get(hit.id)!, roles.get(hit.id)!),
      matchedTokens: hit.exact,
      matchedSounds: hit.sounds,
    }));
  }

  /**
   * Indexes the residents whose name has no index row yet: those registered before the index
   * existed. At start, because only the running app holds the key; every instance may run it
   * (rows are keyed by hash and resident, so a second writer adds nothing). A name with no
   * searchable token (only initials) is looked at again at each start, cheaply.
   */
  async onApplicationBootstrap(): Promise<void> {
    const indexed = await this.backfill();
    if (indexed > 0) {
      this.logger.log(`indexed the names of ${indexed} residents registered before name search`);
    }
  }

  async backfill(): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const batch = await this.dataSource.query<{ id: string; name_sealed: string }[]>(
        `SELECT r.id, r.name_sealed FROM resident r
          WHERE r.id > $1 AND r.name_sealed IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM resident_name_index i WHERE i.resident_id = r.id)
          ORDER BY r.id LIMIT $2`,
        [after, BACKFILL_BATCH],
      );
      if (batch.length === 0) {
        return total;
      }
      await this.dataSource.transaction((manager) =>
        this.index(
          manager,
          batch.map((row) => ({
            id: row.id,
            name: this.sealer.open('resident.name', row.id, row.name_sealed) ?? '',
          })),
        ),
      );
      total += batch.length;
      after = batch[batch.length - 1].id;
    }
  }
}

/** The shelters whose residents a caller may read: where they are a volunteer or coordinator. */
function staffShelters(caller: Caller): string[] {
  return [...caller.actor.memberships.entries()]
    .filter(([, role]) => role === Role.COORDINATOR || role === Role.VOLUNTEER)
    .map(([id]) => id);
}

function checkYears({
  birthYearFrom,
  birthYearTo,
}: Pick<NameQuery, 'birthYearFrom' | 'birthYearTo'>) {
  if (birthYearFrom != null && birthYearTo != null && birthYearFrom > birthYearTo) {
    throw new ResidentsException(
      'birthYearFrom must not be after birthYearTo.',
      ResidentsExceptionCode.BIRTH_YEARS_REVERSED,
      ['birthYearFrom'],
    );
  }
}
