import { AgeBracket } from '@albergue/residents';
import { Population } from '@albergue/shelters';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CapacityOverride,
  NotCompletedReason,
  ReferralBasis,
  ReferralCategory,
  ReferralOutcome,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
  SexAtBirth,
} from './referrals.enums.js';

/** Which view of a referral the caller gets (the mapper's one decision). */
export enum ReferralAccess {
  /** Health workers of the following shelter: everything, the reason included (audited). */
  HEALTH = 'health',
  /** The service's staff: the person's alias and needs; the reason only if the consent shares it. */
  SERVICE = 'service',
  /** Coordinators: that a resident has a referral, its state and dates; nothing clinical. */
  STATE = 'state',
  /** Volunteers, for a referral that needs an escort: when and where only. */
  ESCORT = 'escort',
}

registerEnumType(ReferralAccess, { name: 'ReferralAccess' });

/**
 * A view's reason, opened only when asked for: the `reason` field's resolver calls it (the mapper
 * sets it where the role reads the reason, the reads service adds the audit row). Absent: the
 * role does not read the reason.
 */
export const OPEN_REASON = Symbol('openReason');

/**
 * A view's sex at birth, opened only when asked for: the `sexAtBirth` field's resolver calls it
 * (the mapper sets it where the role reads it, the reads service adds the audit row). Absent: the
 * role does not read it.
 */
export const OPEN_SEX_AT_BIRTH = Symbol('openSexAtBirth');

/** Said on every referral and in its history, as residents' consent says it. */
export const BED_NOT_AFFECTED = "Refusing a referral never affects the person's bed.";
export const EMERGENCY_INSTRUCTION = 'Call 911 or take the person to the service now.';

@ObjectType({
  description:
    'A health referral, shaped by the caller role (access): fields a role may not see are null.',
})
export class ReferralView {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, {
    description:
      "The referral's short reference (the first 8 characters of its id), printed on the slip: what the service knows the person by when the consent does not share the name.",
  })
  reference: string;

  @Field(() => ReferralAccess)
  access: ReferralAccess;

  @Field(() => ReferralState, { nullable: true, description: 'Null for an escort volunteer.' })
  state: ReferralState | null;

  @Field(() => ReferralUrgency, { nullable: true })
  urgency: ReferralUrgency | null;

  @Field(() => String, {
    nullable: true,
    description: 'For an EMERGENCY: what to do now (the console shows it).',
  })
  emergencyInstruction: string | null;

  @Field(() => String, { description: BED_NOT_AFFECTED })
  bedNotAffected: string;

  @Field(() => ID, { nullable: true, description: 'Never for the service staff.' })
  residentId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The person's alias: the shelter's health workers; the service's staff only when the consent shares the name (NAME_WITH_SERVICE), else `reference`.",
  })
  alias: string | null;

  /** Not a stored field: `sexAtBirth` is resolved from this (ReferralsResolver), only when selected. */
  [OPEN_SEX_AT_BIRTH]?: () => SexAtBirth | null | Promise<SexAtBirth | null>;

  @Field(() => AgeBracket, { nullable: true })
  ageBracket: AgeBracket | null;

  @Field(() => [String], { nullable: true })
  languages: string[] | null;

  @Field(() => Population, { nullable: true })
  population: Population | null;

  @Field(() => ID, { nullable: true })
  shelterId: string | null;

  @Field(() => ID, { nullable: true })
  fromShelterId: string | null;

  @Field(() => Boolean, { nullable: true })
  fieldVisit: boolean | null;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => String, { nullable: true })
  serviceName: string | null;

  @Field(() => ReferralCategory, { nullable: true })
  category: ReferralCategory | null;

  /** Not a stored field: `reason` is resolved from this (ReferralsResolver), only when selected. */
  [OPEN_REASON]?: () => string | null | Promise<string | null>;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Service staff: false when the consent does not share the reason with the service.',
  })
  reasonShared: boolean | null;

  @Field(() => String, { nullable: true })
  interpreterLanguage: string | null;

  @Field(() => Boolean, { nullable: true })
  needsEscort: boolean | null;

  @Field(() => Boolean, { nullable: true })
  needsTransport: boolean | null;

  @Field(() => ReferralBasis, { nullable: true })
  basis: ReferralBasis | null;

  @Field(() => ID, { nullable: true, description: 'Who explained the consent or decided it.' })
  basisBy: string | null;

  @Field(() => String, { nullable: true })
  consentLanguage: string | null;

  @Field(() => [ReferralShare], { nullable: true })
  shares: ReferralShare[] | null;

  @Field(() => CapacityOverride, { nullable: true })
  capacityOverride: CapacityOverride | null;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;

  @Field(() => Date, { nullable: true })
  sentAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'An answer is owed by then (null for an emergency: nothing waits on it).',
  })
  answerDueAt: Date | null;

  @Field(() => Date, { nullable: true })
  answeredAt: Date | null;

  @Field(() => RejectReason, { nullable: true })
  rejectReason: RejectReason | null;

  @Field(() => Date, { nullable: true })
  scheduledFor: Date | null;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field(() => ReferralOutcome, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => NotCompletedReason, { nullable: true })
  notCompletedReason: NotCompletedReason | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The service's words with a rejection or an outcome: its staff; the shelter's health workers only when the consent shares the outcome (OUTCOME_WITH_SHELTER). The outcome's code always reaches them.",
  })
  note: string | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => [ReferralState], {
    nullable: true,
    description:
      'Where overrideReferral may move it from its state (the rule the service enforces): for the shelter’s health workers; null for everyone else.',
  })
  overrideTargets: ReferralState[] | null;
}

@ObjectType({ description: "A dated step of a referral's loop." })
export class ReferralEventView {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralState, { nullable: true })
  fromState: ReferralState | null;

  @Field(() => ReferralState)
  toState: ReferralState;

  @Field(() => String, {
    nullable: true,
    description: 'created, emergency, rescheduled, moved, moved_on, override, bed_not_affected…',
  })
  detail: string | null;

  @Field(() => String, { nullable: true, description: 'Health workers of the shelter only.' })
  note: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Null for a job (retention erasing the person).',
  })
  byUserId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who did it, by display name: for the shelter’s health workers (a service staff member’s name would tell coordinators the service).',
  })
  byName: string | null;

  @Field(() => Date)
  at: Date;
}

@ObjectType({ description: 'A person a health worker may refer: what a referral copies.' })
export class ReferralSubjectView {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  alias: string | null;

  @Field(() => AgeBracket, { nullable: true })
  ageBracket: AgeBracket | null;

  @Field(() => [String])
  languages: string[];

  @Field(() => Population)
  population: Population;
}
