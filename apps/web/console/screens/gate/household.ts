import type { ConsoleKey } from '@albergue/i18n';
import type { HouseholdInput, LegalBasis, Population } from './gate-documents.js';

/**
 * The gate's form as typed, before it becomes the API's input: strings as the fields hold them,
 * guardians named by the member's stable key (members can be removed), ages or birth years.
 */
export interface MemberDraft {
  key: number;
  /** As the person gives it: it may be an alias. */
  name: string;
  birthYear: string;
  /** In years, when the person does not know or say the year. */
  age: string;
  languages: string[];
  /** ISO 3166-1 alpha-2 when not the household's ('': the household's): children born on the way. */
  nationality: string;
  /** Other languages as ISO 639 codes, typed ("quc, mam"): those the checkboxes do not list. */
  otherLanguages: string;
  /** The key of the adult member who is this minor's guardian. */
  guardianKey: number | null;
  unaccompanied: boolean;
  /** The child-protection follow-up of an unaccompanied minor. */
  authority: string;
  notifiedOn: string;
  caseNumber: string;
}

export interface HouseholdDraft {
  population: Population | '';
  nationality: string;
  members: MemberDraft[];
  basis: LegalBasis;
  explainedIn: string;
  consentIndependent: boolean;
  /** 'any': the API picks suitable beds; 'chosen': one bed per member, in member order. */
  beds: 'any' | 'chosen';
  bedIds: string[];
}

/** Under 18 by the year alone: this year minus the birth year, as the API's bracketOf counts. */
const ADULT_AGE = 18;

export function newMember(key: number, languages: string[] = []): MemberDraft {
  return {
    key,
    name: '',
    birthYear: '',
    age: '',
    languages,
    nationality: '',
    otherLanguages: '',
    guardianKey: null,
    unaccompanied: false,
    authority: '',
    notifiedOn: '',
    caseNumber: '',
  };
}

export function newHousehold(today: string): HouseholdDraft {
  return {
    population: '',
    nationality: '',
    members: [{ ...newMember(0), notifiedOn: today }],
    basis: 'CONSENT',
    explainedIn: '',
    consentIndependent: false,
    beds: 'any',
    bedIds: [],
  };
}

function whole(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) {
    return undefined;
  }
  return Number(trimmed);
}

/**
 * The birth year a member gives, or the one their age in years makes (this year minus the age:
 * a year either way, which is what the record keeps anyway).
 */
export function birthYearOf(member: Pick<MemberDraft, 'birthYear' | 'age'>, year: number) {
  const typed = whole(member.birthYear);
  if (typed !== undefined) {
    return typed;
  }
  const age = whole(member.age);
  return age === undefined || age > 120 ? undefined : year - age;
}

/** The typed codes, lower-cased; undefined when one is not an ISO 639 code. */
export function otherLanguagesOf(text: string): string[] | undefined {
  const codes = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((code) => code.toLowerCase());
  return codes.every((code) => /^[a-z]{2,3}$/.test(code)) ? codes : undefined;
}

/** Every language a member speaks, each once: the ones ticked, then the ones typed. */
export function languagesOf(member: Pick<MemberDraft, 'languages' | 'otherLanguages'>): string[] {
  return [...new Set([...member.languages, ...(otherLanguagesOf(member.otherLanguages) ?? [])])];
}

export function isMinor(member: Pick<MemberDraft, 'birthYear' | 'age'>, year: number): boolean {
  const born = birthYearOf(member, year);
  return born !== undefined && year - born < ADULT_AGE;
}

/** What the form must still say before the API is asked: the API's own rules, said earlier. */
export interface Problem {
  /** The member's index, or undefined for the household as a whole. */
  member?: number;
  key: ConsoleKey;
}

export function problemsOf(draft: HouseholdDraft, year: number, bedsMode: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!draft.population) {
    problems.push({ key: 'gate.problem.population' });
  }
  if (!/^[A-Z]{2}$/.test(draft.nationality)) {
    problems.push({ key: 'gate.problem.nationality' });
  }
  const adults = new Set(
    draft.members.filter((member) => !isMinor(member, year)).map((member) => member.key),
  );
  draft.members.forEach((member, index) => {
    if (!member.name.trim()) {
      problems.push({ member: index, key: 'gate.problem.name' });
    }
    if (!otherLanguagesOf(member.otherLanguages)) {
      problems.push({ member: index, key: 'gate.problem.languages' });
    }
    const born = birthYearOf(member, year);
    if (born === undefined || born > year || born < 1900) {
      problems.push({ member: index, key: 'gate.problem.age' });
      return;
    }
    if (!isMinor(member, year)) {
      return;
    }
    if (member.unaccompanied) {
      if (!member.authority.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(member.notifiedOn)) {
        problems.push({ member: index, key: 'gate.problem.followUp' });
      }
      if (draft.basis === 'CONSENT') {
        problems.push({ member: index, key: 'gate.problem.minorConsent' });
      }
    } else if (member.guardianKey === null || !adults.has(member.guardianKey)) {
      problems.push({ member: index, key: 'gate.problem.guardian' });
    }
  });
  if (!/^[a-z]{2,3}$/.test(draft.explainedIn)) {
    problems.push({ key: 'gate.problem.explainedIn' });
  }
  if (draft.basis === 'CONSENT' && !draft.consentIndependent) {
    problems.push({ key: 'gate.problem.consent' });
  }
  if (bedsMode && draft.beds === 'chosen') {
    const chosen = draft.members.map((_, index) => draft.bedIds[index]).filter(Boolean);
    if (chosen.length !== draft.members.length || new Set(chosen).size !== chosen.length) {
      problems.push({ key: 'gate.problem.beds' });
    }
  }
  return problems;
}

/**
 * The API's input from a draft the problems above let through: the first member heads the
 * household; a minor names their guardian by index; the unaccompanied-minor follow-up goes with
 * the minor; chosen beds only in beds mode.
 */
export function householdInput(
  draft: HouseholdDraft,
  {
    shelterId,
    requestId,
    year,
    bedsMode,
    confirmNew,
  }: { shelterId: string; requestId: string; year: number; bedsMode: boolean; confirmNew: boolean },
): HouseholdInput {
  const indexOf = new Map(draft.members.map((member, index) => [member.key, index]));
  const population = draft.population as Population;
  return {
    requestId,
    shelterId,
    headIndex: 0,
    ...(confirmNew ? { confirmNew: true } : {}),
    legalBasis: {
      basis: draft.basis,
      explainedIn: draft.explainedIn,
      ...(draft.basis === 'CONSENT'
        ? { consentIndependentOfService: draft.consentIndependent }
        : {}),
    },
    members: draft.members.map((member) => {
      const minor = isMinor(member, year);
      return {
        name: member.name.trim(),
        birthYear: birthYearOf(member, year)!,
        nationality: member.nationality || draft.nationality,
        population,
        ...(languagesOf(member).length > 0 ? { languages: languagesOf(member) } : {}),
        ...(minor && !member.unaccompanied && member.guardianKey !== null
          ? { guardianIndex: indexOf.get(member.guardianKey) }
          : {}),
        ...(minor && member.unaccompanied
          ? {
              unaccompanied: true,
              childProtection: {
                authority: member.authority.trim(),
                notifiedOn: member.notifiedOn,
                ...(member.caseNumber.trim() ? { caseNumber: member.caseNumber.trim() } : {}),
              },
            }
          : {}),
      };
    }),
    ...(bedsMode && draft.beds === 'chosen'
      ? { bedIds: draft.members.map((_, index) => draft.bedIds[index]) }
      : {}),
  };
}
