import { graphql, type ResultOf } from '../../graphql/graphql.js';

/** The board as the API gives it: ids only; names come from `resident`, as the role may read them. */
export const BoardQuery = graphql(`
  query BedBoard($shelterId: ID!) {
    shelter(id: $shelterId) {
      id
      name
      trackingMode
      availabilityVersion
    }
    bedBoard(shelterId: $shelterId) {
      id
      label
      roomName
      kind
      population
      accessible
      overflow
      outOfServiceReason
      use {
        id
        holdId
        kind
        residentId
        expiresAt
        originShelterId
      }
    }
  }
`);

export type BoardRead = ResultOf<typeof BoardQuery>;

/** The people in the board's beds, as the role may read them (cut to initials on screen). */
export const BoardNamesQuery = graphql(`
  query BoardNames($shelterId: ID!, $ids: [ID!]!, $first: Int!) {
    residentsOf(shelterId: $shelterId, ids: $ids, first: $first) {
      id
      name
    }
  }
`);

export const CheckOut = graphql(`
  mutation BoardCheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      id
    }
  }
`);

export const Move = graphql(`
  mutation BoardMove($input: MoveInput!) {
    move(input: $input) {
      id
    }
  }
`);

export const SetOutOfService = graphql(`
  mutation BoardOutOfService($input: SetBedOutOfServiceInput!) {
    setBedOutOfService(input: $input) {
      id
      outOfServiceReason
    }
  }
`);
