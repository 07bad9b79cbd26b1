/** A hold or transfer's places, as holdsAt and transfersFrom give them (one row per place). */
export interface Place {
  id: string;
  holdId?: string | null;
  bedId?: string | null;
  residentId?: string | null;
  population?: string | null;
  shelterId: string;
  originShelterId?: string | null;
  expiresAt?: string | null;
  startedAt: string;
  endedAt?: string | null;
  endReason?: string | null;
}

/** What became of a hold: still awaited, the people arrived, the receiver declined, it lapsed. */
export type HoldState = 'waiting' | 'arrived' | 'declined' | 'lapsed' | 'cancelled';

export interface HoldGroup<P extends Place = Place> {
  holdId: string;
  places: P[];
  state: HoldState;
  expiresAt: string | null;
}

export function holdState(places: Place[], now: number): HoldState {
  const open = places.filter((place) => !place.endedAt);
  if (open.length > 0) {
    const expiry = open[0].expiresAt;
    return expiry && Date.parse(expiry) <= now ? 'lapsed' : 'waiting';
  }
  const reasons = new Set(places.map((place) => place.endReason));
  if (reasons.has('CHECKED_IN')) {
    return 'arrived';
  }
  if (reasons.has('DECLINED')) {
    return 'declined';
  }
  if (reasons.has('CANCELLED')) {
    return 'cancelled';
  }
  return 'lapsed';
}

/** The places grouped by their hold, in the order the API gave them. */
export function byHold<P extends Place>(places: readonly P[], now: number): HoldGroup<P>[] {
  const groups = new Map<string, P[]>();
  for (const place of places) {
    const key = place.holdId ?? place.id;
    groups.set(key, [...(groups.get(key) ?? []), place]);
  }
  return [...groups].map(([holdId, each]) => ({
    holdId,
    places: each,
    state: holdState(each, now),
    expiresAt: each.find((place) => place.expiresAt)?.expiresAt ?? null,
  }));
}
