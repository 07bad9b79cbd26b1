import { registerEnumType } from '@nestjs/graphql';

/** Groups a shelter serves and counts beds for. A person may fit several (a trans woman: WOMEN and LGBTQ). */
export enum Population {
  MEN = 'men',
  WOMEN = 'women',
  FAMILIES = 'families',
  LGBTQ = 'lgbtq',
  UNACCOMPANIED_MINORS = 'unaccompanied_minors',
}

export enum ShelterService {
  MEALS = 'meals',
  SHOWERS = 'showers',
  LEGAL_AID = 'legal_aid',
  MEDICAL = 'medical',
  PSYCHOSOCIAL = 'psychosocial',
  INTERNET = 'internet',
  PHONE_CHARGING = 'phone_charging',
}

export enum ShelterStatus {
  OPEN = 'open',
  /** Declared full by its staff, whatever the counts say. */
  FULL = 'full',
  CLOSED = 'closed',
  TEMPORARILY_CLOSED = 'temporarily_closed',
}

export enum OrganisationKind {
  NGO = 'ngo',
  CHURCH = 'church',
  MUNICIPALITY = 'municipality',
  OTHER = 'other',
}

/** How a shelter's figures are kept: reported counts now; bed by bed once the occupancy engine lands. */
export enum TrackingMode {
  COUNTS = 'counts',
  BEDS = 'beds',
}

export enum AvailabilityBand {
  SPACE = 'space',
  FEW = 'few',
  FULL = 'full',
  CLOSED = 'closed',
  /** Not confirmed within STALE_AFTER: shown with its age, never as a stale number. */
  UNKNOWN = 'unknown',
  /** Asked for a group the shelter does not take (libs/contracts bandFor): "not for this group". */
  NOT_SERVED = 'not_served',
}

/** What a person reported about a shelter (libs/contracts PROBLEM_REASONS). */
export enum ProblemReason {
  TURNED_AWAY_DESPITE_SPACE = 'turned_away_despite_space',
  NO_ANSWER = 'no_answer',
  CLOSED = 'closed',
  WRONG_ADDRESS = 'wrong_address',
}

registerEnumType(Population, { name: 'Population' });
registerEnumType(ShelterService, { name: 'ShelterService' });
registerEnumType(ShelterStatus, { name: 'ShelterStatus' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(TrackingMode, { name: 'TrackingMode' });
registerEnumType(ProblemReason, { name: 'ProblemReason' });
registerEnumType(AvailabilityBand, {
  name: 'AvailabilityBand',
  valuesMap: {
    UNKNOWN: {
      description: 'Never reported, or not confirmed within STALE_AFTER: no count is shown.',
    },
    NOT_SERVED: {
      description:
        'The band of a group the shelter does not take (as the public finder asks it); never the band of the whole shelter nor of a group in its byPopulation.',
    },
  },
});
