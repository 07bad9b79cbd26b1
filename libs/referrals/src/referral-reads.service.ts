import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Caller, Role, ScopeRegistry, StaffDirectory } from '@albergue/common';
import { ReferralSubjects } from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReferralEvent } from './referral-event.entity.js';
import { ReferralSealer } from './referral-sealer.js';
import {
  accessOf,
  type Opener,
  type ReferralRecord,
  referralEventView,
  referralView,
} from './referral-view.mapper.js';
import { Referral } from './referral.entity.js';
import {
  OPEN_REASON,
  OPEN_SEX_AT_BIRTH,
  ReferralAccess,
  type ReferralEventView,
  type ReferralSubjectView,
  type ReferralView,
} from './referral.views.js';
import { ReferralState, type SexAtBirth } from './referrals.enums.js';
import { ReferralsException, ReferralsExceptionCode as Code } from './referrals.exception.js';

export interface ReferralFilter {
  states?: ReferralState[];
  first?: number;
}

/**
 * Reading referrals: one, a shelter's, a service's inbox, a history, whom to refer. Every view
 * comes from the view mapper by the caller's access; a reason or sex at birth is opened only when
 * asked for, and every such read leaves an audit row (ids and purpose).
 */
@Injectable()
export class ReferralReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ReferralSealer,
    private readonly subjects: ReferralSubjects,
    private readonly audit: AuditService,
    private readonly scopes: ScopeRegistry,
    private readonly directory: StaffDirectory,
  ) {}

  async get(caller: Caller, id: string, purpose: string, scope?: 'moved'): Promise<ReferralView> {
    const [record] = await this.records('r.id = $1', [id]);
    const healthShelters =
      record && scope === 'moved' ? await this.scopes.shelters('referral.moved', id) : undefined;
    const access = record ? accessOf(caller.actor, record, healthShelters) : null;
    if (!record || !access) {
      throw new ReferralsException('No such referral.', Code.REFERRAL_NOT_FOUND, ['id']);
    }
    return this.shape(caller, [[record, access]], purpose)[0];
  }

  /** The referrals a shelter follows; volunteers only those that need an escort. */
  async ofShelter(
    caller: Caller,
    shelterId: string,
    filter: ReferralFilter,
    purpose: string,
  ): Promise<ReferralView[]> {
    const volunteer = caller.actor.memberships.get(shelterId) === Role.VOLUNTEER;
    // Volunteers: only escorts still to come (sent, accepted, scheduled).
    const records = await this.records(
      `r.shelter_id = $1 AND ($2::referral_state[] IS NULL OR r.state = ANY($2))
       ${volunteer ? `AND r.needs_escort AND r.state IN ('sent', 'accepted', 'scheduled')` : ''}`,
      [shelterId, filter.states?.length ? filter.states : null],
      filter.first,
    );
    return this.shapeAll(caller, records, purpose);
  }

  /** A service's inbox. */
  async ofService(
    caller: Caller,
    serviceId: string,
    filter: ReferralFilter,
    purpose: string,
  ): Promise<ReferralView[]> {
    const records = await this.records(
      `r.service_id = $1 AND r.state <> 'draft'
       AND ($2::referral_state[] IS NULL OR r.state = ANY($2))`,
      [serviceId, filter.states?.length ? filter.states : null],
      filter.first,
    );
    return this.shapeAll(caller, records, purpose);
  }

  async history(caller: Caller, id: string): Promise<ReferralEventView[]> {
    const [record] = await this.records('r.id = $1', [id]);
    const access = record ? accessOf(caller.actor, record) : null;
    if (!record || !access || access === ReferralAccess.ESCORT) {
      throw new ReferralsException('No such referral.', Code.REFERRAL_NOT_FOUND, ['id']);
    }
    const events = await this.dataSource.getRepository(ReferralEvent).find({
      where: { referralId: id },
      order: { at: 'ASC', id: 'ASC' },
    });
    // Who did each step, by name, for the shelter's health workers; coordinators read states and
    // dates (a service's staff member's name would tell them the service).
    const names =
      access === ReferralAccess.HEALTH
        ? await this.directory.displayNames(events.flatMap((event) => event.byUserId ?? []))
        : new Map<string, string>();
    return events.map((event) =>
      referralEventView(
        event,
        access,
        this.opener(event.id),
        event.byUserId ? (names.get(event.byUserId) ?? null) : null,
      ),
    );
  }

  /** Whom a health worker may refer: the people staying at the shelter (residents' door). */
  async subjectsAt(caller: Caller, shelterId: string): Promise<ReferralSubjectView[]> {
    const subjects = await this.subjects.at(caller, shelterId, 'referral-choice');
    return subjects.map(({ id, alias, ageBracket, languages, population }) => ({
      id,
      alias,
      ageBracket,
      languages,
      population,
    }));
  }

  private async records(where: string, params: unknown[], first = 100): Promise<ReferralRecord[]> {
    const limit = Math.min(Math.max(first, 1), 500);
    const rows = await this.dataSource.query<{ id: string; service_name: string | null }[]>(
      `SELECT r.id, s.name AS service_name
         FROM referral r LEFT JOIN health_service s ON s.id = r.service_id
        WHERE ${where}
        ORDER BY r.created_at DESC, r.id
        LIMIT ${limit}`,
      params,
    );
    const entities = await this.dataSource
      .getRepository(Referral)
      .findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    return rows.flatMap((row) => {
      const entity = byId.get(row.id);
      return entity ? [{ ...entity, serviceName: row.service_name }] : [];
    });
  }

  private shapeAll(caller: Caller, records: ReferralRecord[], purpose: string) {
    return this.shape(
      caller,
      records
        .map((record) => [record, accessOf(caller.actor, record)] as const)
        .filter((pair): pair is [ReferralRecord, ReferralAccess] => pair[1] !== null),
      purpose,
    );
  }

  /**
   * Views. The reason and sex at birth are opened and audited only when the caller's selection
   * asks for them (`reason` and `sexAtBirth`, below), once per view: a list or a slip that does not
   * show them neither opens them nor leaves a read row.
   */
  private shape(
    caller: Caller,
    pairs: (readonly [ReferralRecord, ReferralAccess])[],
    purpose: string,
  ): ReferralView[] {
    const read = (action: string, record: ReferralRecord) => ({
      action,
      outcome: AuditOutcome.SUCCEEDED,
      actorId: caller.actor.userId,
      targetType: 'referral',
      targetId: record.id,
      shelterId: record.shelterId,
      detail: purpose,
      ip: caller.ip,
      requestId: caller.requestId,
    });
    const views = pairs.map(([record, access]) => {
      const view = referralView(record, access, this.opener(record.id));
      const openReason = view[OPEN_REASON];
      if (openReason) {
        // Once per view, even if the selection names the field twice: audited, then opened.
        let reading: Promise<string | null> | undefined;
        view[OPEN_REASON] = () =>
          (reading ??= this.audit.record(read('referral.reason.read', record)).then(openReason));
      }
      const openSex = view[OPEN_SEX_AT_BIRTH];
      if (openSex) {
        // Nothing sealed (a registered resident): nothing read, no row.
        let reading: Promise<SexAtBirth | null> | undefined;
        view[OPEN_SEX_AT_BIRTH] = () =>
          (reading ??=
            record.sexAtBirthSealed === null
              ? Promise.resolve(null)
              : this.audit.record(read('referral.sexAtBirth.read', record)).then(openSex));
      }
      return view;
    });
    return views;
  }

  /** A view's reason, when the role reads it: opened and audited now (the field was asked for). */
  async reason(view: ReferralView): Promise<string | null> {
    return (await view[OPEN_REASON]?.()) ?? null;
  }

  /** A view's sex at birth, when the role reads it: opened and audited now (asked for). */
  async sexAtBirth(view: ReferralView): Promise<SexAtBirth | null> {
    return (await view[OPEN_SEX_AT_BIRTH]?.()) ?? null;
  }

  private opener(id: string): Opener {
    return (field, sealed) => this.sealer.open(field, id, sealed);
  }
}
