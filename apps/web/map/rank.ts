import {
  type BandName as Band,
  bandFor,
  freePlaces,
  offersSpace,
  type PublicShelter as Shelter,
} from '@albergue/contracts';
import { distanceKm, type Point } from './nearest';
import type { View } from './render';

/** Where to go first: space, then few, then unknown (call first), then full, closed, not for them. */
export const BAND_ORDER: Band[] = ['SPACE', 'FEW', 'UNKNOWN', 'FULL', 'CLOSED', 'NOT_SERVED'];

export interface Ranked {
  shelter: Shelter;
  band: Band;
  /** Free places for the group; null where the public sees bands only. */
  free: number | null;
  /** From the person's point, when they gave one. */
  km: number | null;
}

/** The first screen's answer: where there is space, in the order to try them, then the rest. */
export interface Answer {
  space: Ranked[];
  others: Ranked[];
}

/** The service filter: a shelter without the chosen service leaves the lists and the map. */
export function offersService(shelter: Shelter, view: View): boolean {
  return !view.service || shelter.services.includes(view.service);
}

/**
 * A shelter the person's choices leave in the lists: it takes the group and offers the service.
 * (The map shows the others of the group faded, as "not for this group".)
 */
function fits(shelter: Shelter, view: View): boolean {
  return (!view.group || shelter.populations.includes(view.group)) && offersService(shelter, view);
}

/**
 * The shelters that fit, split into those with space (nearest first when the person gave a
 * point; else SPACE before FEW, most free places first, counts the public cannot see last) and
 * the others (unknown first: they may have space, call first; then full, closed), each in band
 * order, then nearest or by name.
 */
export function rank(shelters: Iterable<Shelter>, view: View, from: Point | null): Answer {
  const ranked = [...shelters]
    .filter((shelter) => fits(shelter, view))
    .map((shelter): Ranked => ({
      shelter,
      band: bandFor(shelter, view.group, view.freshness),
      free: freePlaces(shelter, view.group),
      km: from ? distanceKm(from, shelter.location) : null,
    }));
  const byBand = (a: Ranked, b: Ranked) => BAND_ORDER.indexOf(a.band) - BAND_ORDER.indexOf(b.band);
  const byName = (a: Ranked, b: Ranked) => a.shelter.name.localeCompare(b.shelter.name);
  const byDistance = (a: Ranked, b: Ranked) => a.km! - b.km!;
  const byFree = (a: Ranked, b: Ranked) => (b.free ?? -1) - (a.free ?? -1);
  const space = ranked
    .filter((entry) => offersSpace(entry.band))
    .sort((a, b) => (from ? byDistance(a, b) : byBand(a, b) || byFree(a, b)) || byName(a, b));
  const others = ranked
    .filter((entry) => !offersSpace(entry.band))
    .sort((a, b) => byBand(a, b) || (from ? byDistance(a, b) : 0) || byName(a, b));
  return { space, others };
}
