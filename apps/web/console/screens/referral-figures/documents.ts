import { graphql, type ResultOf } from '../../graphql/graphql.js';

/** A period's referrals (issue 20, item 8): pooled and rounded by the API, never here. */
export const ReferralFiguresQuery = graphql(`
  query ReferralFigures($from: String!, $to: String!, $shelterId: ID, $serviceId: ID) {
    referralFigures(from: $from, to: $to, shelterId: $shelterId, serviceId: $serviceId) {
      from
      to
      total {
        key
        count
        suppressed
      }
      byCategory {
        key
        count
        suppressed
      }
      byUrgency {
        key
        count
        suppressed
      }
      byService {
        key
        count
        suppressed
      }
      byOutcome {
        key
        count
        suppressed
      }
      timeToAcceptance {
        referrals {
          count
          suppressed
        }
        medianHours
        p90Hours
        suppressed
      }
      timeToCompletion {
        referrals {
          count
          suppressed
        }
        medianHours
        p90Hours
        suppressed
      }
      noShowRate {
        rate
        suppressed
      }
    }
  }
`);

export type ReferralFiguresRead = ResultOf<typeof ReferralFiguresQuery>['referralFigures'];

/** The same figures as the API writes them in CSV: what the download hands over, as it came. */
export const ReferralFiguresCsvQuery = graphql(`
  query ReferralFiguresCsv($from: String!, $to: String!, $shelterId: ID, $serviceId: ID) {
    referralFiguresCsv(from: $from, to: $to, shelterId: $shelterId, serviceId: $serviceId)
  }
`);
