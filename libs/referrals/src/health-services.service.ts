import { type Actor, type Caller, IdempotencyService } from '@albergue/common';
import { ReferralSubjects } from '@albergue/residents';
import { checkedHours, type Population } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import type {
  CreateHealthServiceInput,
  HealthServiceFilter,
  ReportServiceCapacityInput,
  UpdateHealthServiceInput,
} from './dto/health-service.input.js';
import { HealthService } from './health-service.entity.js';
import { PublicHealthServices } from './public-health-services.js';
import type { HealthServiceView, ServiceCapacity, ServiceFit } from './health-service.views.js';
import { CapacityStatus } from './referrals.enums.js';
import { ReferralsException, ReferralsExceptionCode } from './referrals.exception.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';
import { capacityNow } from './service-capacity.js';
import { primaryLanguage, serviceFit } from './service-fit.js';

/** What a fit check is asked about: a resident on record, or a person described at a field visit. */
export interface FitQuestion {
  serviceId: string;
  /** The shelter the caller refers from (their HEALTH_WORKER or COORDINATOR role there). */
  shelterId?: string | null;
  residentId?: string | null;
  languages?: string[] | null;
  population?: Population | null;
}

const FIT_PURPOSE = 'referral: service fit check';

const NEVER_NULL = [
  'name',
  'category',
  'public',
  'sensitive',
  'active',
  'languages',
  'cost',
  'requirements',
  'populations',
] as const;

/**
 * The health services directory: admins describe services, their staff report capacity, staff
 * who refer read them with their capacity now (the staleness rule) and check a person against
 * one before referring.
 */
