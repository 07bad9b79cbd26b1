import type { ConsoleKey } from '@albergue/i18n';
import type { graphql } from '../graphql/graphql.js';

/**
 * The console's referral vocabulary, in one place for the refer, inbox, follow-up, figures and
 * health-admin screens: the API's enums as lists in the order a screen offers them, and the one
 * catalogue key each value is said with (`referral.<group>.<VALUE>`, one block in each
 * catalogue). Populations and languages are the project's own lists, not copies.
 */
export { POPULATIONS } from '@albergue/contracts';
export { LANGUAGES } from '@albergue/i18n';

/** A GraphQL enum of schema.graphql as a union of its values (gql.tada). */
type Enum<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

export type ReferralCategory = Enum<'ReferralCategory'>;
export type ReferralUrgency = Enum<'ReferralUrgency'>;
export type ReferralState = Enum<'ReferralState'>;
export type AgeBracket = Enum<'AgeBracket'>;
export type SexAtBirth = Enum<'SexAtBirth'>;
export type RejectReason = Enum<'RejectReason'>;
export type ReferralOutcome = Enum<'ReferralOutcome'>;
export type NotCompletedReason = Enum<'NotCompletedReason'>;
export type ReferralShare = Enum<'ReferralShare'>;
export type CapacityStatus = Enum<'CapacityStatus'>;
export type CapacityOverride = Enum<'CapacityOverride'>;
export type ServiceCategory = Enum<'ServiceCategory'>;
export type ServiceRequirement = Enum<'ServiceRequirement'>;

/** The care a referral asks for, as a referrer thinks of it (OTHER last). */
export const CATEGORIES = [
  'ACUTE_ILLNESS',
  'INJURY',
  'CHRONIC_ILLNESS',
  'CHILD_HEALTH',
  'MATERNAL_HEALTH',
  'SEXUAL_REPRODUCTIVE_HEALTH',
  'VIOLENCE',
  'MENTAL_HEALTH',
  'DENTAL',
  'MEDICINES',
  'CERTIFICATION',
  'OTHER',
] as const satisfies readonly ReferralCategory[];

/** Most pressing first: an emergency is the one that must not be missed. */
export const URGENCIES = [
  'EMERGENCY',
  'URGENT',
  'ROUTINE',
] as const satisfies readonly ReferralUrgency[];

/** What a person may agree to share, and with whom (consent). */
export const SHARES = [
  'REASON_WITH_SERVICE',
  'NAME_WITH_SERVICE',
  'OUTCOME_WITH_SHELTER',
] as const satisfies readonly ReferralShare[];

/** A completed referral's outcome. */
export const OUTCOMES = [
  'TREATED',
  'REFERRED_ON',
  'FOLLOW_UP_NEEDED',
] as const satisfies readonly ReferralOutcome[];

/** Why a referral was not completed. */
export const NOT_COMPLETED = [
  'NO_SHOW',
  'MOVED_ON',
  'REFUSED',
  'NOT_CONTACTED',
] as const satisfies readonly NotCompletedReason[];

/** Why a referral goes to a service that reports "not accepting". */
export const OVERRIDES = [
  'EMERGENCY',
  'CALLED_AND_AGREED',
] as const satisfies readonly CapacityOverride[];

export const AGE_BRACKETS = [
  'UNDER_5',
  'CHILD',
  'ADOLESCENT',
  'YOUNG_ADULT',
  'ADULT',
  'OLDER',
] as const satisfies readonly AgeBracket[];

export const SEXES = ['FEMALE', 'MALE', 'INTERSEX'] as const satisfies readonly SexAtBirth[];

/** The values each group of the vocabulary has words for. */
interface Vocabulary {
  category: ReferralCategory;
  urgency: ReferralUrgency;
  state: ReferralState;
  age: AgeBracket;
  sex: SexAtBirth;
  reject: RejectReason;
  outcome: ReferralOutcome;
  notCompleted: NotCompletedReason;
  share: ReferralShare;
  capacity: CapacityStatus;
  override: CapacityOverride;
  serviceKind: ServiceCategory;
  requirement: ServiceRequirement;
}

type VocabularyKey = {
  [G in keyof Vocabulary]: `referral.${G}.${Vocabulary[G]}`;
}[keyof Vocabulary];
/** Fails to compile when an enum value of the schema has no `referral.` key in the catalogue. */
type Missing = Exclude<VocabularyKey, ConsoleKey>;
export const EVERY_VALUE_HAS_WORDS: [Missing] extends [never] ? true : Missing = true;

/**
 * The one catalogue key a referral word is said with: `referralWord('state', 'SENT')` is
 * `referral.state.SENT`. Values come from the API (typed by the schema) or these lists.
 */
export function referralWord<G extends keyof Vocabulary>(group: G, value: string): ConsoleKey {
  return `referral.${group}.${value}` as ConsoleKey;
}

/**
 * A sent referral unanswered past its answer time. `overdueIds` (the inbox reads them from
 * `overdueReferralsOfService`) is the overdue job's word, the clock the screen's, whichever comes
 * first: the job runs every STAFF_CHECK, the screens' clock every half minute.
 */
export function isOverdue(
  referral: { id?: string; state?: string | null; answerDueAt?: string | null },
  now: number,
  overdueIds: ReadonlySet<string> = new Set(),
): boolean {
  if (referral.state !== 'SENT') {
    return false;
  }
  return (
    (!!referral.id && overdueIds.has(referral.id)) ||
    (!!referral.answerDueAt && Date.parse(referral.answerDueAt) <= now)
  );
}
