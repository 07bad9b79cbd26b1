import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

/** The gate's one act: register a person or a household and check them in (beds mode). */
export const RegisterAndCheckIn = graphql(`
  mutation RegisterAndCheckIn($input: RegisterAndCheckInInput!) {
    registerAndCheckIn(input: $input) {
      id
      bedId
      residentId
      population
    }
  }
`);

/**
 * A counts-mode shelter places walk-ins by its next report (the API refuses a check-in without
 * a hold there): the gate registers them, and says so.
 */
export const RegisterHousehold = graphql(`
  mutation RegisterHousehold($input: RegisterHouseholdInput!) {
    registerHousehold(input: $input) {
      id
      members {
        id
      }
    }
  }
`);

/**
 * A person already on record at this shelter, back at the gate: checked in as they are, no second
 * record. The API takes only people registered here (RESIDENT_NOT_HERE otherwise).
 */
export const CheckInKnown = graphql(`
  mutation CheckInKnown($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      bedId
      residentId
    }
  }
`);

export const RecordTurnaway = graphql(`
  mutation RecordTurnaway($input: TurnawayInput!) {
    recordTurnaway(input: $input) {
      id
      count
      population
      reason
    }
  }
`);

/** Who a member refused as POSSIBLE_DUPLICATE may be, as the API shows them to this caller. */
export const LikelyMatches = graphql(`
  query LikelyMatches($shelterId: ID!, $name: String!, $birthYear: Int) {
    likelyMatches(shelterId: $shelterId, name: $name, birthYear: $birthYear) {
      matchedTokens
      matchedSounds
      resident {
        id
        name
        birthYear
        ageBracket
        nationality
        population
        currentShelterId
      }
    }
  }
`);

/** The beds a person may be given now: free and in service (the bed board's rows). */
export const GateBeds = graphql(`
  query GateBeds($shelterId: ID!) {
    bedBoard(shelterId: $shelterId) {
      id
      label
      roomName
      population
      kind
      accessible
      overflow
      outOfServiceReason
      use {
        id
      }
    }
  }
`);

/** Today's turnaways: coordinators read the daily figures, volunteers do not. */
export const TodayTurnaways = graphql(`
  query TodayTurnaways($shelterId: ID!, $day: String!) {
    dailyFigures(shelterId: $shelterId, from: $day, to: $day) {
      day
      turnaways
    }
  }
`);

export type HouseholdInput = VariablesOf<typeof RegisterAndCheckIn>['input'];
export type Population = HouseholdInput['members'][number]['population'];
export type LegalBasis = HouseholdInput['legalBasis']['basis'];
export type TurnawayReason = VariablesOf<typeof RecordTurnaway>['input']['reason'];
export type GateBed = ResultOf<typeof GateBeds>['bedBoard'][number];
export type LikelyMatch = ResultOf<typeof LikelyMatches>['likelyMatches'][number];