@Injectable()
export class HealthServicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly subjects: ReferralSubjects,
    private readonly publicServices: PublicHealthServices,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  async create(input: CreateHealthServiceInput): Promise<HealthServiceView> {
    const { id } = await this.idempotency.run(
      'createHealthService',
      input,
      async (manager, fields) => {
        await this.checkOrganisation(manager, fields.organisationId);
        const service = manager.create(HealthService, {
          id: randomUUID(),
          organisationId: fields.organisationId,
          name: fields.name.trim(),
          category: fields.category,
          public: fields.public ?? false,
          sensitive: fields.sensitive ?? false,
          active: fields.active ?? true,
          street: fields.street?.trim() || null,
          boroughCode: fields.boroughCode ?? null,
          lat: fields.lat ?? null,
          lng: fields.lng ?? null,
          phone: fields.phone ?? null,
          hours: fields.hours ? checkedHours(fields.hours) : null,
          languages: fields.languages ?? [],
          cost: fields.cost,
          requirements: fields.requirements ?? [],
          populations: fields.populations ?? [],
        });
        checkPlace(service);
        await manager.insert(HealthService, service);
        return service.id;
      },
    );
    this.publicServices.forget();
    return this.get(id);
  }

  async update(id: string, input: UpdateHealthServiceInput): Promise<HealthServiceView> {
    await this.dataSource.transaction(async (manager) => {
      const service = await this.row(id, manager, true);
      const { hours, street, ...rest } = input;
      // Fields that always have a value: an explicit null leaves them as they are.
      for (const key of NEVER_NULL) {
        if (rest[key] === null) {
          delete rest[key];
        }
      }
      Object.assign(service, rest);
      if (street !== undefined) {
        service.street = street?.trim() || null;
      }
      if (hours !== undefined) {
        service.hours = hours === null ? null : checkedHours(hours);
      }
      if (rest.name !== undefined) {
        service.name = rest.name.trim();
      }
      checkPlace(service);
      await manager.save(HealthService, service);
    });
    this.publicServices.forget();
    return this.get(id);
  }

  /** Staff of the service (or an admin) say whether it takes people now; who and when is kept. */
  async reportCapacity(
    input: ReportServiceCapacityInput,
    actor: Actor,
  ): Promise<HealthServiceView> {
    const waitlist = input.status === CapacityStatus.WAITLIST;
    const waitDays = input.waitDays ?? null;
    if (waitlist !== (waitDays !== null)) {
      throw new ReferralsException(
        waitlist
          ? 'A waitlist needs its typical wait (waitDays).'
          : 'waitDays goes with WAITLIST only.',
        ReferralsExceptionCode.WAIT_DAYS_MISMATCH,
        ['input.waitDays'],
      );
    }
    const { id } = await this.idempotency.run(
      'reportServiceCapacity',
      input,
      async (manager, fields) => {
        const service = await this.row(fields.serviceId, manager, true, 'input.serviceId');
        if (!service.active) {
          throw new ReferralsException(
            'This service is closed for good; it has no capacity to report.',
            ReferralsExceptionCode.SERVICE_INACTIVE,
            ['input.serviceId'],
          );
        }
        await manager.update(
          HealthService,
          { id: service.id },
          {
            capacityStatus: fields.status as HealthService['capacityStatus'],
            waitDays,
            capacityReportedAt: new Date(),
            capacityReportedBy: actor.userId,
          },
        );
        return service.id;
      },
    );
    this.publicServices.forget();
    return this.get(id);
  }

  async get(id: string, field = 'id'): Promise<HealthServiceView> {
    const [view] = await this.views([await this.row(id, this.dataSource.manager, false, field)]);
    return view;
  }

  async list(filter: HealthServiceFilter = {}): Promise<HealthServiceView[]> {
    const query = this.dataSource
      .getRepository(HealthService)
      .createQueryBuilder('s')
      .orderBy('s.name', 'ASC')
      .addOrderBy('s.id', 'ASC');
    if (!filter.includeInactive) {
      query.andWhere('s.active');
    }
    if (filter.categories?.length) {
      query.andWhere('s.category IN (:...categories)', { categories: filter.categories });
    }
    if (filter.boroughCode) {
      query.andWhere('s.borough_code = :borough', { borough: filter.boroughCode });
    }
    if (filter.language) {
      query.andWhere(
        "EXISTS (SELECT 1 FROM unnest(s.languages) l WHERE lower(split_part(l, '-', 1)) = :language)",
        { language: primaryLanguage(filter.language) },
      );
    }
    const views = await this.views(await query.getMany());
    const wanted = filter.capacity?.length ? new Set(filter.capacity) : null;
    return wanted ? views.filter((view) => wanted.has(view.capacity.status)) : views;
  }

  /** The services whose staff the actor is. */
  async mine(actor: Actor): Promise<HealthServiceView[]> {
    const ids = [...actor.services];
    if (ids.length === 0) {
      return [];
    }
    return this.views(
      await this.dataSource
        .getRepository(HealthService)
        .find({ where: { id: In(ids) }, order: { name: 'ASC' } }),
    );
  }

  /**
   * A service against a person before referring. A resident is read through residents' door
   * (audited, with its purpose) and must be staying at the shelter the caller refers from;
   * network roles, who see aggregates only, may ask about a described person, never a resident.
   */
  async fit(question: FitQuestion, caller: Caller): Promise<ServiceFit> {
    const service = await this.row(question.serviceId, this.dataSource.manager, false, 'serviceId');
    let languages = question.languages ?? [];
    let population = question.population ?? null;
    if (question.residentId) {
      if (question.languages?.length || question.population) {
        throw new ReferralsException(
          'Ask about a resident (their record says language and group) or describe a person, not both.',
          ReferralsExceptionCode.FIT_SUBJECT_AMBIGUOUS,
          ['residentId'],
        );
      }
      const shelterId = question.shelterId;
      if (!shelterId || !caller.actor.memberships.has(shelterId)) {
        throw new ReferralsException(
          'A resident is checked from the shelter where you work and they stay (shelterId).',
          ReferralsExceptionCode.SUBJECT_NOT_HERE,
          ['residentId'],
        );
      }
      const subject = await this.subjects.one(caller, question.residentId, shelterId, FIT_PURPOSE);
      if (!subject) {
        throw new ReferralsException(
          'This person is not staying at this shelter.',
          ReferralsExceptionCode.SUBJECT_NOT_HERE,
          ['residentId'],
        );
      }
      languages = subject.languages;
      population = subject.population;
    }
    const capacity = this.capacityOf(service);
    return {
      serviceId: service.id,
      capacity,
      ...serviceFit(service, capacity, { languages, population }),
    };
  }

  private capacityOf(service: HealthService, now = new Date()): ServiceCapacity {
    const read = capacityNow(service, this.options.serviceStaleAfterMs, now);
    return {
      ...read,
      ageMinutes: read.reportedAt
        ? Math.max(0, Math.floor((now.getTime() - read.reportedAt.getTime()) / 60_000))
        : null,
    };
  }

  private async views(services: HealthService[]): Promise<HealthServiceView[]> {
    const organisationIds = [...new Set(services.map((s) => s.organisationId))];
    const names = new Map(
      organisationIds.length === 0
        ? []
        : (
            await this.dataSource.query<{ id: string; name: string }[]>(
              'SELECT id, name FROM organisation WHERE id = ANY($1)',
              [organisationIds],
            )
          ).map((row) => [row.id, row.name]),
    );
    const now = new Date();
    return services.map((service) => ({
      id: service.id,
      organisationId: service.organisationId,
      organisationName: names.get(service.organisationId) ?? '',
      name: service.name,
      category: service.category,
      public: service.public,
      sensitive: service.sensitive,
      active: service.active,
      street: service.street,
      boroughCode: service.boroughCode,
      lat: service.lat,
      lng: service.lng,
      phone: service.phone,
      hours: service.hours,
      languages: service.languages,
      cost: service.cost,
      requirements: service.requirements,
      populations: service.populations,
      capacity: this.capacityOf(service, now),
      updatedAt: service.updatedAt,
    }));
  }

  private async row(
    id: string,
    manager: EntityManager,
    lock: boolean,
    field = 'id',
  ): Promise<HealthService> {
    const service = await manager.findOne(HealthService, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!service) {
      throw new ReferralsException(
        'No health service has this id.',
        ReferralsExceptionCode.SERVICE_NOT_FOUND,
        [field],
      );
    }
    return service;
  }

  private async checkOrganisation(manager: EntityManager, organisationId: string): Promise<void> {
    // The service's own foreign key names the organisation table; no need of its service.
    const [found] = await manager.query<unknown[]>('SELECT 1 FROM organisation WHERE id = $1', [
      organisationId,
    ]);
    if (!found) {
      throw new ReferralsException(
        'No organisation has this id.',
        ReferralsExceptionCode.ORGANISATION_NOT_FOUND,
        ['input.organisationId'],
      );
    }
  }
}

/** A place the referrer can send someone to: a street or an area, and a point only whole. */
function checkPlace(service: HealthService): void {
  if ((service.lat === null) !== (service.lng === null)) {
    throw new ReferralsException(
      'A point needs both lat and lng (or neither).',
      ReferralsExceptionCode.SERVICE_PLACE_UNCLEAR,
      [service.lat === null ? 'input.lat' : 'input.lng'],
    );
  }
  if (!service.street && !service.boroughCode) {
    throw new ReferralsException(
      'A service needs a street, or the area (boroughCode) a mobile clinic serves.',
      ReferralsExceptionCode.SERVICE_PLACE_UNCLEAR,
      ['input.boroughCode'],
    );
  }
}
