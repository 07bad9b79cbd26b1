import { graphql, type ResultOf } from '../../graphql/graphql.js';

/** A health service's capacity as its staff last reported it (UNKNOWN when stale or never). */
export const ServiceCapacityFields = graphql(`
  fragment ServiceCapacityFields on HealthServiceView @_unmask {
    id
    name
    organisationName
    capacity {
      status
      waitDays
      reportedAt
      ageMinutes
      stale
    }
  }
`);

/** The services whose staff I am (issue 20): the home of service staff. */
export const MyHealthServices = graphql(
  `
    query MyHealthServices {
      myHealthServices {
        ...ServiceCapacityFields
      }
    }
  `,
  [ServiceCapacityFields],
);

export const OneHealthService = graphql(
  `
    query OneHealthService($id: ID!) {
      healthService(id: $id) {
        ...ServiceCapacityFields
      }
    }
  `,
  [ServiceCapacityFields],
);

export const ReportServiceCapacity = graphql(
  `
    mutation ReportServiceCapacity($input: ReportServiceCapacityInput!) {
      reportServiceCapacity(input: $input) {
        ...ServiceCapacityFields
      }
    }
  `,
  [ServiceCapacityFields],
);

/**
 * What a service's staff read of a referral (access SERVICE): the person's alias only when the
 * consent shares the name (else the short reference); never the reason nor sex at birth (each
 * read of them is audited, and the list is read again on every live notice): `reasonShared` says
 * whether a tap may read the reason (InboxReason, which reads sex at birth with it); else a tap
 * reads sex at birth alone (InboxSexAtBirth).
 */
export const InboxReferralFields = graphql(`
  fragment InboxReferralFields on ReferralView @_unmask {
    id
    reference
    version
    state
    urgency
    category
    alias
    ageBracket
    languages
    interpreterLanguage
    needsEscort
    needsTransport
    reasonShared
    fieldVisit
    sentAt
    answerDueAt
    answeredAt
    scheduledFor
    place
    notCompletedReason
    emergencyInstruction
  }
`);

/** The inbox: what is still open for the service, and what the overdue job announced. */
export const ServiceInbox = graphql(
  `
    query ServiceInbox($serviceId: ID!, $states: [ReferralState!], $first: Int) {
      serviceReferrals(serviceId: $serviceId, states: $states, first: $first) {
        ...InboxReferralFields
      }
      overdueReferralsOfService(serviceId: $serviceId) {
        id
        version
      }
    }
  `,
  [InboxReferralFields],
);

/** One referral of the inbox: an overdue one older than the list's page. */
export const InboxOne = graphql(
  `
    query InboxOne($id: ID!) {
      referral(id: $id) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

/**
 * One referral's reason and sex at birth, read on a tap (the API audits each read: ids and
 * purpose; sex at birth only where it was recorded, for a person not registered at a shelter).
 */
export const InboxReason = graphql(`
  query InboxReason($id: ID!) {
    referral(id: $id) {
      id
      reason
      reasonShared
      sexAtBirth
    }
  }
`);

/** One referral's sex at birth alone, read on a tap where the reason is not shared (audited). */
export const InboxSexAtBirth = graphql(`
  query InboxSexAtBirth($id: ID!) {
    referral(id: $id) {
      id
      sexAtBirth
    }
  }
`);

export const AcceptReferral = graphql(
  `
    mutation InboxAccept($input: AcceptReferralInput!) {
      acceptReferral(input: $input) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

export const RejectReferral = graphql(
  `
    mutation InboxReject($input: RejectReferralInput!) {
      rejectReferral(input: $input) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

export const ScheduleReferral = graphql(
  `
    mutation InboxSchedule($input: ScheduleReferralInput!) {
      scheduleReferral(input: $input) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

export const RecordOutcome = graphql(
  `
    mutation InboxOutcome($input: ReferralOutcomeInput!) {
      recordReferralOutcome(input: $input) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

export const NotCompleted = graphql(
  `
    mutation InboxNotCompleted($input: ReferralNotCompletedInput!) {
      referralNotCompleted(input: $input) {
        ...InboxReferralFields
      }
    }
  `,
  [InboxReferralFields],
);

export type InboxReferral = ResultOf<typeof InboxReferralFields>;
export type ServiceCapacityView = ResultOf<typeof ServiceCapacityFields>;
