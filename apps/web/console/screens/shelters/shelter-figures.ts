import { graphql, type ResultOf } from '../../graphql/graphql.js';

/** A shelter's figures as staff see them: exact, per group, with their age and version. */
export const ShelterFiguresQuery = graphql(`
  query ShelterFigures($id: ID!) {
    shelter(id: $id) {
      id
      name
      trackingMode
      status
      availabilityVersion
      populations
      availability {
        band
        stale
        updatedAt
        freeBeds
        totalBeds
        byPopulation {
          population
          band
          freeBeds
          totalBeds
          overflowFree
          overflowTotal
        }
      }
    }
  }
`);

export type ShelterFigures = NonNullable<ResultOf<typeof ShelterFiguresQuery>['shelter']>;
