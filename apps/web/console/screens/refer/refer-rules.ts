import type {
  AgeBracket,
  CapacityOverride,
  Population,
  ReferralCategory,
  ReferralInput,
  Service,
  ServiceCategory,
  SexAtBirth,
  Share,
  Urgency,
} from './refer-documents.js';

/**
 * The kinds of service that give the care a referral asks for: the chooser shows these first (the
 * referral's category and the service's kind are two lists, as in the API). Null: every kind.
 */
const KINDS_FOR: Record<ReferralCategory, readonly ServiceCategory[] | null> = {
  ACUTE_ILLNESS: ['CLINIC', 'HOSPITAL', 'MOBILE_CLINIC'],
  INJURY: ['CLINIC', 'HOSPITAL', 'MOBILE_CLINIC'],
  CHRONIC_ILLNESS: ['CLINIC', 'HOSPITAL', 'MOBILE_CLINIC', 'PHARMACY'],
  CHILD_HEALTH: ['CLINIC', 'HOSPITAL', 'MOBILE_CLINIC'],
  MATERNAL_HEALTH: ['CLINIC', 'HOSPITAL', 'SEXUAL_REPRODUCTIVE_HEALTH'],
  SEXUAL_REPRODUCTIVE_HEALTH: ['SEXUAL_REPRODUCTIVE_HEALTH', 'CLINIC'],
  VIOLENCE: [
    'SEXUAL_REPRODUCTIVE_HEALTH',
    'MENTAL_HEALTH',
    'LEGAL_MEDICAL_CERTIFICATION',
    'CLINIC',
    'HOSPITAL',
  ],
  MENTAL_HEALTH: ['MENTAL_HEALTH'],
  DENTAL: ['DENTAL'],
  MEDICINES: ['PHARMACY', 'CLINIC', 'MOBILE_CLINIC'],
  CERTIFICATION: ['LEGAL_MEDICAL_CERTIFICATION'],
  OTHER: null,
};

export function serviceKindsFor(category: ReferralCategory): readonly ServiceCategory[] | null {
  return KINDS_FOR[category];
}

/**
 * The directory's services offered for a category: those of its kinds (every one for "other", or
 * when the worker asks for every kind), in the directory's order. Filtered here, not by the API,
 * so that the directory read once (filter: null) serves every category without a connection.
 */
export function servicesFor<S extends Pick<Service, 'category'>>(
  directory: readonly S[],
  category: ReferralCategory | undefined,
  allKinds: boolean,
): readonly S[] {
  const kinds = category && !allKinds ? serviceKindsFor(category) : null;
  return kinds ? directory.filter((each) => kinds.includes(each.category)) : directory;
}

/** Where a referral stands on consent: given, not now (a draft), or vital interest (emergency). */
export type ConsentChoice = 'GIVEN' | 'NOT_NOW' | 'VITAL_INTEREST';

export interface PersonDraft {
  alias: string;
  ageBracket?: AgeBracket;
  /** Sex at birth is asked only when someone says it is clinically needed. */
  sexNeeded: boolean;
  sexAtBirth?: SexAtBirth;
  languages: string[];
  population?: Population;
}

export interface ReferDraft {
  category?: ReferralCategory;
  urgency?: Urgency;
  serviceId?: string;
  override?: CapacityOverride;
  reason: string;
  /** '' for none. */
  interpreterLanguage: string;
  needsEscort: boolean;
  needsTransport: boolean;
  consent?: ConsentChoice;
  consentLanguage: string;
  shares: Share[];
}

export function freshDraft(consentLanguage: string): ReferDraft {
  return {
    reason: '',
    interpreterLanguage: '',
    needsEscort: false,
    needsTransport: false,
    consentLanguage,
    shares: [],
  };
}

export function freshPerson(): PersonDraft {
  return { alias: '', sexNeeded: false, languages: [] };
}

/** The limit the API holds a reason to (CreateReferralInput.reason). */
export const REASON_MAX = 2000;

