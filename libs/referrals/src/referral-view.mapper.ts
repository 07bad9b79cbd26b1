import { type Actor, Role } from '@albergue/common';
import type { Referral } from './referral.entity.js';
import type { ReferralEvent } from './referral-event.entity.js';
import type { ReferralSealedField } from './referral-sealer.js';
import { OVERRIDES, WAITING_STATES } from './referral-transitions.js';
import {
  BED_NOT_AFFECTED,
  EMERGENCY_INSTRUCTION,
  OPEN_REASON,
  OPEN_SEX_AT_BIRTH,
  ReferralAccess,
  type ReferralEventView,
  type ReferralView,
} from './referral.views.js';
import {
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  type SexAtBirth,
} from './referrals.enums.js';

/** Opens one sealed value of the referral being shaped. */
export type Opener = (field: ReferralSealedField, sealed: string | null) => string | null;

export type ReferralRecord = Referral & { serviceName: string | null };

/**
 * The one place that decides what a role reads of a referral. `healthShelters`: the shelters
 * whose health workers follow it (the following shelter, and for closing as "moved on" the one
 * the person left). Strongest first: health worker, service staff, coordinator, volunteer (only
 * when an escort is needed); null: nothing.
 */
export function accessOf(
  actor: Actor,
  referral: Pick<Referral, 'shelterId' | 'serviceId' | 'needsEscort' | 'state'>,
  healthShelters: string[] = [referral.shelterId],
): ReferralAccess | null {
  if (healthShelters.some((id) => actor.memberships.get(id) === Role.HEALTH_WORKER)) {
    return ReferralAccess.HEALTH;
  }
  // A draft has not left the shelter: its service does not see it yet.
  if (actor.services.has(referral.serviceId) && referral.state !== ReferralState.DRAFT) {
    return ReferralAccess.SERVICE;
  }
  const role = actor.memberships.get(referral.shelterId);
  if (role === Role.COORDINATOR) {
    return ReferralAccess.STATE;
  }
  // An escort is to an appointment still to come: not to a draft, nor to what has ended.
  if (role === Role.VOLUNTEER && referral.needsEscort && WAITING_STATES.includes(referral.state)) {
    return ReferralAccess.ESCORT;
  }
  return null;
}

/** What the service knows the person by when the consent does not share the name; the slip prints it. */
export function shortReference(id: string): string {
  return id.slice(0, 8);
}

/**
 * Every share of the consent is decided here, for the views and the FHIR export alike (the
 * export is what leaves for the service: it reads as SERVICE access).
 */

/** The alias: the shelter's health workers; the service's staff only with NAME_WITH_SERVICE. */
export function readsName(access: ReferralAccess, referral: Pick<Referral, 'shares'>): boolean {
  return (
    access === ReferralAccess.HEALTH ||
    (access === ReferralAccess.SERVICE && referral.shares.includes(ReferralShare.NAME_WITH_SERVICE))
  );
}

/**
 * The service's words (the note written with a rejection, an outcome or a not-completed): its
 * staff; the referring shelter's health workers only with OUTCOME_WITH_SHELTER. The outcome's
 * code is not gated: the loop must visibly close.
 */
export function readsServiceNote(
  access: ReferralAccess,
  referral: Pick<Referral, 'shares'>,
): boolean {
  return (
    access === ReferralAccess.SERVICE ||
    (access === ReferralAccess.HEALTH &&
      referral.shares.includes(ReferralShare.OUTCOME_WITH_SHELTER))
  );
}

/** Sex at birth (clinically needed): the shelter's health workers and the service; audited. */
export function readsSexAtBirth(access: ReferralAccess): boolean {
  return access === ReferralAccess.HEALTH || access === ReferralAccess.SERVICE;
}

/** Whether a view of this access opens the reason (so the caller audits the read). */
export function readsReason(access: ReferralAccess, referral: Pick<Referral, 'shares'>): boolean {
  return (
    access === ReferralAccess.HEALTH ||
    (access === ReferralAccess.SERVICE &&
      referral.shares.includes(ReferralShare.REASON_WITH_SERVICE))
  );
}

const NOTHING: Omit<ReferralView, 'id' | 'reference' | 'version' | 'access' | 'bedNotAffected'> = {
  state: null,
  urgency: null,
  emergencyInstruction: null,
  residentId: null,
  alias: null,
  ageBracket: null,
  languages: null,
  population: null,
  shelterId: null,
  fromShelterId: null,
  fieldVisit: null,
  serviceId: null,
  serviceName: null,
  category: null,
  reasonShared: null,
  interpreterLanguage: null,
  needsEscort: null,
  needsTransport: null,
  basis: null,
  basisBy: null,
  consentLanguage: null,
  shares: null,
  capacityOverride: null,
  createdAt: null,
  sentAt: null,
  answerDueAt: null,
  answeredAt: null,
  rejectReason: null,
  scheduledFor: null,
  place: null,
  outcome: null,
  notCompletedReason: null,
  note: null,
  completedAt: null,
  closedAt: null,
  overrideTargets: null,
};

