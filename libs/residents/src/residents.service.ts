import { IdempotencyService } from '@albergue/common';
import { normaliseDocument } from '@albergue/vault';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { bracketOf, isMinor } from './ages.js';
import type {
  DocumentsInput,
  RegisterHouseholdInput,
  ResidentDetailsInput,
  ResidentInput,
} from './dto/resident.input.js';
import { Household } from './household.entity.js';
import { ResidentAccess } from './resident-access.js';
import type { Caller } from '@albergue/common';
import { documentKey, nameKey } from './lookup-keys.js';
import { NameSearchService } from './name-search.service.js';
import { ResidentEvent, ResidentEventKind } from './resident-event.entity.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import { Resident } from './resident.entity.js';
import type { HouseholdView, ResidentView } from './resident.views.js';
import { AsylumStatus, CaseStatus, LegalBasis } from './residents.enums.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';

export interface ResidentSearch {
  comarFolio?: string;
  document?: string;
  name?: string;
  birthYear?: number;
}

/** Registration at the gate, and what staff of a resident's shelter read and change. */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly sealer: ResidentSealer,
    private readonly access: ResidentAccess,
    private readonly views: ResidentViewMapper,
    private readonly names: NameSearchService,
  ) {}

  /**
   * Registers a household at a shelter, all members or none, with the legal basis for processing
   * their data. A retried request (same requestId) registers nobody twice.
   */
  async registerHousehold(caller: Caller, input: RegisterHouseholdInput): Promise<HouseholdView> {
    const { id } = await this.idempotency.run(
      'registerHousehold',
      input,
      async (manager) => (await this.insertHousehold(manager, caller, input)).householdId,
    );
    return this.household(caller, id, 'register');
  }

  /**
   * Writes a household and its members inside the caller's transaction, after checking its
   * rules; for the gate, where registering and checking in are one act (the occupancy lib).
   */
  async insertHousehold(
    manager: EntityManager,
    caller: Caller,
    input: Omit<RegisterHouseholdInput, 'requestId'>,
  ): Promise<{ householdId: string; ids: string[] }> {
    const brackets = checkHousehold(input);
    if (input.confirmNew !== true) {
      await this.refuseLikelyDuplicates(manager, caller, input.members);
    }
    const householdId = randomUUID();
    const ids = input.members.map(() => randomUUID());
    const now = new Date();
    await manager.insert(Household, {
      id: householdId,
      shelterId: input.shelterId,
      headId: ids[input.headIndex ?? 0],
    });
    await manager.insert(
      Resident,
      input.members.map((member, i) => {
        const minor = isMinor(brackets[i]);
        return {
          id: ids[i],
          householdId,
          position: i,
          currentShelterId: input.shelterId,
          ...this.sealedIdentity(ids[i], member),
          ...this.sealedDetails(ids[i], member),
          birthYear: member.birthYear ?? null,
          ageBracket: brackets[i],
          nationality: member.nationality,
          population: member.population,
          minor,
          guardianId: minor && member.guardianIndex != null ? ids[member.guardianIndex] : null,
          unaccompanied: minor && member.unaccompanied === true,
          childProtectionSealed:
            minor && member.unaccompanied
              ? this.sealer.seal(
                  'resident.childProtection',
                  ids[i],
                  JSON.stringify(member.childProtection),
                )
              : null,
          legalBasis: input.legalBasis.basis,
          basisLanguage: input.legalBasis.explainedIn,
          basisRecordedBy: caller.actor.userId,
          basisRecordedAt: now,
          registeredBy: caller.actor.userId,
        };
      }),
    );
    await manager.insert(
      ResidentEvent,
      ids.flatMap((residentId) => [
        {
          residentId,
          kind: ResidentEventKind.CASE,
          toValue: CaseStatus.OPEN,
          byUserId: caller.actor.userId,
        },
        {
          residentId,
          kind: ResidentEventKind.CONSENT,
          toValue: input.legalBasis.basis,
          byUserId: caller.actor.userId,
        },
      ]),
    );
    await this.names.index(
      manager,
      input.members.map((member, i) => ({ id: ids[i], name: member.name })),
    );
    return { householdId, ids };
  }

  /**
   * Registering someone already on record splits their history in two: a member who may be a
   * resident the caller can read is refused, with the ids of who they may be, until the staff
   * have looked (likelyMatches) and confirm with `confirmNew`. The look is audited.
   */
  private async refuseLikelyDuplicates(
    manager: EntityManager,
    caller: Caller,
    members: ResidentInput[],
  ): Promise<void> {
    const matches: { member: number; residentIds: string[] }[] = [];
    for (const [member, { name, birthYear }] of members.entries()) {
      const hits = await this.names.likely(manager, caller, name, birthYear);
      if (hits.length > 0) {
        matches.push({ member, residentIds: hits.map((hit) => hit.id) });
      }
    }
    if (matches.length === 0) {
      return;
    }
    const ids = [...new Set(matches.flatMap((match) => match.residentIds))];
    const found = await manager.getRepository(Resident).findBy({ id: In(ids) });
    await this.access.recordReads(caller, found, 'register-check');
    throw new ResidentsException(
      'Someone with a name like this is already on record: check likelyMatches, then register with confirmNew: true if this is a new person.',
      ResidentsExceptionCode.POSSIBLE_DUPLICATE,
      matches.map(({ member }) => `input.members.${member}.name`),
      { matches },
    );
  }

  async household(caller: Caller, householdId: string, purpose: string): Promise<HouseholdView> {
    const household = await this.dataSource
      .getRepository(Household)
      .findOneByOrFail({ id: householdId });
    const members = await this.dataSource.getRepository(Resident).find({
      where: { householdId, anonymisedAt: IsNull() },
      order: { position: 'ASC', id: 'ASC' },
    });
    // Each member through their own scope: a household spans shelters once someone moves on.
    const roles = await this.access.readRoles(
      caller.actor,
      members.map((member) => member.id),
    );
    const visible = members.filter((member) => roles.get(member.id));
    await this.access.recordReads(caller, visible, purpose);
    return {
      id: household.id,
      shelterId: household.shelterId,
      headId: household.headId,
      members: visible.map((member) => this.views.resident(member, roles.get(member.id)!)),
      membersElsewhere: members.filter((member) => !roles.get(member.id)).map((m) => m.id),
    };
  }

  async get(caller: Caller, id: string, purpose: string): Promise<ResidentView> {
    const resident = await this.find(id);
    const role = await this.access.readRole(caller.actor, id);
    await this.access.recordReads(caller, [resident], purpose);
    return this.views.resident(resident, role);
  }

  /** Residents of a shelter (and those who left it within the access window), by status. */
  async list(
    caller: Caller,
    shelterId: string,
    filter: { caseStatus?: CaseStatus; asylumStatus?: AsylumStatus; ids?: string[] },
    first: number,
  ): Promise<ResidentView[]> {
    if (filter.ids?.length === 0) {
      return [];
    }
    const query = this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where(this.access.visibleFrom(':shelterId'), { shelterId })
      .andWhere('r.anonymised_at IS NULL')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id')
      .limit(first);
    if (filter.caseStatus) {
      query.andWhere('r.case_status = :caseStatus', { caseStatus: filter.caseStatus });
    }
    if (filter.asylumStatus) {
      query.andWhere('r.asylum_status = :asylumStatus', { asylumStatus: filter.asylumStatus });
    }
    if (filter.ids) {
      query.andWhere('r.id IN (:...ids)', { ids: filter.ids });
    }
    return this.open(caller, await query.getMany(), 'list');
  }

  /** Exact look-ups through keyed hashes, only among residents visible from the shelter. */
  async search(caller: Caller, shelterId: string, search: ResidentSearch): Promise<ResidentView[]> {
    const hashes: [string, string | null][] = [];
    if (search.comarFolio) {
      hashes.push(['folio_hash', this.sealer.hash('folio', normaliseDocument(search.comarFolio))]);
    }
    if (search.document) {
      const document = normaliseDocument(search.document);
      for (const kind of ['passport', 'curp', 'tvrh'] as const) {
        hashes.push([`${kind}_hash`, this.sealer.hash(kind, document)]);
      }
    }
    if (search.name) {
      hashes.push(['name_hash', this.sealer.hash('name', nameKey(search.name, search.birthYear))]);
    }
    if (hashes.length === 0) {
      return [];
    }
    const query = this.dataSource
      .getRepository(Resident)
      .createQueryBuilder('r')
      .where(this.access.visibleFrom(':shelterId'), { shelterId })
      .andWhere(
        `(${hashes.map(([column], i) => `r.${column} = :h${i}`).join(' OR ')})`,
        Object.fromEntries(hashes.map(([, hash], i) => [`h${i}`, hash])),
      )
      .limit(50);
    return this.open(caller, await query.getMany(), 'search');
  }

  /** Records found for a caller, each opened through its own scope (ResidentAccess.readRoles). */
  private async open(caller: Caller, found: Resident[], purpose: string): Promise<ResidentView[]> {
    const roles = await this.access.readRoles(
      caller.actor,
      found.map((resident) => resident.id),
    );
    const visible = found.filter((resident) => roles.get(resident.id));
    await this.access.recordReads(caller, visible, purpose);
    return visible.map((resident) => this.views.resident(resident, roles.get(resident.id)!));
  }

  async update(caller: Caller, id: string, input: ResidentDetailsInput): Promise<ResidentView> {
    await this.dataSource.transaction(async (manager) => {
      const resident = await this.findActive(id, manager, 'id', true);
      Object.assign(resident, this.sealedDetails(id, input, resident));
      await manager.save(resident);
    });
    return this.get(caller, id, 'update');
  }

  /** A name written anew: sealed, its look-up hash and its blind index replaced in one transaction. */
  async rename(caller: Caller, id: string, name: string): Promise<ResidentView> {
    await this.dataSource.transaction(async (manager) => {
      const resident = await this.findActive(id, manager, 'id', true);
      Object.assign(
        resident,
        this.sealedIdentity(id, { name, birthYear: resident.birthYear ?? undefined }),
      );
      await manager.save(resident);
      await this.names.index(manager, [{ id, name }]);
    });
    return this.get(caller, id, 'update');
  }

  /** Like find, for changes: an anonymised record takes no new data. */
  async findActive(
    id: string,
    manager: EntityManager,
    field: string,
    lock = false,
  ): Promise<Resident> {
    const resident = await this.find(id, manager, lock);
    if (resident.anonymisedAt) {
      throw new ResidentsException(
        'This record was anonymised.',
        ResidentsExceptionCode.ANONYMISED,
        [field],
      );
    }
    return resident;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Resident> {
    const resident = await manager.findOne(Resident, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!resident) {
      throw new ResidentsException(
        'No resident has this id.',
        ResidentsExceptionCode.RESIDENT_NOT_FOUND,
        ['id'],
      );
    }
    return resident;
  }

  private sealedIdentity(
    id: string,
    member: Pick<ResidentInput, 'name' | 'birthYear'>,
  ): Partial<Resident> {
    return {
      nameSealed: this.sealer.seal('resident.name', id, member.name),
      nameHash: this.sealer.hash('name', nameKey(member.name, member.birthYear)),
    };
  }

  /** The changeable fields, sealed; fields not given keep their value in `current`. */
  private sealedDetails(
    id: string,
    input: ResidentDetailsInput,
    current?: Resident,
  ): Partial<Resident> {
    const fields: Partial<Resident> = {};
    if (input.gender !== undefined) {
      fields.genderSealed = this.sealer.seal('resident.gender', id, input.gender);
    }
    if (input.phone !== undefined) {
      fields.phoneSealed = this.sealer.seal('resident.phone', id, input.phone);
    }
    if (input.notes !== undefined) {
      fields.notesSealed = this.sealer.seal('resident.notes', id, input.notes);
    }
    if (input.languages !== undefined) {
      fields.languages = input.languages;
    } else if (!current) {
      fields.languages = [];
    }
    if (input.vulnerabilities !== undefined) {
      fields.vulnerabilities = input.vulnerabilities;
    } else if (!current) {
      fields.vulnerabilities = [];
    }
    return { ...fields, ...this.sealedDocuments(id, input.documents) };
  }

  sealedDocuments(id: string, documents: DocumentsInput | undefined): Partial<Resident> {
    const fields: Partial<Resident> = {};
    if (!documents) {
      return fields;
    }
    if (documents.comarFolio !== undefined) {
      fields.folioSealed = this.sealer.seal('resident.folio', id, documents.comarFolio);
      fields.folioHash = this.sealer.hash('folio', documentKey(documents.comarFolio));
    }
    if (documents.passport !== undefined) {
      fields.passportSealed = this.sealer.seal('resident.passport', id, documents.passport);
      fields.passportHash = this.sealer.hash('passport', documentKey(documents.passport));
    }
    if (documents.curp !== undefined) {
      fields.curpSealed = this.sealer.seal('resident.curp', id, documents.curp);
      fields.curpHash = this.sealer.hash('curp', documentKey(documents.curp));
    }
    if (documents.tvrhNumber !== undefined) {
      fields.tvrhSealed = this.sealer.seal('resident.tvrh', id, documents.tvrhNumber);
      fields.tvrhHash = this.sealer.hash('tvrh', documentKey(documents.tvrhNumber));
    }
    if (documents.tvrhIssuedOn !== undefined) {
      fields.tvrhIssuedOn = documents.tvrhIssuedOn;
    }
    if (documents.tvrhExpiresOn !== undefined) {
      fields.tvrhExpiresOn = documents.tvrhExpiresOn;
    }
    return fields;
  }
}

