import type { Population } from '@albergue/shelters';

/** One person to place: their group, and who they are (none for a hold for a count). */
export interface Placement {
  residentId: string | null;
  population: Population;
}

/** A free, in-service bed, in the order beds are offered: regular before overflow, room by room. */
export interface FreeBed {
  id: string;
  roomId: string;
  population: Population;
}

/** A bed of each person's group among `candidates`, in order, or null when one has none. */
function pickFrom(candidates: FreeBed[], placements: Placement[]): string[] | null {
  const taken = new Set<string>();
  const chosen: string[] = [];
  for (const placement of placements) {
    const bed = candidates.find((b) => !taken.has(b.id) && b.population === placement.population);
    if (!bed) {
      return null;
    }
    taken.add(bed.id);
    chosen.push(bed.id);
  }
  return chosen;
}

/**
 * Beds for a person or a household: each on a bed of their group, all in one room when a room
 * has room for everyone (the first such room in the beds' order), else wherever there is a bed;
 * null when there are not enough. Pure: the caller reads the free beds under the shelter's lock.
 */
export function pickBeds(free: FreeBed[], placements: Placement[]): string[] | null {
  for (const room of new Set(free.map((bed) => bed.roomId))) {
    const together = pickFrom(
      free.filter((bed) => bed.roomId === room),
      placements,
    );
    if (together) {
      return together;
    }
  }
  return pickFrom(free, placements);
}
