import { boroughByCode } from '@albergue/contracts';
import { GeoPointInput, haversineKm, OpeningHours, Population } from '@albergue/shelters';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { HealthService } from './health-service.entity.js';
import {
  CapacityStatus,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from './referrals.enums.js';
import { capacityNow } from './service-capacity.js';

@ObjectType({
  description:
    'A public health service’s capacity as its staff last reported it: UNKNOWN when never reported or older than SERVICE_STALE_AFTER, its age said either way.',
})
export class PublicServiceCapacity {
  @Field(() => CapacityStatus)
  status: CapacityStatus;

  @Field(() => Int, { nullable: true, description: 'With WAITLIST: the typical wait, in days.' })
  waitDays: number | null;

  @Field(() => Date, { nullable: true, description: 'When the staff last reported.' })
  reportedAt: Date | null;

  @Field(() => Boolean, { description: 'The last report is too old to trust: status UNKNOWN.' })
  stale: boolean;
}

@ObjectType({
  description:
    'A health service its organisation marks public, as anyone sees it: directory facts and capacity, never more. A sensitive one (care after violence) shows its borough only: no street, no point, no distance.',
})
export class PublicHealthService {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => ServiceCategory)
  category: ServiceCategory;

  @Field(() => Boolean, {
    description: 'A service whose exact place is never public: its borough and a contact only.',
  })
  sensitive: boolean;

  @Field(() => String, { nullable: true, description: 'Null for a sensitive service.' })
  street: string | null;

  @Field(() => String, { nullable: true })
  boroughCode: string | null;

  @Field(() => String, { nullable: true, description: 'The borough’s name, from the catalogue.' })
  borough: string | null;

  @Field(() => Float, { nullable: true, description: 'Null for a sensitive service.' })
  lat: number | null;

  @Field(() => Float, { nullable: true, description: 'Null for a sensitive service.' })
  lng: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'From `near`, when asked; null for a sensitive service (never a distance).',
  })
  distanceKm: number | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => OpeningHours, { nullable: true })
  hours: OpeningHours | null;

  @Field(() => [String], { description: 'BCP 47 codes of the languages spoken there.' })
  languages: string[];

  @Field(() => ServiceCost)
  cost: ServiceCost;

  @Field(() => [ServiceRequirement])
  requirements: ServiceRequirement[];

  @Field(() => [Population], { description: 'Empty: everyone.' })
  populations: Population[];

  @Field(() => PublicServiceCapacity)
  capacity: PublicServiceCapacity;
}

/** The columns a public read takes (the door's street and point are dropped for a sensitive one). */
export const PUBLIC_SERVICE_COLUMNS = [
  'id',
  'name',
  'category',
  'sensitive',
  'street',
  'boroughCode',
  'lat',
  'lng',
  'phone',
  'hours',
  'languages',
  'cost',
  'requirements',
  'populations',
  'capacityStatus',
  'waitDays',
  'capacityReportedAt',
] as const satisfies readonly (keyof HealthService)[];

export type PublicServiceRow = Pick<HealthService, (typeof PUBLIC_SERVICE_COLUMNS)[number]>;

/**
 * The point a public computation ("nearest first") may use: the service's own point, or for a
 * sensitive service its borough's centre from the catalogue (a public fact), never its door;
 * null when neither is known.
 */
export function publicPointOf(row: PublicServiceRow): GeoPointInput | null {
  if (row.sensitive) {
    const borough = row.boroughCode ? boroughByCode(row.boroughCode) : undefined;
    return borough ? { ...borough.centre } : null;
  }
  return row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };
}

/** One service as the public sees it: the sensitive-shelter rule (area only, a contact kept). */
export function toPublicHealthService(
  row: PublicServiceRow,
  staleAfterMs: number,
  now: Date,
  from: GeoPointInput | null = null,
): PublicHealthService {
  const point = publicPointOf(row);
  const exact = !row.sensitive && point !== null;
  const capacity = capacityNow(row, staleAfterMs, now);
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    sensitive: row.sensitive,
    street: row.sensitive ? null : row.street,
    boroughCode: row.boroughCode,
    borough: (row.boroughCode && boroughByCode(row.boroughCode)?.name) || null,
    lat: exact ? point.lat : null,
    lng: exact ? point.lng : null,
    distanceKm: exact && from ? Math.round(haversineKm(from, point) * 10) / 10 : null,
    phone: row.phone,
    hours: row.hours,
    languages: row.languages,
    cost: row.cost,
    requirements: row.requirements,
    populations: row.populations,
    capacity: { ...capacity },
  };
}