/** A service that says it is not accepting now (a fresh report: a stale one reads UNKNOWN). */
export function notAccepting(service: Pick<Service, 'capacity'> | undefined): boolean {
  return service?.capacity.status === 'NOT_ACCEPTING';
}

/** Whether the referral leaves the shelter now (sent), or is kept here as a draft. */
export function sends(draft: Pick<ReferDraft, 'consent' | 'urgency'>): boolean {
  return (
    draft.consent === 'GIVEN' ||
    (draft.consent === 'VITAL_INTEREST' && draft.urgency === 'EMERGENCY')
  );
}

/** What is still missing before the act can be made, as catalogue keys' last parts. */
export type Missing =
  | 'person'
  | 'sex'
  | 'category'
  | 'urgency'
  | 'service'
  | 'override'
  | 'reason'
  | 'consent'
  | 'consentLanguage';

export function missing(
  draft: ReferDraft,
  service: Pick<Service, 'capacity'> | undefined,
  person?: PersonDraft,
): Missing[] {
  const out: Missing[] = [];
  if (person && (!person.alias.trim() || !person.ageBracket)) {
    out.push('person');
  }
  if (person?.sexNeeded && !person.sexAtBirth) {
    // Ticked as clinically needed: asked, never silently left out of the referral.
    out.push('sex');
  }
  if (!draft.category) {
    out.push('category');
  }
  if (!draft.urgency) {
    out.push('urgency');
  }
  if (!draft.serviceId || !service) {
    out.push('service');
  }
  if (sends(draft) && notAccepting(service) && !draft.override) {
    out.push('override');
  }
  if (!draft.reason.trim()) {
    out.push('reason');
  }
  if (!draft.consent || (draft.consent === 'VITAL_INTEREST' && draft.urgency !== 'EMERGENCY')) {
    out.push('consent');
  } else if (draft.consent === 'GIVEN' && !draft.consentLanguage) {
    out.push('consentLanguage');
  }
  return out;
}

/**
 * The createReferral input for a complete draft (`missing` empty): a resident of the shelter, or
 * the person met at a field visit. Without consent it is kept as a draft (`send: false`) and
 * carries no consent; under vital interest only the basis (the API records who decided: the caller).
 */
export function referralInput(
  draft: ReferDraft,
  shelterId: string,
  subject: { residentId: string } | { person: PersonDraft },
  requestId: string,
): ReferralInput {
  const send = sends(draft);
  const input: ReferralInput = {
    requestId,
    shelterId,
    serviceId: draft.serviceId!,
    category: draft.category!,
    urgency: draft.urgency!,
    reason: draft.reason.trim(),
    needsEscort: draft.needsEscort,
    needsTransport: draft.needsTransport,
    send,
  };
  if (draft.interpreterLanguage) {
    input.interpreterLanguage = draft.interpreterLanguage;
  }
  if (draft.override) {
    input.capacityOverride = draft.override;
  }
  if (draft.consent === 'GIVEN') {
    input.consent = { basis: 'CONSENT', language: draft.consentLanguage, shares: draft.shares };
  } else if (send) {
    input.consent = { basis: 'VITAL_INTEREST' };
  }
  if ('residentId' in subject) {
    input.residentId = subject.residentId;
  } else {
    const { person } = subject;
    input.person = {
      alias: person.alias.trim(),
      ageBracket: person.ageBracket!,
      languages: person.languages,
      ...(person.population ? { population: person.population } : {}),
      ...(person.sexNeeded && person.sexAtBirth ? { sexAtBirth: person.sexAtBirth } : {}),
    };
  }
  return input;
}

/** The slip's language: the first of the person's the console has words in, else Spanish. */
export function slipLanguage(
  languages: readonly string[] | null | undefined,
  known: readonly string[],
): string {
  return (languages ?? []).find((code) => known.includes(code)) ?? 'es';
}
