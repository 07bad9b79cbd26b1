import { AuditOutcome, AuditService } from '@albergue/audit';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@albergue/common';
import { ResidentMerges } from './resident-merges.js';
import { ResidentSealer } from './resident-sealer.js';
import { Resident } from './resident.entity.js';
import type { PossibleDuplicate } from './resident.views.js';
import { Role } from '@albergue/common';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';
import { SEALED_COLUMNS } from './sealed-columns.js';

const MATCHES = ['name', 'folio', 'passport', 'curp', 'tvrh'] as const;
/** A name that shares parts with another's (NameSearchService's blind index). */
const NAME_PARTS = 'name-parts';
const NAME_PARTS_YEARS = 2;
/** At most this many pairs a query: a page of work for a coordinator, not a copy of the register. */
const MAX_PAIRS = 200;
/**
 * Two names are alike when they share two name parts, or two sounds: a token and its own sound are
 * one part, not two ("María López" and "María Pérez" share one part).
 */
const ALIKE = `count(*) FILTER (WHERE a.kind = 'TOKEN') >= 2 OR count(*) FILTER (WHERE a.kind = 'PHONETIC') >= 2`;

/**
 * One person registered at two shelters, found through the keyed hashes (name with birth year,
 * folio, documents) and the names' blind index (parts of the name in common: `name-parts`). A pair is shown only to someone who works in both shelters, and merged by a
 * coordinator of both.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
    private readonly audit: AuditService,
    private readonly merges: ResidentMerges,
  ) {}

  async find(caller: Caller, shelterId: string): Promise<PossibleDuplicate[]> {
    const elsewhere = [...caller.actor.memberships.entries()]
      .filter(
        ([id, role]) => id !== shelterId && (role === Role.COORDINATOR || role === Role.VOLUNTEER),
      )
      .map(([id]) => id);
    if (elsewhere.length === 0) {
      return [];
    }
    const rows = await this.dataSource.query<
      { resident_id: string; other_id: string; other_shelter: string; matched: string[] }[]
    >(
      `SELECT r.id AS resident_id, o.id AS other_id, o.current_shelter_id AS other_shelter,
              array_remove(ARRAY[${MATCHES.map((m) => `CASE WHEN r.${m}_hash = o.${m}_hash THEN '${m}' END`).join(', ')}], NULL) AS matched
         FROM resident r
         JOIN resident o ON o.id <> r.id AND o.current_shelter_id = ANY($2)
          AND (${MATCHES.map((m) => `r.${m}_hash = o.${m}_hash`).join(' OR ')})
        WHERE r.current_shelter_id = $1 AND r.anonymised_at IS NULL AND o.anonymised_at IS NULL
        ORDER BY r.id, o.id
        LIMIT $3`,
      [shelterId, elsewhere, MAX_PAIRS],
    );
    // Names that share parts (two tokens, or two sounds) through the blind index,
    // born within two years of each other when both years are known.
    const alike = await this.dataSource.query<
      { resident_id: string; other_id: string; other_shelter: string }[]
    >(
      `SELECT r.id AS resident_id, o.id AS other_id, o.current_shelter_id AS other_shelter
         FROM resident r
         JOIN resident_name_index a ON a.resident_id = r.id
         JOIN resident_name_index b ON b.hmac = a.hmac AND b.resident_id <> r.id
         JOIN resident o ON o.id = b.resident_id AND o.current_shelter_id = ANY($2)
        WHERE r.current_shelter_id = $1 AND r.anonymised_at IS NULL AND o.anonymised_at IS NULL
          AND (r.birth_year IS NULL OR o.birth_year IS NULL OR abs(r.birth_year - o.birth_year) <= $3)
        GROUP BY r.id, o.id
       HAVING ${ALIKE}
        ORDER BY r.id, o.id
        LIMIT $4`,
      [shelterId, elsewhere, NAME_PARTS_YEARS, MAX_PAIRS],
    );
    const pairs = new Map(
      rows.map((row) => [
        `${row.resident_id} ${row.other_id}`,
        {
          residentId: row.resident_id,
          otherResidentId: row.other_id,
          otherShelterId: row.other_shelter,
          matchedOn: row.matched,
        },
      ]),
    );
    for (const row of alike) {
      const key = `${row.resident_id} ${row.other_id}`;
      const pair = pairs.get(key) ?? {
        residentId: row.resident_id,
        otherResidentId: row.other_id,
        otherShelterId: row.other_shelter,
        matchedOn: [],
      };
      pair.matchedOn = [...pair.matchedOn, NAME_PARTS];
      pairs.set(key, pair);
    }
    return [...pairs.values()]
      .sort(
        (a, b) =>
          a.residentId.localeCompare(b.residentId) ||
          a.otherResidentId.localeCompare(b.otherResidentId),
      )
      .slice(0, MAX_PAIRS);
  }

  /**
   * Whether two records are alike by name as possibleDuplicates lists them: two tokens or two
   * sounds in common in the blind index, born within NAME_PARTS_YEARS when both years are known.
   */
  private async namesAlike(manager: EntityManager, a: Resident, b: Resident): Promise<boolean> {
    if (
      a.birthYear !== null &&
      b.birthYear !== null &&
      Math.abs(a.birthYear - b.birthYear) > NAME_PARTS_YEARS
    ) {
      return false;
    }
    const [row] = await manager.query<{ alike: boolean }[]>(
      `SELECT coalesce(bool_or(alike), false) AS alike FROM (
         SELECT ${ALIKE} AS alike FROM resident_name_index a
           JOIN resident_name_index b ON b.hmac = a.hmac AND b.resident_id = $2
          WHERE a.resident_id = $1) shared`,
      [a.id, b.id],
    );
    return row.alike;
  }

  /**
   * Keeps one record: what only the other had is carried over (re-sealed for its new row), its
   * history and appointments move (and, through ResidentMerges, what other libs keep about the
   * person), and the other record is deleted, so counts do not double.
   */
  async merge(caller: Caller, keepId: string, mergeId: string): Promise<string> {
    await this.dataSource.transaction(async (manager) => {
      // One after the other (a transaction's connection runs one query at a time), in id order,
      // so that two merges of the same pair taken the other way round wait instead of deadlocking.
      const locked = new Map<string, Resident | null>();
      for (const id of [keepId, mergeId].sort()) {
        locked.set(
          id,
          await manager.findOne(Resident, { where: { id }, lock: { mode: 'pessimistic_write' } }),
        );
      }
      const [keep, other] = [locked.get(keepId) ?? null, locked.get(mergeId) ?? null];
      if (
        !keep ||
        !other ||
        keep.id === other.id ||
        (!MATCHES.some((m) => keep[`${m}Hash`] && keep[`${m}Hash`] === other[`${m}Hash`]) &&
          !(await this.namesAlike(manager, keep, other)))
      ) {
        throw new ResidentsException(
          'These two records do not match.',
          ResidentsExceptionCode.NOT_DUPLICATES,
          ['mergeId'],
        );
      }
      // The name stays the kept record's: it matched, or the coordinator chose this record.
      for (const { column, field, lookup } of SEALED_COLUMNS.filter(
        (c) => c.field !== 'resident.name',
      )) {
        if (!keep[column] && other[column]) {
          const plain = this.sealer.open(field, other.id, other[column] as string);
          Object.assign(keep, { [column]: this.sealer.seal(field, keep.id, plain) });
          if (lookup) {
            Object.assign(keep, { [lookup.hashColumn]: other[lookup.hashColumn] });
          }
        }
      }
      keep.vulnerabilities = [...new Set([...keep.vulnerabilities, ...other.vulnerabilities])];
      await manager.save(keep);
      // History reasons are bound to their own row, so they move as they are.
      await manager.query('UPDATE resident_event SET resident_id = $1 WHERE resident_id = $2', [
        keep.id,
        other.id,
      ]);
      await manager.query('UPDATE appointment SET resident_id = $1 WHERE resident_id = $2', [
        keep.id,
        other.id,
      ]);
      await manager.query('UPDATE resident SET guardian_id = $1 WHERE guardian_id = $2', [
        keep.id,
        other.id,
      ]);
      await manager.query('UPDATE household SET head_id = NULL WHERE head_id = $1', [other.id]);
      // Libs keeping records about the person (referrals) carry theirs over too; the kept
      // record's shelter is where the person is only while its case is open (a closed case
      // stays on the last shelter the person left).
      await this.merges.merged(
        manager,
        keep.id,
        other.id,
        keep.caseClosedAt === null ? keep.currentShelterId : null,
        caller.actor.userId,
      );
      await manager.delete(Resident, { id: other.id }).catch((error: unknown) => {
        // Beds and stays on record point to the record (the occupancy history keeps them).
        if ((error as { code?: string }).code === '23503') {
          throw new ResidentsException(
            'The record to merge away has beds on record: merge the other way round, or keep both.',
            ResidentsExceptionCode.NOT_DUPLICATES,
            ['mergeId'],
          );
        }
        throw error;
      });
      await this.audit.record(
        {
          action: 'resident.merge',
          outcome: AuditOutcome.SUCCEEDED,
          actorId: caller.actor.userId,
          targetType: 'resident',
          targetId: keep.id,
          shelterId: keep.currentShelterId,
          detail: `merged ${other.id} of shelter ${other.currentShelterId}`,
          ip: caller.ip,
          requestId: caller.requestId,
        },
        manager,
      );
    });
    return keepId;
  }
}
