import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

/** The fields of a health service an admin lists and edits (HealthServiceView, in full). */
export const AdminHealthServiceFields = graphql(`
  fragment AdminHealthServiceFields on HealthServiceView @_unmask {
    id
    name
    organisationId
    organisationName
    category
    street
    boroughCode
    lat
    lng
    phone
    hours {
      alwaysOpen
      periods {
        days
        opens
        closes
      }
    }
    languages
    cost
    requirements
    populations
    public
    sensitive
    active
    capacity {
      status
      waitDays
      reportedAt
      stale
    }
  }
`);

/** Every service of the directory, those closed for good too (an admin may open them again). */
export const AdminHealthServicesQuery = graphql(
  `
    query AdminHealthServices {
      healthServices(filter: { includeInactive: true }) {
        ...AdminHealthServiceFields
      }
    }
  `,
  [AdminHealthServiceFields],
);

export type AdminHealthService = ResultOf<
  typeof AdminHealthServicesQuery
>['healthServices'][number];
export type ServiceCategoryName = AdminHealthService['category'];
export type ServiceRequirementName = AdminHealthService['requirements'][number];
export type ServiceCostName = AdminHealthService['cost'];
export type CapacityStatusName = AdminHealthService['capacity']['status'];

export const AdminHealthServiceQuery = graphql(
  `
    query AdminHealthService($id: ID!) {
      healthService(id: $id) {
        ...AdminHealthServiceFields
      }
    }
  `,
  [AdminHealthServiceFields],
);

export const CreateHealthService = graphql(`
  mutation AdminCreateHealthService($input: CreateHealthServiceInput!) {
    createHealthService(input: $input) {
      id
      name
    }
  }
`);

export type CreateHealthServiceVariables = VariablesOf<typeof CreateHealthService>['input'];

export const UpdateHealthService = graphql(`
  mutation AdminUpdateHealthService($id: ID!, $input: UpdateHealthServiceInput!) {
    updateHealthService(id: $id, input: $input) {
      id
      name
      sensitive
      public
      active
    }
  }
`);

export type UpdateHealthServiceVariables = VariablesOf<typeof UpdateHealthService>['input'];

/** The schema's ServiceCategory, in the order a referrer thinks of them (OTHER last). */
export const SERVICE_CATEGORIES = [
  'CLINIC',
  'HOSPITAL',
  'MOBILE_CLINIC',
  'SEXUAL_REPRODUCTIVE_HEALTH',
  'MENTAL_HEALTH',
  'DENTAL',
  'PHARMACY',
  'LEGAL_MEDICAL_CERTIFICATION',
  'OTHER',
] as const satisfies readonly ServiceCategoryName[];

export const SERVICE_REQUIREMENTS = [
  'NO_ID_NEEDED',
  'ANY_ID',
  'MEXICAN_ID_ONLY',
  'CURP_NEEDED',
  'APPOINTMENT_NEEDED',
  'REFERRAL_LETTER_NEEDED',
] as const satisfies readonly ServiceRequirementName[];

export const SERVICE_COSTS = ['FREE', 'FEE'] as const satisfies readonly ServiceCostName[];
