import { ReferralState } from './referrals.enums.js';

const S = ReferralState;

/**
 * The loop's allowed moves, FHIR's request lifecycle in our words: a draft is sent; the service
 * accepts or rejects; an accepted referral is scheduled; a scheduled one is completed (with an
 * outcome) or not (with a reason), or rescheduled; a no-show may be rescheduled; a referral
 * closes only once it has an outcome, a not-completed reason or a rejection. The referrer may
 * cancel a draft or a referral still waiting on the service (sent, accepted, scheduled); a
 * not-completed one already has its reason and is closed (or a no-show rescheduled), not
 * cancelled. Outside this table only the overrides of OVERRIDES.
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

/** Waiting on the service: the referrer may cancel it, volunteers escort to it. */
export const WAITING_STATES: readonly ReferralState[] = [S.SENT, S.ACCEPTED, S.SCHEDULED];

/** The states a referral may close from: it has an outcome, a not-completed reason or a rejection. */
export const CLOSABLE_STATES: readonly ReferralState[] = [S.COMPLETED, S.NOT_COMPLETED, S.REJECTED];

/**
 * What a referrer may correct outside the loop (`overrideReferral`, a reason, an `override`
 * history row): only what the referring side knows and can vouch for, never a way round consent,
 * capacity or "closes only with an outcome":
 * - REJECTED -> SENT: rejected by mistake, agreed again by phone; sent again through sending's
 *   own path (consent given, capacity checked anew, sentAt and the answer's countdown reset).
 * - SENT, ACCEPTED, SCHEDULED -> COMPLETED / NOT_COMPLETED: the service never said, the person
 *   did; only with the outcome (or the not-completed reason) given in the override.
 *   NOT_COMPLETED -> COMPLETED too (a no-show that went after all).
 * - -> CLOSED only from CLOSABLE_STATES; -> CANCELLED only from WAITING_STATES.
 * Never: out of CLOSED or CANCELLED (final), out of a DRAFT (sendReferral, with its consent, or
 * cancelReferral), to DRAFT, nor to the service's own states (ACCEPTED, SCHEDULED, REJECTED),
 * which carry the service's data (its answer, a date and place).
 */
export const OVERRIDES: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  [S.DRAFT]: [],
  [S.SENT]: [S.COMPLETED, S.NOT_COMPLETED, S.CANCELLED],
  [S.ACCEPTED]: [S.COMPLETED, S.NOT_COMPLETED, S.CANCELLED],
  [S.SCHEDULED]: [S.COMPLETED, S.NOT_COMPLETED, S.CANCELLED],
  [S.NOT_COMPLETED]: [S.COMPLETED, S.CLOSED],
  [S.COMPLETED]: [S.CLOSED],
  [S.REJECTED]: [S.SENT, S.CLOSED],
  [S.CLOSED]: [],
  [S.CANCELLED]: [],
};

export function canMove(from: ReferralState, to: ReferralState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function canOverride(from: ReferralState, to: ReferralState): boolean {
  return OVERRIDES[from].includes(to);
}

export function isOpen(state: ReferralState): boolean {
  return OPEN_STATES.includes(state);
}
