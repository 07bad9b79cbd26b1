import { graphql, type ResultOf } from '../../graphql/graphql.js';

/**
 * The referring shelter's operations (issue 20, item 10). Every field a role may not see comes
 * back null (the view's `access` says which reading it is): the screens say so in words.
 */
export const FollowFields = graphql(`
  fragment FollowFields on ReferralView @_unmask {
    id
    version
    reference
    access
    state
    urgency
    alias
    ageBracket
    serviceName
    category
    needsEscort
    needsTransport
    interpreterLanguage
    createdAt
    sentAt
    answerDueAt
    answeredAt
    scheduledFor
    place
    outcome
    notCompletedReason
    rejectReason
    completedAt
    closedAt
    fieldVisit
  }
`);

/**
 * How many of each part the follow list asks for: every referral still in the loop (up to the
 * API's most), and a page of the latest ones that ended. A part that comes back full was cut:
 * the screen says so. Written as literals in the query too: the API's cost limit counts a page
 * size given in a variable as the largest page of all.
 */
export const OPEN_PAGE = 500;
export const CLOSED_PAGE = 50;

/**
 * A shelter's referrals: the ones still in the loop (a draft to send, one waiting on the
 * service, one with an outcome to close), however old, apart from a page of the latest closed or
 * cancelled ones, so that a long-running open referral never falls off behind recent closed ones.
 */
export const ShelterReferrals = graphql(
  `
    query ShelterReferrals($shelterId: ID!) {
      open: referralsOf(
        shelterId: $shelterId
        first: 500
        states: [DRAFT, SENT, ACCEPTED, REJECTED, SCHEDULED, COMPLETED, NOT_COMPLETED]
      ) {
        ...FollowFields
      }
      closed: referralsOf(shelterId: $shelterId, first: 50, states: [CLOSED, CANCELLED]) {
        ...FollowFields
      }
    }
  `,
  [FollowFields],
);

/** The overdue view: health workers and coordinators (volunteers are not asked it). */
export const OverdueOfShelter = graphql(`
  query OverdueOfShelter($shelterId: ID!) {
    overdueReferrals(shelterId: $shelterId) {
      id
      reference
      version
      state
      sentAt
      answerDueAt
      overdueAt
    }
  }
`);

export const ReferralFull = graphql(
  `
    query ReferralFull($id: ID!) {
      referral(id: $id) {
        ...FollowFields
        residentId
        shelterId
        fromShelterId
        serviceId
        reason
        reasonShared
        sexAtBirth
        languages
        population
        basis
        basisBy
        consentLanguage
        shares
        capacityOverride
        note
        emergencyInstruction
        bedNotAffected
        overrideTargets
      }
    }
  `,
  [FollowFields],
);

export const ReferralSteps = graphql(`
  query ReferralSteps($id: ID!) {
    referralHistory(id: $id) {
      id
      at
      byUserId
      byName
      fromState
      toState
      detail
      note
    }
  }
`);

export const SendReferral = graphql(`
  mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) {
      id
      version
      state
    }
  }
`);

export const CancelReferral = graphql(`
  mutation CancelReferral($input: CancelReferralInput!) {
    cancelReferral(input: $input) {
      id
      version
      state
    }
  }
`);

export const CloseReferral = graphql(`
  mutation CloseReferral($input: CloseReferralInput!) {
    closeReferral(input: $input) {
      id
      version
      state
    }
  }
`);

export const CloseReferralMovedOn = graphql(`
  mutation CloseReferralMovedOn($input: CloseReferralMovedOnInput!) {
    closeReferralMovedOn(input: $input) {
      id
      version
      state
    }
  }
`);

export const OverrideReferral = graphql(`
  mutation OverrideReferral($input: OverrideReferralInput!) {
    overrideReferral(input: $input) {
      id
      version
      state
    }
  }
`);

export const FieldVisits = graphql(`
  query FieldVisits($shelterId: ID!) {
    fieldVisits(shelterId: $shelterId) {
      userId
      displayName
      email
      shelterId
      until
      current
      grantedAt
    }
  }
`);

export const GrantFieldVisit = graphql(`
  mutation GrantFieldVisit($input: GrantFieldVisitInput!) {
    grantFieldVisit(input: $input) {
      userId
      until
      current
    }
  }
`);

export const EndFieldVisit = graphql(`
  mutation EndFieldVisit($userId: ID!, $shelterId: ID!) {
    endFieldVisit(userId: $userId, shelterId: $shelterId) {
      userId
      until
      current
    }
  }
`);

export type FollowedReferral = ResultOf<typeof FollowFields>;
export type FullReferral = ResultOf<typeof ReferralFull>['referral'];
export type ReferralStep = ResultOf<typeof ReferralSteps>['referralHistory'][number];
export type FieldVisit = ResultOf<typeof FieldVisits>['fieldVisits'][number];
