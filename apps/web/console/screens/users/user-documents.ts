import { graphql, type ResultOf } from '../../graphql/graphql.js';

export const AdminUserFields = graphql(`
  fragment AdminUserFields on User @_unmask {
    id
    displayName
    email
    active
    networkRole
    preferredLanguage
    memberships {
      shelterId
      shelterName
      role
    }
    serviceIds
  }
`);

export const AdminUsers = graphql(
  `
    query AdminUsers {
      users {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const AdminUser = graphql(
  `
    query AdminUser($id: ID!) {
      user(id: $id) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

/** The shelters an admin may give memberships in, by name. */
export const AdminShelterNames = graphql(`
  query AdminShelterNames {
    shelters(first: 1000) {
      id
      name
    }
  }
`);

export const CreateUser = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const UpdateUser = graphql(
  `
    mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
      updateUser(id: $id, input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const SetMembership = graphql(
  `
    mutation SetMembership($input: MembershipInput!) {
      setMembership(input: $input) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const RemoveMembership = graphql(
  `
    mutation RemoveMembership($userId: ID!, $shelterId: ID!) {
      removeMembership(userId: $userId, shelterId: $shelterId) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const CreatePasswordReset = graphql(`
  mutation CreatePasswordReset($userId: ID!) {
    createPasswordReset(userId: $userId)
  }
`);

export const EndAllSessions = graphql(`
  mutation EndAllSessions($userId: ID!) {
    endAllSessions(userId: $userId)
  }
`);

export const ResetSecondFactor = graphql(`
  mutation ResetSecondFactor($userId: ID!) {
    resetSecondFactor(userId: $userId)
  }
`);

export type AdminUserView = ResultOf<typeof AdminUsers>['users'][number];
export type NetworkRoleName = NonNullable<AdminUserView['networkRole']>;
export type ShelterRoleName = AdminUserView['memberships'][number]['role'];

export const NETWORK_ROLES = ['NETWORK_COORDINATOR', 'ADMIN'] as const;
export const SHELTER_ROLES = ['VOLUNTEER', 'COORDINATOR', 'HEALTH_WORKER'] as const;
export const USER_LANGUAGES = ['es', 'ht', 'fr', 'en', 'pt'] as const;

/**
 * Staff of health services (issue 20): a membership on a service, a scope beside shelters (role
 * SERVICE_STAFF there). The services are named from the directory.
 */
export const AdminServiceNames = graphql(`
  query AdminServiceNames {
    healthServices(filter: { includeInactive: true }) {
      id
      name
      organisationName
      active
    }
  }
`);

export const SetServiceMembership = graphql(
  `
    mutation SetServiceMembership($userId: ID!, $serviceId: ID!) {
      setServiceMembership(userId: $userId, serviceId: $serviceId) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);

export const RemoveServiceMembership = graphql(
  `
    mutation RemoveServiceMembership($userId: ID!, $serviceId: ID!) {
      removeServiceMembership(userId: $userId, serviceId: $serviceId) {
        ...AdminUserFields
      }
    }
  `,
  [AdminUserFields],
);
