import type { Actor } from '@albergue/common';
import {
  CapacityStatus,
  type CreateHealthServiceInput,
  HealthServicesService,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from '@albergue/referrals';
import { OrganisationKind, OrganisationsService, Population } from '@albergue/shelters';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

type DemoService = Omit<CreateHealthServiceInput, 'requestId' | 'organisationId'> & {
  /** Index into HEALTH_ORGANISATIONS. */
  organisation: number;
  /** What its staff report; `daysAgo` past SERVICE_STALE_AFTER reads UNKNOWN with its age. */
  report?: { status: CapacityStatus; waitDays?: number; daysAgo: number };
};

const HEALTH_ORGANISATIONS = [
  { name: 'Salud en Movimiento (demo)', kind: OrganisationKind.NGO },
  { name: 'Red Ficticia de Farmacias (demo)', kind: OrganisationKind.OTHER },
];

const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * A handful of fictional health services: a clinic accepting, a mobile clinic that serves an area
 * (no street: an MSF-like team), a sensitive service for survivors of violence, a pharmacy with
 * a fee, and a service whose last report is stale. The demo service staff account works at the
 * first two (DEMO_USERS).
 */
export const DEMO_HEALTH_SERVICES: DemoService[] = [
  {
    organisation: 0,
    name: 'Clínica Comunitaria Centro (demo)',
    category: ServiceCategory.CLINIC,
    public: true,
    street: 'Calle Ficticia de la Salud 12',
    boroughCode: 'cdmx-cuauhtemoc',
    lat: 19.4284,
    lng: -99.1377,
    phone: '+52 55 5300 1000',
    hours: { alwaysOpen: false, periods: [{ days: WEEKDAYS, opens: '08:00', closes: '18:00' }] },
    languages: ['es', 'fr', 'ht'],
    requirements: [ServiceRequirement.NO_ID_NEEDED],
    report: { status: CapacityStatus.ACCEPTING, daysAgo: 0 },
  },
  {
    organisation: 0,
    name: 'Clínica móvil, equipo de campo (demo)',
    category: ServiceCategory.MOBILE_CLINIC,
    public: true,
    boroughCode: 'cdmx-iztapalapa',
    phone: '+52 55 5300 2000',
    languages: ['es', 'en', 'fr'],
    requirements: [ServiceRequirement.NO_ID_NEEDED],
    report: { status: CapacityStatus.WAITLIST, waitDays: 2, daysAgo: 0 },
  },
  {
    organisation: 0,
    name: 'Atención integral a sobrevivientes de violencia (demo)',
    category: ServiceCategory.SEXUAL_REPRODUCTIVE_HEALTH,
    public: true,
    sensitive: true,
    street: 'Calle Reservada 7',
    boroughCode: 'cdmx-benito-juarez',
    lat: 19.3727,
    lng: -99.1567,
    phone: '+52 55 5300 3000',
    hours: { alwaysOpen: true, periods: [] },
    languages: ['es', 'en'],
    requirements: [ServiceRequirement.NO_ID_NEEDED],
    populations: [Population.WOMEN, Population.LGBTQ, Population.UNACCOMPANIED_MINORS],
    report: { status: CapacityStatus.ACCEPTING, daysAgo: 0 },
  },
  {
    organisation: 1,
    name: 'Farmacia Ficticia Tlalpan (demo)',
    category: ServiceCategory.PHARMACY,
    public: true,
    street: 'Avenida Imaginaria 300',
    boroughCode: 'cdmx-tlalpan',
    lat: 19.2945,
    lng: -99.1698,
    phone: '+52 55 5300 4000',
    hours: {
      alwaysOpen: false,
      periods: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '09:00', closes: '21:00' }],
    },
    languages: ['es'],
    cost: ServiceCost.FEE,
    requirements: [ServiceRequirement.ANY_ID],
    report: { status: CapacityStatus.ACCEPTING, daysAgo: 0 },
  },
  {
    organisation: 0,
    name: 'Apoyo psicosocial Norte (demo)',
    category: ServiceCategory.MENTAL_HEALTH,
    street: 'Calle del Ejemplo 45',
    boroughCode: 'cdmx-gustavo-a-madero',
    lat: 19.4823,
    lng: -99.1134,
    languages: ['es', 'ht'],
    requirements: [ServiceRequirement.APPOINTMENT_NEEDED],
    // Its staff last said "accepting" three days ago: read as UNKNOWN, with that age.
    report: { status: CapacityStatus.ACCEPTING, daysAgo: 3 },
  },
];

/** The demo's health services, described as an admin would; returns their ids in order. */
export async function loadDemoHealthServices(
  organisations: OrganisationsService,
  services: HealthServicesService,
): Promise<string[]> {
  const orgIds: string[] = [];
  for (const org of HEALTH_ORGANISATIONS) {
    orgIds.push(
      (await organisations.create({ ...org, requestId: randomUUID(), phone: '+52 55 5300 0000' }))
        .id,
    );
  }
  const ids: string[] = [];
  for (const { organisation, report: _report, ...fields } of DEMO_HEALTH_SERVICES) {
    const created = await services.create({
      ...fields,
      requestId: randomUUID(),
      organisationId: orgIds[organisation],
    });
    ids.push(created.id);
  }
  return ids;
}

/**
 * Each demo service's capacity, reported by `reporterOf(index)` (its demo staff, or the demo
 * admin), and dated back where the demo wants a stale report.
 */
export async function reportDemoCapacity(
  dataSource: DataSource,
  services: HealthServicesService,
  serviceIds: string[],
  reporterOf: (index: number) => string,
): Promise<void> {
  for (const [index, { report }] of DEMO_HEALTH_SERVICES.entries()) {
    if (!report) {
      continue;
    }
    const actor: Actor = {
      userId: reporterOf(index),
      sessionId: 'demo',
      networkRole: null,
      memberships: new Map(),
      services: new Set([serviceIds[index]]),
    };
    await services.reportCapacity(
      {
        requestId: randomUUID(),
        serviceId: serviceIds[index],
        status: report.status,
        waitDays: report.waitDays ?? null,
      },
      actor,
    );
    if (report.daysAgo > 0) {
      await dataSource.query(
        `UPDATE health_service SET capacity_reported_at = now() - make_interval(days => $2)
          WHERE id = $1`,
        [serviceIds[index], report.daysAgo],
      );
    }
  }
}
