import {
  BANDS,
  POPULATIONS,
  PROBLEM_REASONS,
  SERVICES,
  SHELTER_STATUSES,
} from '@albergue/contracts';
import {
  AvailabilityBand,
  Population,
  ProblemReason,
  ShelterService,
  ShelterStatus,
} from './shelters.enums.js';

/** The stored enums and the contract's name lists are one vocabulary: GraphQL's enum names. */
describe('shelters enums', () => {
  it.each([
    ['Population', Population, POPULATIONS],
    ['ShelterService', ShelterService, SERVICES],
    ['ShelterStatus', ShelterStatus, SHELTER_STATUSES],
    ['AvailabilityBand', AvailabilityBand, BANDS],
    ['ProblemReason', ProblemReason, PROBLEM_REASONS],
  ] as const)('%s has exactly the names of libs/contracts, in order', (_name, values, names) => {
    expect(Object.keys(values)).toEqual([...names]);
  });
});