/** The rules of a household, checked before anything is written; returns each member's age bracket. */
function checkHousehold(input: Omit<RegisterHouseholdInput, 'requestId'>) {
  const field = (i: number, name: string) => `input.members.${i}.${name}`;
  if ((input.headIndex ?? 0) >= input.members.length) {
    throw new ResidentsException(
      'headIndex must point to a member.',
      ResidentsExceptionCode.HEAD_INVALID,
      ['input.headIndex'],
    );
  }
  const brackets = input.members.map((member, i) => {
    if (member.ageBracket) {
      return member.ageBracket;
    }
    if (member.birthYear == null) {
      throw new ResidentsException(
        'Give a birth year or an age bracket.',
        ResidentsExceptionCode.AGE_MISSING,
        [field(i, 'birthYear')],
      );
    }
    return bracketOf(member.birthYear);
  });
  const consent = input.legalBasis.basis === LegalBasis.CONSENT;
  if (consent && input.legalBasis.consentIndependentOfService !== true) {
    throw new ResidentsException(
      'Consent that is a condition of getting a bed is not consent: confirm it is independent of the service, or record vital or public interest.',
      ResidentsExceptionCode.CONSENT_NOT_FREE,
      ['input.legalBasis.consentIndependentOfService'],
    );
  }
  input.members.forEach((member, i) => {
    if (!isMinor(brackets[i])) {
      return;
    }
    if (member.unaccompanied) {
      if (!member.childProtection) {
        throw new ResidentsException(
          'An unaccompanied minor needs the child-protection follow-up: authority notified and date.',
          ResidentsExceptionCode.CHILD_PROTECTION_REQUIRED,
          [field(i, 'childProtection')],
        );
      }
      if (consent) {
        throw new ResidentsException(
          'An unaccompanied minor cannot give consent: record vital or public interest.',
          ResidentsExceptionCode.GUARDIAN_REQUIRED,
          ['input.legalBasis.basis'],
        );
      }
      return;
    }
    const guardian = member.guardianIndex;
    if (guardian == null) {
      throw new ResidentsException(
        'A minor needs a guardian in the household (guardianIndex), or is unaccompanied.',
        ResidentsExceptionCode.GUARDIAN_REQUIRED,
        [field(i, 'guardianIndex')],
      );
    }
    if (guardian === i || guardian >= input.members.length || isMinor(brackets[guardian])) {
      throw new ResidentsException(
        'guardianIndex must point to an adult member.',
        ResidentsExceptionCode.GUARDIAN_INVALID,
        [field(i, 'guardianIndex')],
      );
    }
  });
  return brackets;
}
