import type { BoardBed } from '@albergue/contracts';

/** A bed's state, written out on the board (never by colour alone). */
export type BedState = 'free' | 'held' | 'occupied' | 'outOfService';

export function bedState(bed: BoardBed): BedState {
  if (bed.use?.kind === 'stay') {
    return 'occupied';
  }
  if (bed.use) {
    return 'held';
  }
  return bed.outOfServiceReason !== null ? 'outOfService' : 'free';
}

/** Two readings of one bed say the same (every field the board shows or acts on). */
export function sameBed(a: BoardBed, b: BoardBed): boolean {
  if (
    a.id !== b.id ||
    a.label !== b.label ||
    a.roomName !== b.roomName ||
    a.kind !== b.kind ||
    a.population !== b.population ||
    a.accessible !== b.accessible ||
    a.overflow !== b.overflow ||
    a.outOfServiceReason !== b.outOfServiceReason
  ) {
    return false;
  }
  if (!a.use || !b.use) {
    return a.use === b.use;
  }
  return (
    a.use.id === b.use.id &&
    a.use.holdId === b.use.holdId &&
    a.use.kind === b.use.kind &&
    a.use.residentId === b.use.residentId &&
    a.use.expiresAt === b.use.expiresAt &&
    a.use.originShelterId === b.use.originShelterId
  );
}

export interface BoardDiff {
  /** The board to show: unchanged beds are the very objects of the previous board. */
  beds: BoardBed[];
  /** Bed ids whose row says something new. */
  changed: string[];
  added: string[];
  removed: string[];
}

/**
 * What changed, bed by bed, from the board on screen to a newer reading (a `/staff` `board`
 * event or a refetch). The beds that did not change keep their identity, so that a row memoised
 * on its bed repaints only when its bed changed; with nothing changed, the previous array itself.
 */
export function diffBoard(
  previous: readonly BoardBed[] | null,
  next: readonly BoardBed[],
): BoardDiff {
  const before = new Map((previous ?? []).map((bed) => [bed.id, bed]));
  const changed: string[] = [];
  const added: string[] = [];
  const beds = next.map((bed) => {
    const old = before.get(bed.id);
    if (!old) {
      added.push(bed.id);
      return bed;
    }
    if (sameBed(old, bed)) {
      return old;
    }
    changed.push(bed.id);
    return bed;
  });
  const present = new Set(next.map((bed) => bed.id));
  const removed = [...before.keys()].filter((id) => !present.has(id));
  const moved = previous !== null && beds.some((bed, index) => previous[index] !== bed);
  const same = previous !== null && !moved && changed.length + added.length + removed.length === 0;
  return { beds: same ? (previous as BoardBed[]) : beds, changed, added, removed };
}

export interface Room {
  name: string;
  beds: BoardBed[];
}

/** The beds by room, in the board's own order (rooms by name, beds by label). */
export function roomsOf(beds: readonly BoardBed[]): Room[] {
  const rooms = new Map<string, BoardBed[]>();
  for (const bed of beds) {
    const room = rooms.get(bed.roomName);
    if (room) {
      room.push(bed);
    } else {
      rooms.set(bed.roomName, [bed]);
    }
  }
  return [...rooms].map(([name, inRoom]) => ({ name, beds: inRoom }));
}

/**
 * A name as recorded, cut down to its initials ("María José Pérez" → "M. J. P."), for a board
 * that may be read over a shoulder; a name of one word (often an alias) keeps its first letter.
 */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/u).filter(Boolean).slice(0, 3);
  return words.map((word) => `${[...word][0]!.toLocaleUpperCase()}.`).join(' ');
}
