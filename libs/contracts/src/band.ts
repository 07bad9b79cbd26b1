import type { BandName, PopulationName, ShelterStatusName } from './names.js';

export interface BandRules {
  /** Fewer free places than this (but some) is FEW. */
  fewThreshold: number;
  /** Figures older than this are UNKNOWN. */
  staleAfterMs: number;
}

/** Figures never confirmed, or confirmed longer than `staleAfterMs` ago (times in ms). */
export function isStale(updatedAt: number | null, staleAfterMs: number, now: number): boolean {
  return updatedAt === null || now - updatedAt > staleAfterMs;
}

/**
 * The band of one set of figures (a group's, or the shelter's in all): closure and staleness
 * take precedence over counts, and `places` counts overflow too (a mat tonight beats a park).
 */
export function placesBand(
  status: ShelterStatusName,
  stale: boolean,
  places: number,
  fewThreshold: number,
): BandName {
  switch (status) {
    case 'CLOSED':
    case 'TEMPORARILY_CLOSED':
      return 'CLOSED';
    case 'FULL':
      return stale ? 'UNKNOWN' : 'FULL';
    case 'OPEN':
      if (stale) {
        return 'UNKNOWN';
      }
      if (places <= 0) {
        return 'FULL';
      }
      return places < fewThreshold ? 'FEW' : 'SPACE';
  }
}

/** What the band of a group is read from: a public shelter has it all. */
export interface BandSource {
  populations: readonly PopulationName[];
  availability: {
    band: BandName;
    updatedAt: string | null;
    byPopulation: readonly { population: PopulationName; band: BandName }[];
  };
}

/** The server's clock (ms) and its STALE_AFTER, for a client that holds figures between snapshots. */
export interface Freshness {
  staleAfterMs: number;
  now: number;
}

/**
 * The band a person sees for their group (the shelter's as a whole when no group is chosen).
 * A group the shelter does not take is NOT_SERVED: "not for this group", never FULL (it will
 * not free up) nor UNKNOWN (nothing is missing). A group it takes but has no figures for is
 * UNKNOWN. With `freshness`, figures that aged past STALE_AFTER since they were sent turn
 * UNKNOWN, as the server would say at the next snapshot; a closure stays CLOSED.
 */
export function bandFor(
  shelter: BandSource,
  group: PopulationName | null,
  freshness?: Freshness,
): BandName {
  if (group !== null && !shelter.populations.includes(group)) {
    return 'NOT_SERVED';
  }
  const { availability } = shelter;
  const band =
    group === null
      ? availability.band
      : (availability.byPopulation.find((p) => p.population === group)?.band ?? 'UNKNOWN');
  if (
    freshness &&
    band !== 'CLOSED' &&
    band !== 'NOT_SERVED' &&
    isStale(
      availability.updatedAt === null ? null : Date.parse(availability.updatedAt),
      freshness.staleAfterMs,
      freshness.now,
    )
  ) {
    return 'UNKNOWN';
  }
  return band;
}

/** A band a person can walk to tonight. */
export function offersSpace(band: BandName): boolean {
  return band === 'SPACE' || band === 'FEW';
}

interface FreeCounts {
  freeBeds: number | null;
  overflowFree: number | null;
}

/**
 * Free places for the group (or in all), regular and overflow; null where the public sees
 * bands only (sensitive shelters), cannot trust the count (stale, closed), or the group has none.
 */
export function freePlaces(
  shelter: {
    availability: FreeCounts & {
      byPopulation: readonly (FreeCounts & { population: PopulationName })[];
    };
  },
  group: PopulationName | null,
): number | null {
  const counts =
    group === null
      ? shelter.availability
      : shelter.availability.byPopulation.find((p) => p.population === group);
  if (!counts || counts.freeBeds === null) {
    return null;
  }
  return counts.freeBeds + (counts.overflowFree ?? 0);
}
