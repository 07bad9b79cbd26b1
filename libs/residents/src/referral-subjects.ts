import type { Caller } from '@albergue/common';
import type { Population } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ResidentAccess } from './resident-access.js';
import { ResidentSealer } from './resident-sealer.js';
import type { AgeBracket } from './residents.enums.js';

/**
 * All the referrals lib learns of a resident it refers: who (an alias: the first word of the name
 * as recorded, what staff call the person), the age bracket, languages and group a clinic
 * needs, and where the person is now. Never the record itself: no document, no asylum case, no
 * note. Each read is audited as a resident read with its purpose.
 */
export interface ReferralSubject {
  id: string;
  alias: string | null;
  ageBracket: AgeBracket | null;
  languages: string[];
  population: Population;
  currentShelterId: string;
}

interface SubjectRow {
  id: string;
  name_sealed: string | null;
  age_bracket: AgeBracket | null;
  languages: string[];
  population: Population;
  current_shelter_id: string;
}

/** The first word of a name, or null (an anonymised record has none). */
export function aliasOf(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first : null;
}

/** The referrals lib's narrow door onto residents (the "referral subject" view). */
@Injectable()
export class ReferralSubjects {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ResidentSealer,
    private readonly access: ResidentAccess,
  ) {}

  /** The people staying at a shelter now, open cases only, for a referrer to choose from. */
  async at(caller: Caller, shelterId: string, purpose: string): Promise<ReferralSubject[]> {
    return this.read(
      caller,
      'r.current_shelter_id = $1 AND r.case_closed_at IS NULL',
      [shelterId],
      purpose,
    );
  }

  /**
   * One person, if they stay at `shelterId` now with their case open (the caller's scope on that
   * shelter is the referrals lib's to check). The shelter is checked in the query, before anything
   * is opened: someone elsewhere is neither read nor audited, only null.
   */
  async one(
    caller: Caller,
    residentId: string,
    shelterId: string,
    purpose: string,
  ): Promise<ReferralSubject | null> {
    const [subject] = await this.read(
      caller,
      'r.id = $1 AND r.current_shelter_id = $2 AND r.case_closed_at IS NULL',
      [residentId, shelterId],
      purpose,
    );
    return subject ?? null;
  }

  /** Whether the person was anonymised (erased): nothing more is written about them. */
  async erased(manager: EntityManager, residentId: string): Promise<boolean> {
    const [row] = await manager.query<{ anonymised: boolean }[]>(
      'SELECT anonymised_at IS NOT NULL AS anonymised FROM resident WHERE id = $1',
      [residentId],
    );
    return row?.anonymised ?? false;
  }

  private async read(
    caller: Caller,
    where: string,
    params: unknown[],
    purpose: string,
  ): Promise<ReferralSubject[]> {
    const rows = await this.dataSource.query<SubjectRow[]>(
      `SELECT r.id, r.name_sealed, r.age_bracket, r.languages, r.population, r.current_shelter_id
         FROM resident r
        WHERE ${where} AND r.anonymised_at IS NULL
        ORDER BY r.household_id, r.position`,
      params,
    );
    const subjects = rows.map((row) => ({
      id: row.id,
      alias: aliasOf(this.sealer.open('resident.name', row.id, row.name_sealed)),
      ageBracket: row.age_bracket,
      languages: row.languages,
      population: row.population,
      currentShelterId: row.current_shelter_id,
    }));
    await this.access.recordReads(
      caller,
      subjects.map((subject) => ({ id: subject.id, currentShelterId: subject.currentShelterId })),
      purpose,
    );
    return subjects;
  }
}
