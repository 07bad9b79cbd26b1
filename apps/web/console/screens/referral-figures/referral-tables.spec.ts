import { describe, expect, it } from '@jest/globals';
import type { ConsoleKey, Params } from '@albergue/i18n';
import {
  countTable,
  countWords,
  type Figures,
  keyWords,
  noShowWords,
  plotBars,
  timesTable,
} from './referral-tables.js';

/** A `t` that writes the key and its parameters, so a spec reads what went where. */
const t = (key: ConsoleKey, params?: Params) =>
  params ? `${key}(${Object.values(params).join('|')})` : key;

const hidden = { count: null, suppressed: true };

function figures(overrides: Partial<Figures> = {}): Figures {
  return {
    total: { key: 'total', count: 15, suppressed: false },
    byCategory: [
      { key: 'INJURY', count: 5, suppressed: false },
      { key: 'OTHER', count: 10, suppressed: false },
    ],
    byUrgency: [{ key: 'URGENT', count: 15, suppressed: false }],
    byService: [{ key: 'POOLED', count: 15, suppressed: false }],
    byOutcome: [
      { key: 'OPEN', count: 10, suppressed: false },
      { key: 'POOLED', ...hidden },
    ],
    timeToAcceptance: {
      referrals: { count: 5, suppressed: false },
      medianHours: 7,
      p90Hours: 11,
      suppressed: false,
    },
    timeToCompletion: { referrals: hidden, medianHours: null, p90Hours: null, suppressed: true },
    noShowRate: { rate: null, suppressed: true },
    ...overrides,
  };
}

describe('referral figures tables', () => {
  it('says a hidden count as small and pooled, never as a number', () => {
    expect(countWords(t, { count: 10, suppressed: false })).toBe(10);
    expect(countWords(t, hidden)).toBe('healthFigures.small');
    // A count the API marks suppressed is not shown even if one came with it.
    expect(countWords(t, { count: 5, suppressed: true })).toBe('healthFigures.small');
  });

  it('names the pooled cell as pooled, and the category OTHER as itself', () => {
    expect(keyWords(t, 'byOutcome', 'POOLED')).toBe('healthFigures.pooled');
    expect(keyWords(t, 'byService', 'POOLED')).toBe('healthFigures.pooled');
    expect(keyWords(t, 'byCategory', 'POOLED')).toBe('healthFigures.pooled');
    expect(keyWords(t, 'byCategory', 'OTHER')).toBe('referral.category.OTHER');
    expect(keyWords(t, 'byCategory', 'INJURY')).toBe('referral.category.INJURY');
    expect(keyWords(t, 'byUrgency', 'EMERGENCY')).toBe('referral.urgency.EMERGENCY');
    expect(keyWords(t, 'byOutcome', 'NO_SHOW')).toBe('referral.notCompleted.NO_SHOW');
    expect(keyWords(t, 'byOutcome', 'TREATED')).toBe('referral.outcome.TREATED');
    expect(keyWords(t, 'byOutcome', 'CANCELLED')).toBe('referral.state.CANCELLED');
    // A service's own name; a key the console has no words for, as it came.
    expect(keyWords(t, 'byService', 'Clínica Roma')).toBe('Clínica Roma');
    expect(keyWords(t, 'byCategory', 'NEW_KIND')).toBe('NEW_KIND');
  });

  it('makes a count table of the cells the API gave, in its order, keys kept apart', () => {
    const table = countTable(t, 'byOutcome', 'caption', 'heading', figures().byOutcome);
    expect(table.columns).toEqual(['heading', 'healthFigures.col.referrals']);
    expect(table.rows).toEqual([
      { key: '0-OPEN', head: 'healthFigures.open', cells: [10] },
      { key: '1-POOLED', head: 'healthFigures.pooled', cells: ['healthFigures.small'] },
    ]);
    const twoOthers = countTable(t, 'byCategory', 'c', 'h', [
      { key: 'OTHER', count: 5, suppressed: false },
      { key: 'OTHER', count: 10, suppressed: false },
    ]);
    expect(new Set(twoOthers.rows.map((row) => row.key)).size).toBe(2);
  });

  it('shows times only where the API does, "not shown under 5" elsewhere', () => {
    const table = timesTable(t, 'times', figures());
    expect(table.rows).toEqual([
      { key: 'acceptance', head: 'healthFigures.toAcceptance', cells: [5, 7, 11] },
      {
        key: 'completion',
        head: 'healthFigures.toCompletion',
        cells: ['healthFigures.small', 'healthFigures.notShown', 'healthFigures.notShown'],
      },
    ]);
  });

  it('says the no-show rate as a percent, or that it is not shown', () => {
    expect(noShowWords(t, { rate: null, suppressed: true }, 'es')).toBe(
      'healthFigures.noShow.notShown',
    );
    expect(noShowWords(t, { rate: 0.15, suppressed: false }, 'en')).toBe('15%');
  });

  it('draws a bar for each cell with a count, none for a hidden one', () => {
    expect(plotBars(t, 'byOutcome', figures().byOutcome)).toEqual({
      labels: ['healthFigures.open'],
      values: [10],
    });
  });
});
