import { graphql, type ResultOf } from '../../graphql/graphql.js';

export const NetworkDaysQuery = graphql(`
  query FiguresNetworkDays($from: String!, $to: String!, $borough: String) {
    networkFigures(from: $from, to: $to, groupBy: DAY, borough: $borough) {
      day
      shelters
      days
      capacity
      occupied
      bedNights
      arrivals
      departures
      turnaways
      problemReports
      turnawaysByPopulation {
        population
        count
      }
    }
  }
`);

export const NetworkGroupsQuery = graphql(`
  query FiguresNetworkGroups(
    $from: String!
    $to: String!
    $groupBy: FiguresGrouping!
    $borough: String
  ) {
    networkFigures(from: $from, to: $to, groupBy: $groupBy, borough: $borough) {
      shelterId
      boroughCode
      borough
      shelters
      days
      capacity
      occupied
      bedNights
      arrivals
      departures
      turnaways
      problemReports
      turnawaysByPopulation {
        population
        count
      }
    }
  }
`);

/** The period's total: one row, the scope's shelters summed over every day (groupBy NETWORK). */
export const NetworkTotalQuery = graphql(`
  query FiguresNetworkTotal($from: String!, $to: String!, $borough: String, $shelterId: ID) {
    networkFigures(
      from: $from
      to: $to
      groupBy: NETWORK
      borough: $borough
      shelterId: $shelterId
    ) {
      shelters
      days
      capacity
      occupied
      bedNights
      arrivals
      departures
      turnaways
      problemReports
      turnawaysByPopulation {
        population
        count
      }
    }
  }
`);

export const ShelterDaysQuery = graphql(`
  query FiguresShelterDays($shelterId: ID!, $from: String!, $to: String!) {
    dailyFigures(shelterId: $shelterId, from: $from, to: $to) {
      day
      capacity
      occupied
      bedNights
      arrivals
      departures
      turnaways
      problemReports
      turnawaysByPopulation {
        population
        count
      }
    }
  }
`);

export const AggregatesQuery = graphql(`
  query FiguresAggregates($shelterId: ID) {
    residentAggregates(shelterId: $shelterId) {
      shelterId
      total {
        key
        count
        suppressed
      }
      byPopulation {
        key
        count
        suppressed
      }
      byNationality {
        key
        count
        suppressed
      }
      byCaseStatus {
        key
        count
        suppressed
      }
      byAsylumStatus {
        key
        count
        suppressed
      }
    }
  }
`);

export const ProblemReportsQuery = graphql(`
  query FiguresProblemReports($shelterId: ID, $from: String!, $to: String!) {
    problemReports(shelterId: $shelterId, from: $from, to: $to) {
      shelterId
      figuresQuestionedAt
      days {
        day
        reason
        count
      }
    }
  }
`);

/** The shelters' names, to choose one and to name the rows of a table by shelter. */
export const ShelterNamesQuery = graphql(`
  query FiguresShelterNames {
    shelters(first: 1000) {
      id
      name
      address {
        boroughCode
      }
    }
  }
`);

export type Aggregates = ResultOf<typeof AggregatesQuery>['residentAggregates'];
export type ProblemReports = ResultOf<typeof ProblemReportsQuery>['problemReports'];
