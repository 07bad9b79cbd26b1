import { describe, expect, it } from '@jest/globals';
import {
  birthYearOf,
  type HouseholdDraft,
  householdInput,
  isMinor,
  newHousehold,
  newMember,
  problemsOf,
} from './household.js';

const YEAR = 2026;
const ID = '00000000-0000-4000-8000-000000000001';

/** Two adults and a child whose guardian is the first, as a family arrives at the gate. */
function family(): HouseholdDraft {
  return {
    ...newHousehold('2026-11-29'),
    population: 'FAMILIES',
    nationality: 'HT',
    explainedIn: 'ht',
    consentIndependent: true,
    members: [
      { ...newMember(0, ['ht', 'fr']), name: ' Marie Joseph ', birthYear: '1990' },
      { ...newMember(1, ['ht']), name: 'Jean Pierre', age: '36', otherLanguages: 'WO, ht' },
      { ...newMember(2), name: 'Lucie', birthYear: '2018', guardianKey: 0, nationality: 'CL' },
    ],
  };
}

describe('the gate’s household', () => {
  describe(birthYearOf.name, () => {
    it('takes the year given, else this year minus the age', () => {
      expect(birthYearOf({ birthYear: '1990', age: '' }, YEAR)).toBe(1990);
      expect(birthYearOf({ birthYear: '', age: '36' }, YEAR)).toBe(1990);
      expect(birthYearOf({ birthYear: '1990', age: '5' }, YEAR)).toBe(1990);
      expect(birthYearOf({ birthYear: ' 0 ', age: '' }, YEAR)).toBe(0);
    });

    it('has none for nothing, words, or an age past 120', () => {
      expect(birthYearOf({ birthYear: '', age: '' }, YEAR)).toBeUndefined();
      expect(birthYearOf({ birthYear: 'abc', age: 'x' }, YEAR)).toBeUndefined();
      expect(birthYearOf({ birthYear: '', age: '121' }, YEAR)).toBeUndefined();
      expect(birthYearOf({ birthYear: '', age: '-3' }, YEAR)).toBeUndefined();
    });
  });

  describe(isMinor.name, () => {
    it('counts by the year alone, as the API does (this year minus the birth year under 18)', () => {
      expect(isMinor({ birthYear: '2009', age: '' }, YEAR)).toBe(true);
      expect(isMinor({ birthYear: '2008', age: '' }, YEAR)).toBe(false);
      expect(isMinor({ birthYear: '', age: '17' }, YEAR)).toBe(true);
      expect(isMinor({ birthYear: '', age: '' }, YEAR)).toBe(false);
    });
  });

  describe(problemsOf.name, () => {
    it('finds nothing wrong with a complete family', () => {
      expect(problemsOf(family(), YEAR, true)).toEqual([]);
    });

    it('names each missing thing, by member where it is one member’s', () => {
      const draft: HouseholdDraft = {
        ...family(),
        population: '',
        nationality: '',
        consentIndependent: false,
        members: [
          { ...newMember(0), name: '', birthYear: '' },
          { ...newMember(1), name: 'Lucie', birthYear: '2018' },
        ],
      };
      expect(problemsOf(draft, YEAR, true)).toEqual([
        { key: 'gate.problem.population' },
        { key: 'gate.problem.nationality' },
        { member: 0, key: 'gate.problem.name' },
        { member: 0, key: 'gate.problem.age' },
        { member: 1, key: 'gate.problem.guardian' },
        { key: 'gate.problem.consent' },
      ]);
    });

    it('wants other languages as ISO 639 codes', () => {
      const draft = family();
      draft.members[0] = { ...draft.members[0], otherLanguages: 'quiché' };
      expect(problemsOf(draft, YEAR, true)).toEqual([{ member: 0, key: 'gate.problem.languages' }]);
      draft.members[0] = { ...draft.members[0], otherLanguages: ' quc;mam ' };
      expect(problemsOf(draft, YEAR, true)).toEqual([]);
    });

    it('does not take a minor as a guardian', () => {
      const draft = family();
      draft.members.push({ ...newMember(3), name: 'Ti Jak', birthYear: '2020', guardianKey: 2 });
      expect(problemsOf(draft, YEAR, true)).toEqual([{ member: 3, key: 'gate.problem.guardian' }]);
    });

    it('wants the follow-up of an unaccompanied minor, and no consent for them', () => {
      const draft: HouseholdDraft = {
        ...family(),
        population: 'UNACCOMPANIED_MINORS',
        members: [{ ...newMember(0), name: 'Wilson', age: '15', unaccompanied: true }],
      };
      expect(problemsOf(draft, YEAR, true)).toEqual([
        { member: 0, key: 'gate.problem.followUp' },
        { member: 0, key: 'gate.problem.minorConsent' },
      ]);
      draft.basis = 'VITAL_INTEREST';
      draft.members[0] = { ...draft.members[0], authority: 'DIF', notifiedOn: '2026-11-29' };
      expect(problemsOf(draft, YEAR, true)).toEqual([]);
    });

    it('wants one different bed per member when beds are chosen, in beds mode only', () => {
      const draft: HouseholdDraft = { ...family(), beds: 'chosen', bedIds: ['a', 'a', 'b'] };
      expect(problemsOf(draft, YEAR, true)).toEqual([{ key: 'gate.problem.beds' }]);
      expect(problemsOf({ ...draft, bedIds: ['a', 'b'] }, YEAR, true)).toEqual([
        { key: 'gate.problem.beds' },
      ]);
      expect(problemsOf({ ...draft, bedIds: ['a', 'b', 'c'] }, YEAR, true)).toEqual([]);
      expect(problemsOf(draft, YEAR, false)).toEqual([]);
    });
  });

  describe(householdInput.name, () => {
    const options = { shelterId: ID, requestId: ID, year: YEAR, bedsMode: true, confirmNew: false };

    it('makes the API’s input: first member heads, the minor names their guardian by index', () => {
      expect(householdInput(family(), options)).toEqual({
        requestId: ID,
        shelterId: ID,
        headIndex: 0,
        legalBasis: { basis: 'CONSENT', explainedIn: 'ht', consentIndependentOfService: true },
        members: [
          {
            name: 'Marie Joseph',
            birthYear: 1990,
            nationality: 'HT',
            population: 'FAMILIES',
            languages: ['ht', 'fr'],
          },
          {
            name: 'Jean Pierre',
            birthYear: 1990,
            nationality: 'HT',
            population: 'FAMILIES',
            languages: ['ht', 'wo'],
          },
          {
            name: 'Lucie',
            birthYear: 2018,
            nationality: 'CL',
            population: 'FAMILIES',
            guardianIndex: 0,
          },
        ],
      });
    });

    it('follows the guardian when members before them are removed', () => {
      const draft = family();
      draft.members = [draft.members[1], { ...draft.members[2], guardianKey: 1 }];
      expect(householdInput(draft, options).members[1].guardianIndex).toBe(0);
    });

    it('sends the follow-up with an unaccompanied minor, never a guardian', () => {
      const draft: HouseholdDraft = {
        ...family(),
        basis: 'VITAL_INTEREST',
        members: [
          {
            ...newMember(0),
            name: 'Wilson',
            age: '15',
            unaccompanied: true,
            guardianKey: 4,
            authority: ' DIF ',
            notifiedOn: '2026-11-29',
          },
        ],
      };
      const input = householdInput(draft, { ...options, confirmNew: true });
      expect(input.confirmNew).toBe(true);
      expect(input.legalBasis).toEqual({ basis: 'VITAL_INTEREST', explainedIn: 'ht' });
      expect(input.members[0]).toEqual({
        name: 'Wilson',
        birthYear: 2011,
        nationality: 'HT',
        population: 'FAMILIES',
        unaccompanied: true,
        childProtection: { authority: 'DIF', notifiedOn: '2026-11-29' },
      });
    });

    it('sends chosen beds in member order only in beds mode', () => {
      const draft: HouseholdDraft = { ...family(), beds: 'chosen', bedIds: ['a', 'b', 'c'] };
      expect(householdInput(draft, options).bedIds).toEqual(['a', 'b', 'c']);
      expect(householdInput(draft, { ...options, bedsMode: false }).bedIds).toBeUndefined();
      expect(householdInput({ ...draft, beds: 'any' }, options).bedIds).toBeUndefined();
    });
  });
});
