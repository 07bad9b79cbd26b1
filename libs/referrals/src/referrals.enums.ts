import { registerEnumType } from '@nestjs/graphql';

/** What kind of health service a service is. */
export enum ServiceCategory {
  CLINIC = 'clinic',
  HOSPITAL = 'hospital',
  MOBILE_CLINIC = 'mobile_clinic',
  SEXUAL_REPRODUCTIVE_HEALTH = 'sexual_reproductive_health',
  /** Mental health and psychosocial support (MHPSS). */
  MENTAL_HEALTH = 'mental_health',
  DENTAL = 'dental',
  PHARMACY = 'pharmacy',
  /** Legal-medical certification (of injuries, of torture: for an asylum claim). */
  LEGAL_MEDICAL_CERTIFICATION = 'legal_medical_certification',
  OTHER = 'other',
}

export enum ServiceCost {
  FREE = 'free',
  FEE = 'fee',
}

/** What a service asks of the person, as a list a referrer can check against. */
export enum ServiceRequirement {
  NO_ID_NEEDED = 'no_id_needed',
  ANY_ID = 'any_id',
  MEXICAN_ID_ONLY = 'mexican_id_only',
  CURP_NEEDED = 'curp_needed',
  APPOINTMENT_NEEDED = 'appointment_needed',
  REFERRAL_LETTER_NEEDED = 'referral_letter_needed',
}

/**
 * What the service's staff last said of taking people. Past SERVICE_STALE_AFTER the public and
 * staff read UNKNOWN (the shelters' honest staleness rule); UNKNOWN is never stored.
 */
export enum CapacityStatus {
  ACCEPTING = 'accepting',
  WAITLIST = 'waitlist',
  NOT_ACCEPTING = 'not_accepting',
  UNKNOWN = 'unknown',
}

/** The care a referral asks for (figures count by it; the service's kind is apart). */
export enum ReferralCategory {
  INJURY = 'injury',
  ACUTE_ILLNESS = 'acute_illness',
  CHRONIC_ILLNESS = 'chronic_illness',
  CHILD_HEALTH = 'child_health',
  MATERNAL_HEALTH = 'maternal_health',
  SEXUAL_REPRODUCTIVE_HEALTH = 'sexual_reproductive_health',
  /** Care after sexual or other violence: the most sensitive category. */
  VIOLENCE = 'violence',
  MENTAL_HEALTH = 'mental_health',
  DENTAL = 'dental',
  MEDICINES = 'medicines',
  CERTIFICATION = 'certification',
  OTHER = 'other',
}

/**
 * EMERGENCY: the app says to call 911 or take the person now, and records it; nothing waits on
 * acceptance. URGENT: an answer within REFERRAL_URGENT_WINDOW (24 h). ROUTINE: within
 * REFERRAL_ROUTINE_WINDOW (72 h).
 */
export enum ReferralUrgency {
  EMERGENCY = 'emergency',
  URGENT = 'urgent',
  ROUTINE = 'routine',
}

/** Where a referral stands; FHIR's words are in the README's mapping table. */
export enum ReferralState {
  DRAFT = 'draft',
  SENT = 'sent',
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
  SCHEDULED = 'scheduled',
  COMPLETED = 'completed',
  NOT_COMPLETED = 'not_completed',
  CLOSED = 'closed',
  CANCELLED = 'cancelled',
}

/** Why a service turned a referral down. */
export enum RejectReason {
  NO_CAPACITY = 'no_capacity',
  NOT_ELIGIBLE = 'not_eligible',
  WRONG_SERVICE = 'wrong_service',
  OTHER = 'other',
}

/** How a kept appointment ended. */
export enum ReferralOutcome {
  TREATED = 'treated',
  REFERRED_ON = 'referred_on',
  FOLLOW_UP_NEEDED = 'follow_up_needed',
}

/** Why a referral was not completed. */
export enum NotCompletedReason {
  NO_SHOW = 'no_show',
  MOVED_ON = 'moved_on',
  REFUSED = 'refused',
  NOT_CONTACTED = 'not_contacted',
}

/**
 * On what ground the referral leaves the shelter: the person's consent to this referral, or,
 * for an emergency only, their vital interest when they cannot consent now (who decided is kept).
 */
export enum ReferralBasis {
  CONSENT = 'consent',
  VITAL_INTEREST = 'vital_interest',
}

/**
 * What the consent lets the referral share, and with whom. Each is decided in one place
 * (referral-view.mapper.ts: readsReason, readsName, readsServiceNote), for the views and the FHIR
 * export alike. Under VITAL_INTEREST the shares are REASON_WITH_SERVICE alone: the service gets
 * the reason and the short reference, nothing else.
 */
export enum ReferralShare {
  /** The clinical reason, with the service's staff (views and FHIR ServiceRequest.reasonCode). */
  REASON_WITH_SERVICE = 'reason_with_service',
  /**
   * The person's alias, with the service's staff everywhere (the view's `alias`, FHIR
   * Patient.name). Without it the service knows the person by the referral's short reference
   * only (`reference`: the first 8 characters of its id, printed on the slip).
   */
  NAME_WITH_SERVICE = 'name_with_service',
  /**
   * The service's words (the note written with a rejection, an outcome or a not-completed),
   * with the referring shelter's health workers. The outcome's code (treated, referred on,
   * follow-up needed, the not-completed or reject reason) always reaches them: the loop must
   * visibly close. The referrer's own notes (cancelling, overriding) stay theirs to read.
   */
  OUTCOME_WITH_SHELTER = 'outcome_with_shelter',
}

/** Why a referral went to a service that reported "not accepting". */
export enum CapacityOverride {
  EMERGENCY = 'emergency',
  CALLED_AND_AGREED = 'called_and_agreed',
}

/** Sex at birth, asked only where clinically needed; sealed with the referral. */
export enum SexAtBirth {
  FEMALE = 'female',
  MALE = 'male',
  INTERSEX = 'intersex',
}

for (const [enumRef, name] of [
  [ServiceCategory, 'ServiceCategory'],
  [ServiceCost, 'ServiceCost'],
  [ServiceRequirement, 'ServiceRequirement'],
  [CapacityStatus, 'CapacityStatus'],
  [ReferralCategory, 'ReferralCategory'],
  [ReferralUrgency, 'ReferralUrgency'],
  [ReferralState, 'ReferralState'],
  [RejectReason, 'RejectReason'],
  [ReferralOutcome, 'ReferralOutcome'],
  [NotCompletedReason, 'NotCompletedReason'],
  [ReferralBasis, 'ReferralBasis'],
  [ReferralShare, 'ReferralShare'],
  [CapacityOverride, 'CapacityOverride'],
  [SexAtBirth, 'SexAtBirth'],
] as const) {
  registerEnumType(enumRef, { name });
}