/**
 * A referral as `access` reads it; sealed values are opened only where the role sees them, the
 * reason and sex at birth only when asked for (`OPEN_REASON`, `OPEN_SEX_AT_BIRTH`, called by the
 * `reason` and `sexAtBirth` fields' resolvers).
 */
export function referralView(
  r: ReferralRecord,
  access: ReferralAccess,
  open: Opener,
): ReferralView {
  const base = {
    id: r.id,
    reference: shortReference(r.id),
    version: r.version,
    access,
    bedNotAffected: BED_NOT_AFFECTED,
  };
  if (access === ReferralAccess.ESCORT) {
    return {
      ...NOTHING,
      ...base,
      needsEscort: true,
      scheduledFor: r.scheduledFor,
      place: open('referral.place', r.placeSealed),
    };
  }
  const dates = {
    state: r.state,
    urgency: r.urgency,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    answerDueAt: r.answerDueAt,
    answeredAt: r.answeredAt,
    scheduledFor: r.scheduledFor,
    completedAt: r.completedAt,
    closedAt: r.closedAt,
    shelterId: r.shelterId,
    fromShelterId: r.fromShelterId,
  };
  if (access === ReferralAccess.STATE) {
    return { ...NOTHING, ...base, ...dates, residentId: r.residentId };
  }
  const person = {
    alias: readsName(access, r) ? open('referral.alias', r.aliasSealed) : null,
    ageBracket: r.ageBracket,
    languages: r.languages,
    population: r.population,
    fieldVisit: r.fieldVisit,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    category: r.category,
    interpreterLanguage: r.interpreterLanguage,
    needsEscort: r.needsEscort,
    needsTransport: r.needsTransport,
    basis: r.basis,
    shares: r.shares,
    capacityOverride: r.capacityOverride,
    rejectReason: r.rejectReason,
    place: open('referral.place', r.placeSealed),
    outcome: r.outcome,
    notCompletedReason: r.notCompletedReason,
    note: readsServiceNote(access, r) ? open('referral.note', r.noteSealed) : null,
    emergencyInstruction: r.urgency === ReferralUrgency.EMERGENCY ? EMERGENCY_INSTRUCTION : null,
  };
  // Sex at birth is not opened here either: only when the selection asks for it (OPEN_SEX_AT_BIRTH).
  const sex = readsSexAtBirth(access)
    ? {
        [OPEN_SEX_AT_BIRTH]: () =>
          open('referral.sexAtBirth', r.sexAtBirthSealed) as SexAtBirth | null,
      }
    : {};
  // The reason is not opened here: only when the caller's selection asks for it (OPEN_REASON).
  const reason = readsReason(access, r)
    ? { [OPEN_REASON]: () => open('referral.reason', r.reasonSealed) }
    : {};
  if (access === ReferralAccess.SERVICE) {
    return {
      ...NOTHING,
      ...base,
      ...dates,
      ...person,
      ...sex,
      ...reason,
      reasonShared: readsReason(access, r),
    };
  }
  return {
    ...NOTHING,
    ...base,
    ...dates,
    ...person,
    ...sex,
    residentId: r.residentId,
    ...reason,
    reasonShared: r.shares.includes(ReferralShare.REASON_WITH_SERVICE),
    basisBy: r.basisBy,
    consentLanguage: r.consentLanguage,
    // The referrer's corrections, from the rule `override` enforces: the screen offers no other.
    overrideTargets: [...OVERRIDES[r.state]],
  };
}

/**
 * A history row: notes (override reasons, cancellations) for the shelter's health workers only;
 * coordinators read states and dates, not the detail (`capacity_override:*`,
 * `emergency:vital_interest`, `refused`, `no_show` say something clinical).
 */
export function referralEventView(
  event: ReferralEvent,
  access: ReferralAccess,
  open: Opener,
  byName: string | null = null,
): ReferralEventView {
  return {
    id: event.id,
    fromState: event.fromState,
    toState: event.toState,
    detail: access === ReferralAccess.STATE ? null : event.detail,
    note: access === ReferralAccess.HEALTH ? open('referral_event.note', event.noteSealed) : null,
    byUserId: event.byUserId,
    byName: access === ReferralAccess.HEALTH ? byName : null,
    at: event.at,
  };
}
