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
 * consent shares the name (else the short reference); never the reason (each read of it is
 * audited): `reasonShared` says whether a tap may read it (InboxReason).
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
    sexAtBirth
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

/** One referral's reason, read on a tap (the API audits the read: ids and purpose). */
export const InboxReason = graphql(`
  query InboxReason($id: ID!) {
    referral(id: $id) {
      id
      reason
      reasonShared
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
