import { ReferralState } from './referrals.enums.js';

const S = ReferralState;

/**
 * The loop's allowed moves, FHIR's request lifecycle in our words: a draft is sent; the service
 * accepts or rejects; an accepted referral is scheduled; a scheduled one is completed (with an
 * outcome) or not (with a reason), or rescheduled; a no-show may be rescheduled; a referral
 * closes only once it has an outcome, a not-completed reason or a rejection; the referrer may
 * cancel anything still open. Anything else is an override (a reason, an `override` history row).
 */
export const TRANSITIONS: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  [S.DRAFT]: [S.SENT, S.CANCELLED],
  [S.SENT]: [S.ACCEPTED, S.REJECTED, S.CANCELLED],
  [S.ACCEPTED]: [S.SCHEDULED, S.NOT_COMPLETED, S.CANCELLED],
  [S.SCHEDULED]: [S.SCHEDULED, S.COMPLETED, S.NOT_COMPLETED, S.CANCELLED],
  [S.NOT_COMPLETED]: [S.SCHEDULED, S.CLOSED],
  [S.COMPLETED]: [S.CLOSED],
  [S.REJECTED]: [S.CLOSED],
  [S.CLOSED]: [],
  [S.CANCELLED]: [],
};

/** Still in the loop: it follows the person when they move, and may be closed as "moved on". */
export const OPEN_STATES: readonly ReferralState[] = [
  S.DRAFT,
  S.SENT,
  S.ACCEPTED,
  S.SCHEDULED,
  S.NOT_COMPLETED,
];

/** The states a referral may close from: it has an outcome, a not-completed reason or a rejection. */
export const CLOSABLE_STATES: readonly ReferralState[] = [S.COMPLETED, S.NOT_COMPLETED, S.REJECTED];

export function canMove(from: ReferralState, to: ReferralState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(state: ReferralState): boolean {
  return OPEN_STATES.includes(state);
}
