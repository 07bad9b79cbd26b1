import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

/** Organisations: the public list (names and contacts of who runs shelters). */
export const OrganisationsQuery = graphql(`
  query AdminOrganisations {
    organisations {
      id
      name
      kind
      email
      phone
      website
    }
  }
`);

export type OrganisationRow = ResultOf<typeof OrganisationsQuery>['organisations'][number];

export const CreateOrganisation = graphql(`
  mutation AdminCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
    }
  }
`);

export const UpdateOrganisation = graphql(`
  mutation AdminUpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      id
      name
    }
  }
`);

/**
 * Every shelter, as the API lists them (the public list holds all of them, closed and sensitive
 * ones too: a sensitive one at its area). What an admin needs to pick one; the door is read per
 * shelter (networkShelter) when it is edited.
 */
export const AdminSheltersQuery = graphql(`
  query AdminShelters {
    shelters(first: 1000) {
      id
      name
      status
      sensitive
      trackingMode
      organisation {
        id
        name
      }
      address {
        borough
      }
    }
  }
`);

/** One shelter as its edit form starts from: the public description, and the door and places. */
export const ShelterToEditQuery = graphql(`
  query AdminShelterToEdit($id: ID!) {
    shelter(id: $id) {
      id
      name
      status
      sensitive
      trackingMode
      organisation {
        id
      }
      services
      languages
      openingHours
      hours {
        alwaysOpen
        periods {
          days
          opens
          closes
        }
      }
      contact {
        phone
        whatsapp
        email
      }
      eligibility {
        idRequired
        petsAllowed
        wheelchairAccessible
        maxStayDays
        curfew
      }
    }
    networkShelter(id: $id) {
      id
      lat
      lng
      address {
        street
        neighbourhood
        boroughCode
        city
        state
        postalCode
      }
      capacity {
        population
        totalBeds
        overflowTotal
      }
    }
  }
`);

export type ShelterToEdit = ResultOf<typeof ShelterToEditQuery>;

export const CreateShelter = graphql(`
  mutation AdminCreateShelter($input: CreateShelterInput!) {
    createShelter(input: $input) {
      id
      name
    }
  }
`);

export type CreateShelterVariables = VariablesOf<typeof CreateShelter>['input'];

export const UpdateShelter = graphql(`
  mutation AdminUpdateShelter($id: ID!, $input: UpdateShelterInput!) {
    updateShelter(id: $id, input: $input) {
      id
      name
      sensitive
    }
  }
`);

export type UpdateShelterVariables = VariablesOf<typeof UpdateShelter>['input'];

/** A shelter's set-up: its rooms and beds (no people), and what a switch to beds mode would do. */
export const SetupQuery = graphql(`
  query AdminShelterSetup($shelterId: ID!) {
    shelter(id: $shelterId) {
      id
      name
      trackingMode
      populations
    }
    rooms(shelterId: $shelterId) {
      id
      name
      beds {
        id
        label
        kind
        population
        accessible
        overflow
        outOfServiceReason
      }
    }
    bedsModePreview(shelterId: $shelterId) {
      bedsMode
      ready
      missing
      holdsWithoutBeds
      staysWithoutBeds
      figures {
        population
        totalBeds
        freeBeds
        overflowTotal
        overflowFree
      }
    }
  }
`);

export type SetupRead = ResultOf<typeof SetupQuery>;
export type BedsModePreviewRead = SetupRead['bedsModePreview'];

export const CreateRoom = graphql(`
  mutation AdminCreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
      name
    }
  }
`);

export const AddBeds = graphql(`
  mutation AdminAddBeds($input: AddBedsInput!) {
    addBeds(input: $input) {
      id
    }
  }
`);

export const SetBedOutOfService = graphql(`
  mutation AdminSetBedOutOfService($input: SetBedOutOfServiceInput!) {
    setBedOutOfService(input: $input) {
      id
      outOfServiceReason
    }
  }
`);

export const SwitchToBedsMode = graphql(`
  mutation AdminSwitchToBedsMode($input: BedsModeInput!) {
    switchToBedsMode(input: $input) {
      id
      trackingMode
    }
  }
`);
