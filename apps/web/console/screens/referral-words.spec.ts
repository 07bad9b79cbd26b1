import { describe, expect, it } from '@jest/globals';
import { POPULATIONS as CONTRACT_POPULATIONS } from '@albergue/contracts';
import { LANGUAGES as CATALOGUE_LANGUAGES, loadConsoleCatalogues } from '@albergue/i18n';
import {
  AGE_BRACKETS,
  CATEGORIES,
  isOverdue,
  LANGUAGES,
  NOT_COMPLETED,
  OUTCOMES,
  OVERRIDES,
  POPULATIONS,
  referralWord,
  SEXES,
  SHARES,
  URGENCIES,
} from './referral-words.js';

const NOW = Date.parse('2026-11-29T15:00:00Z');
const past = '2026-11-29T14:00:00Z';
const future = '2026-11-29T18:00:00Z';

describe(referralWord.name, () => {
  it('gives the one referral.* key of a value', () => {
    expect(referralWord('state', 'NOT_COMPLETED')).toBe('referral.state.NOT_COMPLETED');
    expect(referralWord('override', 'EMERGENCY')).toBe('referral.override.EMERGENCY');
  });

  it('has words in every console catalogue for every value of every list', async () => {
    const lists = {
      category: CATEGORIES,
      urgency: URGENCIES,
      share: SHARES,
      outcome: OUTCOMES,
      notCompleted: NOT_COMPLETED,
      override: OVERRIDES,
      age: AGE_BRACKETS,
      sex: SEXES,
    } as const;
    const catalogues = [...(await loadConsoleCatalogues()).values()];
    expect(catalogues).toHaveLength(5);
    for (const catalogue of catalogues) {
      const strings = catalogue.strings as Record<string, string>;
      for (const [group, values] of Object.entries(lists)) {
        for (const value of values) {
          const key = referralWord(group as keyof typeof lists, value);
          expect([catalogue.code, key, typeof strings[key]]).toEqual([
            catalogue.code,
            key,
            'string',
          ]);
        }
      }
    }
  });

  it('writes no answer window into the urgencies: the windows are configurable', async () => {
    for (const catalogue of (await loadConsoleCatalogues()).values()) {
      const strings = catalogue.strings as Record<string, string>;
      for (const urgency of URGENCIES) {
        expect(strings[`referral.urgency.${urgency}`]).not.toMatch(/\d/);
      }
    }
  });
});

describe('the shared lists', () => {
  it('are the project’s own populations and languages, not copies', () => {
    expect(POPULATIONS).toBe(CONTRACT_POPULATIONS);
    expect(LANGUAGES).toBe(CATALOGUE_LANGUAGES);
  });
});

describe(isOverdue.name, () => {
  it('is a sent referral past its answer time, or one the overdue job named', () => {
    expect(isOverdue({ state: 'SENT', answerDueAt: past }, NOW)).toBe(true);
    expect(isOverdue({ state: 'SENT', answerDueAt: future }, NOW)).toBe(false);
    expect(isOverdue({ id: 'a', state: 'SENT', answerDueAt: future }, NOW, new Set(['a']))).toBe(
      true,
    );
    // Answered, or an emergency (no answer owed): never overdue, whatever the job said.
    expect(isOverdue({ id: 'a', state: 'ACCEPTED', answerDueAt: past }, NOW, new Set(['a']))).toBe(
      false,
    );
    expect(isOverdue({ state: 'SENT', answerDueAt: null }, NOW)).toBe(false);
  });
});
