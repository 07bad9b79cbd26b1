import type { Population } from '@albergue/shelters';
import type { HealthService } from './health-service.entity.js';
import { FitMet } from './health-service.views.js';
import { CapacityStatus, type ServiceRequirement } from './referrals.enums.js';
import type { CapacityNow } from './service-capacity.js';

/** What the referrer knows of the person: from the record (referral subject) or said at a field visit. */
export interface FitPerson {
  languages: string[];
  population: Population | null;
}

export interface FitAnswer {
  active: boolean;
  language: FitMet;
  sharedLanguages: string[];
  population: FitMet;
  capacityFit: FitMet;
  overrideNeeded: boolean;
  requirementsToCheck: ServiceRequirement[];
}

/** The primary subtag of a BCP 47 tag, lower case: es-MX and es speak to each other. */
export const primaryLanguage = (tag: string): string => tag.split('-')[0].toLowerCase();

/**
 * A service's conditions against a person's, as far as the record tells: language spoken, group
 * served, capacity now. Requirements (documents) are not on record: they are listed to check.
 */
export function serviceFit(
  service: Pick<HealthService, 'active' | 'languages' | 'populations' | 'requirements'>,
  capacity: Pick<CapacityNow, 'status'>,
  person: FitPerson,
): FitAnswer {
  const spoken = new Set(service.languages.map(primaryLanguage));
  const sharedLanguages = [
    ...new Set(person.languages.map(primaryLanguage).filter((code) => spoken.has(code))),
  ];
  const language =
    person.languages.length === 0 || spoken.size === 0
      ? FitMet.UNKNOWN
      : sharedLanguages.length > 0
        ? FitMet.MET
        : FitMet.NOT_MET;
  const population =
    service.populations.length === 0
      ? FitMet.MET
      : person.population === null
        ? FitMet.UNKNOWN
        : service.populations.includes(person.population)
          ? FitMet.MET
          : FitMet.NOT_MET;
  const capacityFit =
    capacity.status === CapacityStatus.UNKNOWN
      ? FitMet.UNKNOWN
      : capacity.status === CapacityStatus.NOT_ACCEPTING
        ? FitMet.NOT_MET
        : FitMet.MET;
  return {
    active: service.active,
    language,
    sharedLanguages,
    population,
    capacityFit,
    overrideNeeded: capacity.status === CapacityStatus.NOT_ACCEPTING,
    requirementsToCheck: [...service.requirements],
  };
}
