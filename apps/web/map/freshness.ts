import type { Band, Group, Shelter } from './types';

/**
 * Time as the server counts it: phones' clocks are often wrong, so every age is computed from
 * the snapshot's and the updates' server time, plus what has passed here since.
 */
export class ServerClock {
  private offsetMs = 0;

  observe(serverTime: string): void {
    this.offsetMs = Date.parse(serverTime) - Date.now();
  }

  /** For a saved copy: the offset measured when it was saved, not its old server time. */
  useOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }

  offset(): number {
    return this.offsetMs;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export interface Rules {
  staleAfterMs: number;
}

/** The band for the group (or the whole shelter), turned UNKNOWN once its figures are too old. */
export function bandOf(shelter: Shelter, group: Group | null, rules: Rules, now: number): Band {
  const updated = shelter.availability.updatedAt
    ? Date.parse(shelter.availability.updatedAt)
    : null;
  const stale = updated === null || now - updated > rules.staleAfterMs;
  const band = group
    ? (shelter.availability.byPopulation.find((p) => p.population === group)?.band ?? 'FULL')
    : shelter.availability.band;
  return stale && band !== 'CLOSED' ? 'UNKNOWN' : band;
}

/** Free places for the group (regular and overflow), or null when the public sees bands only. */
export function freeOf(shelter: Shelter, group: Group | null): number | null {
  const counts = group
    ? shelter.availability.byPopulation.find((p) => p.population === group)
    : shelter.availability;
  if (!counts || counts.freeBeds === null) {
    return null;
  }
  return counts.freeBeds + (counts.overflowFree ?? 0);
}
