import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

/** The people staying at the shelter whom a health worker may refer (each read audited). */
export const ReferralSubjects = graphql(`
  query ReferralSubjects($shelterId: ID!) {
    referralSubjects(shelterId: $shelterId) {
      id
      alias
      ageBracket
      languages
      population
    }
  }
`);

/** The directory a health worker refers to, as staff see it (sensitive ones flagged). */
export const HealthServices = graphql(`
  query HealthServices($shelterId: ID!, $filter: HealthServiceFilter) {
    healthServices(shelterId: $shelterId, filter: $filter) {
      id
      name
      category
      organisationName
      sensitive
      boroughCode
      street
      phone
      languages
      cost
      requirements
      populations
      capacity {
        status
        waitDays
        reportedAt
        ageMinutes
        stale
      }
    }
  }
`);

/** One service's conditions against the chosen person's (a resident's read is audited). */
export const ServiceFitQuery = graphql(`
  query ServiceFit(
    $serviceId: ID!
    $shelterId: ID!
    $residentId: ID
    $languages: [String!]
    $population: Population
  ) {
    serviceFit(
      serviceId: $serviceId
      shelterId: $shelterId
      residentId: $residentId
      languages: $languages
      population: $population
    ) {
      serviceId
      active
      capacityFit
      language
      population
      overrideNeeded
      requirementsToCheck
      sharedLanguages
    }
  }
`);

export const CreateReferral = graphql(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      state
      urgency
      reference
      emergencyInstruction
      bedNotAffected
      serviceName
      version
    }
  }
`);

/** What the slip prints: never the reason here (asked for apart, only when the person wants it). */
export const ReferralSlipQuery = graphql(`
  query ReferralSlip($id: ID!) {
    referral(id: $id) {
      id
      reference
      languages
      serviceId
      scheduledFor
      place
      interpreterLanguage
    }
  }
`);

/** The reason, read (and audited) only when the person asked for it on their slip. */
export const ReferralSlipReason = graphql(`
  query ReferralSlipReason($id: ID!) {
    referral(id: $id) {
      id
      reason
    }
  }
`);

export const SlipService = graphql(`
  query SlipService($id: ID!, $shelterId: ID!) {
    healthService(id: $id, shelterId: $shelterId) {
      id
      name
      sensitive
      street
      boroughCode
      phone
      requirements
    }
  }
`);

export type Subject = ResultOf<typeof ReferralSubjects>['referralSubjects'][number];
export type Service = ResultOf<typeof HealthServices>['healthServices'][number];
export type Fit = ResultOf<typeof ServiceFitQuery>['serviceFit'];
export type ReferralInput = VariablesOf<typeof CreateReferral>['input'];
export type Created = ResultOf<typeof CreateReferral>['createReferral'];
export type ReferralCategory = ReferralInput['category'];
export type Urgency = ReferralInput['urgency'];
export type CapacityOverride = NonNullable<ReferralInput['capacityOverride']>;
export type Share = NonNullable<NonNullable<ReferralInput['consent']>['shares']>[number];
export type AgeBracket = NonNullable<Subject['ageBracket']>;
export type SexAtBirth = NonNullable<NonNullable<ReferralInput['person']>['sexAtBirth']>;
export type ServiceCategory = Service['category'];
export type Requirement = Service['requirements'][number];
export type FitMet = Fit['language'];
export type Population = Subject['population'];
