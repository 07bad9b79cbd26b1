import { enumNames } from '@albergue/common';
import { boroughByCode, type PublicCounts, type PublicShelter } from '@albergue/contracts';
import { SENSITIVE_AREA_RADIUS_KM } from './approximate-location.js';
import { type AvailabilityRules, computeAvailability } from './availability.js';
import type { Availability } from './availability.types.js';
import type { PublicLocation, ShelterAddress } from './shelter-parts.js';
import type { Shelter } from './shelter.entity.js';
import { AvailabilityBand, Population, ShelterService, ShelterStatus } from './shelters.enums.js';

/** Grid cells for shelters without a borough: 0.1° (about 11 km), fixed, so a client can name them. */
const GRID_DEGREES = 0.1;

/**
 * The fixed area a shelter is announced in: its borough (`b:<code>`, the catalogue's code) when
 * it has one, otherwise a grid cell of its public point. Map clients join the areas they show
 * (realtime issue).
 */
export function areaOf(shelter: Pick<Shelter, 'address' | 'publicLat' | 'publicLng'>): string {
  const code = shelter.address?.boroughCode;
  if (code) {
    return `b:${code}`;
  }
  const cell = (degrees: number) => Math.floor(degrees / GRID_DEGREES);
  return `g:${cell(shelter.publicLat)}:${cell(shelter.publicLng)}`;
}

/**
 * The address as the public sees it, with its borough's name from the catalogue. A sensitive
 * shelter's street, number, neighbourhood and postal code would give the door away: the public
 * sees its borough and city.
 */
export function publicAddress(shelter: Shelter): ShelterAddress {
  const { boroughCode } = shelter.address;
  const address = {
    ...shelter.address,
    borough: (boroughCode && boroughByCode(boroughCode)?.name) || null,
  };
  return shelter.sensitive
    ? { ...address, street: null, neighbourhood: null, postalCode: null }
    : address;
}

export function publicLocation(shelter: Shelter): PublicLocation {
  return {
    lat: shelter.publicLat,
    lng: shelter.publicLng,
    approximate: shelter.sensitive,
    radiusKm: shelter.sensitive ? SENSITIVE_AREA_RADIUS_KM : null,
  };
}

export function publicAvailability(
  shelter: Shelter,
  rules: AvailabilityRules,
  now: Date,
): Availability {
  return computeAvailability(
    {
      status: shelter.status,
      sensitive: shelter.sensitive,
      confirmedAt: shelter.availabilityConfirmedAt,
      capacities: shelter.capacities ?? [],
    },
    rules,
    now,
  );
}

/**
 * Sets the public fields GraphQL serves on a shelter just read (see the entity), each one whose
 * columns the read brought (all of them, unless the read chose its columns: PUBLIC_FIELD_NEEDS).
 */
export function withPublicFields(shelter: Shelter, rules: AvailabilityRules, now: Date): Shelter {
  if (shelter.address !== undefined) {
    shelter.publicAddress = publicAddress(shelter);
  }
  if (shelter.publicLat !== undefined) {
    shelter.location = publicLocation(shelter);
  }
  if (shelter.capacities !== undefined) {
    shelter.availability = publicAvailability(shelter, rules, now);
  }
  return shelter;
}

/** The figures (capacity rows), in PUBLIC_FIELD_NEEDS. */
export const FIGURES = 'capacities';

/**
 * What each GraphQL field of Shelter needs read: property paths (an embedded object's name takes
 * all its columns) and FIGURES. A spec checks every field of the type is here; a field that is
 * not makes the search read everything rather than serve it empty.
 */
export const PUBLIC_FIELD_NEEDS: Readonly<Record<string, readonly string[]>> = {
  id: [],
  name: ['name'],
  status: ['status'],
  sensitive: ['sensitive'],
  address: ['address', 'sensitive'],
  contact: ['contact'],
  populations: ['populations'],
  services: ['services'],
  languages: ['languages'],
  eligibility: ['eligibility'],
  hours: ['hours'],
  openingHours: ['openingHours'],
  trackingMode: ['trackingMode'],
  availabilityVersion: ['availabilityVersion'],
  updatedAt: ['updatedAt'],
  location: ['publicLat', 'publicLng', 'sensitive'],
  availability: ['status', 'sensitive', 'availabilityConfirmedAt', FIGURES],
  // Computed by the search itself when the filter gives `near`.
  distanceKm: [],
  organisation: ['organisationId'],
};

/** The columns (and whether the figures) these GraphQL fields need; null: read everything. */
export function columnsForFields(
  fields: ReadonlySet<string>,
): { paths: Set<string>; figures: boolean } | null {
  const paths = new Set(['id']);
  for (const field of fields) {
    const needs = PUBLIC_FIELD_NEEDS[field];
    if (!needs) {
      return null;
    }
    needs.forEach((need) => paths.add(need));
  }
  const figures = paths.delete(FIGURES);
  return { paths, figures };
}

const bandName = enumNames(AvailabilityBand);
const populationName = enumNames(Population);
const serviceName = enumNames(ShelterService);
const statusName = enumNames(ShelterStatus);

const counts = (figures: PublicCounts): PublicCounts => ({
  freeBeds: figures.freeBeds,
  totalBeds: figures.totalBeds,
  overflowFree: figures.overflowFree,
  overflowTotal: figures.overflowTotal,
});

/**
 * One shelter as the public snapshot and the public socket carry it (the contract's
 * PublicShelter): built only from the public point, the public bands and counts, never from
 * residents; the privacy spec checks what goes out.
 */
export function toPublicShelter(
  shelter: Shelter,
  rules: AvailabilityRules,
  now: Date,
): PublicShelter {
  const availability = publicAvailability(shelter, rules, now);
  const address = publicAddress(shelter);
  return {
    id: shelter.id,
    version: shelter.availabilityVersion,
    area: areaOf(shelter),
    name: shelter.name,
    status: statusName(shelter.status),
    location: publicLocation(shelter),
    populations: shelter.populations.map(populationName),
    services: shelter.services.map(serviceName),
    languages: shelter.languages,
    address: {
      street: address.street,
      neighbourhood: address.neighbourhood,
      borough: address.borough ?? null,
      boroughCode: address.boroughCode,
      city: address.city,
      state: address.state,
      postalCode: address.postalCode,
    },
    contact: {
      phone: shelter.contact.phone,
      whatsapp: shelter.contact.whatsapp,
      email: shelter.contact.email,
    },
    hours: shelter.hours && {
      alwaysOpen: shelter.hours.alwaysOpen,
      periods: shelter.hours.periods.map(({ days, opens, closes }) => ({ days, opens, closes })),
    },
    openingHours: shelter.openingHours,
    eligibility: {
      idRequired: shelter.eligibility.idRequired,
      petsAllowed: shelter.eligibility.petsAllowed,
      wheelchairAccessible: shelter.eligibility.wheelchairAccessible,
      maxStayDays: shelter.eligibility.maxStayDays,
      curfew: shelter.eligibility.curfew,
    },
    availability: {
      band: bandName(availability.band),
      ...counts(availability),
      updatedAt: availability.updatedAt?.toISOString() ?? null,
      byPopulation: availability.byPopulation.map((p) => ({
        population: populationName(p.population),
        band: bandName(p.band),
        ...counts(p),
      })),
    },
  };
}
