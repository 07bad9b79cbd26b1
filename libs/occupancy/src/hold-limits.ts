import type { EntityManager } from 'typeorm';
import { freeBedsAt } from './free-beds.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';

export interface HoldLimits {
  /** How long a hold lasts when the request does not say (HOLD_TIME). */
  holdMs: number;
  /**
   * Of a shelter's free beds, the share one other shelter may hold at once
   * (HOLDS_FROM_ELSEWHERE_SHARE): beds kept for people on the way, not all of them for days.
   */
  elsewhereShare: number;
  /** The longest a hold placed from another shelter may last (HOLD_FROM_ELSEWHERE_MAX). */
  elsewhereMaxMs: number;
}

/**
 * How many beds a shelter may hold at another at once: the share of what it could take there
 * (the free beds and those it already holds), rounded up so that a single free bed can still be
 * kept for someone on the way.
 */
export function elsewhereAllowance(free: number, heldAlready: number, share: number): number {
  return Math.ceil(share * (free + heldAlready));
}

/**
 * When a hold lapses: after `hours`, or HOLD_TIME; from another shelter (a hold placed there, or
 * a transfer) never later than HOLD_FROM_ELSEWHERE_MAX, and asking for longer is refused.
 */
export function holdExpiry(
  limits: HoldLimits,
  hold: { fromShelterId: string; shelterId: string; hours?: number | null },
): Date {
  const ms = hold.hours ? hold.hours * 3_600_000 : limits.holdMs;
  if (hold.fromShelterId === hold.shelterId) {
    return new Date(Date.now() + ms);
  }
  if (hold.hours && ms > limits.elsewhereMaxMs) {
    throw new OccupancyException(
      `A hold placed from another shelter lasts at most ${limits.elsewhereMaxMs / 3_600_000} hours.`,
      OccupancyExceptionCode.HOLD_TOO_LONG,
      ['input.hours'],
    );
  }
  return new Date(Date.now() + Math.min(ms, limits.elsewhereMaxMs));
}

/**
 * Refuses a hold for a count of people (nobody named) that would leave `fromShelterId` holding
 * more than its share of `shelterId`'s beds in such holds. Holds that name people (transfers
 * among them) are not counted nor limited: each person can be held once, so they are bounded by
 * the people the shelter has. Runs under the receiving shelter's row lock, so that two
 * placements cannot both pass on the same beds.
 */
export async function checkElsewhereShare(
  manager: EntityManager,
  limits: HoldLimits,
  hold: {
    fromShelterId: string;
    shelterId: string;
    beds: number;
    named: boolean;
    /** At a counts-mode shelter: the published free places of the groups held. */
    free?: number;
  },
): Promise<void> {
  if (hold.fromShelterId === hold.shelterId || hold.named) {
    return;
  }
  const free =
    hold.free !== undefined ? hold.free : (await freeBedsAt(manager, hold.shelterId)).length;
  const [{ held }] = await manager.query<{ held: number }[]>(
    `SELECT count(*)::int AS held FROM bed_assignment a
      WHERE a.shelter_id = $1 AND a.kind = 'hold' AND a.ended_at IS NULL
        AND a.origin_shelter_id = $2 AND a.resident_id IS NULL`,
    [hold.shelterId, hold.fromShelterId],
  );
  const allowed = elsewhereAllowance(free, held, limits.elsewhereShare);
  if (held + hold.beds > allowed) {
    throw new OccupancyException(
      `Your shelter may hold at most ${allowed} of this shelter's beds at once (it holds ${held}): cancel a hold, or ask its coordinator.`,
      OccupancyExceptionCode.HOLD_SHARE_EXCEEDED,
      ['input.count'],
    );
  }
}
