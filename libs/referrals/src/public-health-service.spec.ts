import { Population } from '@albergue/shelters';
import {
  type PublicServiceRow,
  publicPointOf,
  toPublicHealthService,
} from './public-health-service.js';
import {
  CapacityStatus,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from './referrals.enums.js';

const now = new Date('2026-11-29T12:00:00Z');
const hour = 3_600_000;
const DOOR = { lat: 19.4371234, lng: -99.1471234 };

function row(overrides: Partial<PublicServiceRow> = {}): PublicServiceRow {
  return {
    id: '6f0c1a52-1c1e-4a55-9a3a-2a0f5b3c9d10',
    name: 'Clínica',
    category: ServiceCategory.CLINIC,
    sensitive: false,
    street: 'Calle 1',
    boroughCode: 'cdmx-cuauhtemoc',
    ...DOOR,
    phone: '+52 55 1',
    hours: null,
    languages: ['es'],
    cost: ServiceCost.FREE,
    requirements: [ServiceRequirement.NO_ID_NEEDED],
    populations: [Population.WOMEN],
    capacityStatus: CapacityStatus.ACCEPTING,
    waitDays: null,
    capacityReportedAt: new Date(now.getTime() - hour),
    ...overrides,
  };
}

describe(toPublicHealthService.name, () => {
  it('gives a service its street, point and distance', () => {
    const service = toPublicHealthService(row(), 24 * hour, now, { lat: 19.4326, lng: -99.1332 });
    expect(service).toMatchObject({ street: 'Calle 1', ...DOOR, borough: 'Cuauhtémoc' });
    expect(service.distanceKm).toBeCloseTo(1.5, 0);
    expect(service.capacity).toMatchObject({ status: CapacityStatus.ACCEPTING, stale: false });
  });

  it('gives a sensitive one its borough and phone only: no street, point or distance', () => {
    const service = toPublicHealthService(row({ sensitive: true }), 24 * hour, now, DOOR);
    expect(service).toMatchObject({
      street: null,
      lat: null,
      lng: null,
      distanceKm: null,
      borough: 'Cuauhtémoc',
      phone: '+52 55 1',
    });
    expect(JSON.stringify(service)).not.toMatch(/19\.4371234|99\.1471234|Calle 1/);
  });

  it('reads an old report as UNKNOWN, with its age', () => {
    const reportedAt = new Date(now.getTime() - 30 * hour);
    const service = toPublicHealthService(row({ capacityReportedAt: reportedAt }), 24 * hour, now);
    expect(service.capacity).toEqual({
      status: CapacityStatus.UNKNOWN,
      waitDays: null,
      reportedAt,
      stale: true,
    });
  });
});

describe(publicPointOf.name, () => {
  it('places a sensitive service at its borough’s centre, never its door', () => {
    expect(publicPointOf(row({ sensitive: true }))).toEqual({ lat: 19.433, lng: -99.146 });
    expect(publicPointOf(row({ sensitive: true, boroughCode: null }))).toBeNull();
    expect(publicPointOf(row())).toEqual(DOOR);
  });
});
