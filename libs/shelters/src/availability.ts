import { enumNames } from '@albergue/common';
import { isStale as staleAt, placesBand } from '@albergue/contracts';
import type { Availability, PopulationAvailability } from './availability.types.js';
import { AvailabilityBand, type Population, ShelterStatus } from './shelters.enums.js';

export interface CapacityFigures {
  population: Population;
  totalBeds: number;
  freeBeds: number;
  overflowTotal: number;
  overflowFree: number;
}

export interface AvailabilityRules {
  /** Fewer free places than this (but some) is FEW. */
  fewThreshold: number;
  /** Figures older than this are UNKNOWN. */
  staleAfterMs: number;
}

export interface AvailabilityInput {
  status: ShelterStatus;
  sensitive: boolean;
  confirmedAt: Date | null;
  capacities: CapacityFigures[];
}

export function isStale(confirmedAt: Date | null, rules: AvailabilityRules, now: Date): boolean {
  return staleAt(confirmedAt?.getTime() ?? null, rules.staleAfterMs, now.getTime());
}

const statusName = enumNames(ShelterStatus);

/** The band of one set of figures: the rule the map applies too (libs/contracts placesBand). */
export function bandOf(
  status: ShelterStatus,
  stale: boolean,
  places: number,
  rules: AvailabilityRules,
): AvailabilityBand {
  return AvailabilityBand[placesBand(statusName(status), stale, places, rules.fewThreshold)];
}

function sum(figures: CapacityFigures[]): Omit<CapacityFigures, 'population'> {
  return figures.reduce(
    (total, f) => ({
      totalBeds: total.totalBeds + f.totalBeds,
      freeBeds: total.freeBeds + f.freeBeds,
      overflowTotal: total.overflowTotal + f.overflowTotal,
      overflowFree: total.overflowFree + f.overflowFree,
    }),
    { totalBeds: 0, freeBeds: 0, overflowTotal: 0, overflowFree: 0 },
  );
}

/**
 * The public view of a shelter's figures. Sensitive shelters show bands only, so that a count
 * moving by one does not announce an arrival; stale figures, and closed shelters, show no free count.
 */
export function computeAvailability(
  input: AvailabilityInput,
  rules: AvailabilityRules,
  now: Date,
): Availability {
  const stale = isStale(input.confirmedAt, rules, now);
  const closed =
    input.status === ShelterStatus.CLOSED || input.status === ShelterStatus.TEMPORARILY_CLOSED;
  const showTotals = !input.sensitive;
  // Free places of a closed shelter are not places anyone can use tonight.
  const showFree = showTotals && !stale && !closed;
  const view = (figures: Omit<CapacityFigures, 'population'>) => ({
    band: bandOf(input.status, stale, figures.freeBeds + figures.overflowFree, rules),
    freeBeds: showFree ? figures.freeBeds : null,
    totalBeds: showTotals ? figures.totalBeds : null,
    overflowFree: showFree ? figures.overflowFree : null,
    overflowTotal: showTotals ? figures.overflowTotal : null,
  });
  const byPopulation: PopulationAvailability[] = input.capacities.map((figures) => ({
    population: figures.population,
    ...view(figures),
  }));
  return { ...view(sum(input.capacities)), updatedAt: input.confirmedAt, stale, byPopulation };
}
