/** What a transfer needs to know of a person to keep a guardian and a minor together. */
export interface HouseholdMember {
  id: string;
  guardianId: string | null;
  minor: boolean;
}

/**
 * The guardian and minor pairs a transfer would part: one of them among `moving`, the other
 * among `staying` (checked in where the transfer leaves from), either way round. Pure: the
 * caller reads both lists under the shelters' locks.
 */
export function partedPairs<M extends HouseholdMember>(
  moving: M[],
  staying: M[],
): { left: M; moving: M }[] {
  const parted: { left: M; moving: M }[] = [];
  for (const left of staying) {
    for (const goes of moving) {
      const guardianLeft = goes.minor && goes.guardianId === left.id;
      const minorLeft = left.minor && left.guardianId === goes.id;
      if (guardianLeft || minorLeft) {
        parted.push({ left, moving: goes });
      }
    }
  }
  return parted;
}
