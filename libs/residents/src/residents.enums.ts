import { registerEnumType } from '@nestjs/graphql';

export enum AgeBracket {
  UNDER_5 = '0-4',
  CHILD = '5-11',
  ADOLESCENT = '12-17',
  YOUNG_ADULT = '18-29',
  ADULT = '30-59',
  OLDER = '60+',
}

export enum LegalBasis {
  CONSENT = 'consent',
  VITAL_INTEREST = 'vital_interest',
  PUBLIC_INTEREST = 'public_interest',
}

/** Where the person's case stands in the network; every status but OPEN closes it. */
export enum CaseStatus {
  OPEN = 'open',
  DEPARTED = 'departed',
  TRANSFERRED = 'transferred',
  DISAPPEARED = 'disappeared',
  DEPORTED = 'deported',
  RETURNED = 'returned',
  DECEASED = 'deceased',
}

export enum AsylumStatus {
  NOT_STARTED = 'not_started',
  PRE_REGISTERED = 'pre_registered',
  APPOINTMENT_SCHEDULED = 'appointment_scheduled',
  APPLICATION_FILED = 'application_filed',
  RECOGNISED = 'recognised',
  COMPLEMENTARY_PROTECTION = 'complementary_protection',
  REJECTED = 'rejected',
  APPEAL = 'appeal',
  ABANDONED = 'abandoned',
  MOVED_TO_ANOTHER_OFFICE = 'moved_to_another_office',
}

/** Optional flags; each is visible only to the roles that need it (see vulnerabilities.ts). */
export enum Vulnerability {
  PREGNANT = 'pregnant',
  DISABILITY = 'disability',
  CHRONIC_ILLNESS = 'chronic_illness',
  ELDERLY = 'elderly',
  SURVIVOR_OF_VIOLENCE = 'survivor_of_violence',
  AT_RISK_OF_PERSECUTION = 'at_risk_of_persecution',
}

export enum AppointmentKind {
  COMAR = 'comar',
  /** INM, for the humanitarian visitor card (TVRH). */
  INM_TVRH = 'inm_tvrh',
  CBP_ONE = 'cbp_one',
  COURT = 'court',
  CONSULATE = 'consulate',
  OTHER = 'other',
  /**
   * A health referral's appointment (libs/referrals, through AppointmentSources): never entered
   * by hand, never its service's category or reason.
   */
  HEALTH = 'health',
}

export enum AppointmentOutcome {
  PENDING = 'pending',
  ATTENDED = 'attended',
  MISSED = 'missed',
  RESCHEDULED = 'rescheduled',
  CANCELLED = 'cancelled',
}

/** What follows a withdrawal of consent. */
export enum WithdrawalOutcome {
  ERASED = 'erased',
  VITAL_INTEREST = 'vital_interest',
  PUBLIC_INTEREST = 'public_interest',
}

for (const [enumRef, name] of [
  [AgeBracket, 'AgeBracket'],
  [LegalBasis, 'LegalBasis'],
  [CaseStatus, 'CaseStatus'],
  [AsylumStatus, 'AsylumStatus'],
  [Vulnerability, 'Vulnerability'],
  [AppointmentKind, 'AppointmentKind'],
  [AppointmentOutcome, 'AppointmentOutcome'],
  [WithdrawalOutcome, 'WithdrawalOutcome'],
] as const) {
  registerEnumType(enumRef, { name });
}
