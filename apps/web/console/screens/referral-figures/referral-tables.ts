import type { ConsoleKey, Params } from '@albergue/i18n';
import type { TableData } from '../../ui/table-data.js';
import { CATEGORIES, NOT_COMPLETED, OUTCOMES, referralWord, URGENCIES } from '../referral-words.js';

type T = (key: ConsoleKey, params?: Params) => string;

/** One cell of the API's counts: a key, a count rounded to 5, or null when it is too small. */
export interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface TimeFigure {
  referrals: { count: number | null; suppressed: boolean };
  medianHours: number | null;
  p90Hours: number | null;
  suppressed: boolean;
}

/** What referralFigures gives that these tables read. */
export interface Figures {
  total: Cell;
  byCategory: readonly Cell[];
  byUrgency: readonly Cell[];
  byService: readonly Cell[];
  byOutcome: readonly Cell[];
  timeToAcceptance: TimeFigure;
  timeToCompletion: TimeFigure;
  noShowRate: { rate: number | null; suppressed: boolean };
}

export type Dimension = 'byCategory' | 'byUrgency' | 'byService' | 'byOutcome';

/** The four counts, each a table: its title and its first column's heading. */
export const DIMENSIONS = [
  ['byCategory', 'healthFigures.byCategory', 'healthFigures.col.category'],
  ['byUrgency', 'healthFigures.byUrgency', 'healthFigures.col.urgency'],
  ['byService', 'healthFigures.byService', 'healthFigures.col.service'],
  ['byOutcome', 'healthFigures.byOutcome', 'healthFigures.col.outcome'],
] as const satisfies readonly (readonly [Dimension, ConsoleKey, ConsoleKey])[];

/** How a referral ended, as the figures count it: the referral vocabulary's words for each. */
function outcomeKey(key: string): ConsoleKey | undefined {
  if ((OUTCOMES as readonly string[]).includes(key)) {
    return referralWord('outcome', key);
  }
  if ((NOT_COMPLETED as readonly string[]).includes(key)) {
    return referralWord('notCompleted', key);
  }
  if (key === 'REJECTED' || key === 'CANCELLED') {
    return referralWord('state', key);
  }
  return key === 'OPEN' ? 'healthFigures.open' : undefined;
}

/** A count as said: the number, or "fewer than 5, pooled" where the API gives none. */
export function countWords(t: T, cell: { count: number | null; suppressed: boolean }) {
  return cell.suppressed || cell.count === null ? t('healthFigures.small') : cell.count;
}

/**
 * A cell's key in the reader's words. POOLED is where the API pools the small groups (under 5):
 * said so (OTHER is a category of its own).
 */
export function keyWords(t: T, dimension: Dimension, key: string): string {
  if (key === 'POOLED') {
    return t('healthFigures.pooled');
  }
  const known = (list: readonly string[], group: 'category' | 'urgency') =>
    list.includes(key) ? t(referralWord(group, key)) : key;
  switch (dimension) {
    case 'byCategory':
      return known(CATEGORIES, 'category');
    case 'byUrgency':
      return known(URGENCIES, 'urgency');
    case 'byOutcome': {
      const outcome = outcomeKey(key);
      return outcome ? t(outcome) : key;
    }
    case 'byService':
      // A service's name, as its organisation wrote it.
      return key;
  }
}

/** One of the four counts as a table: a row per cell the API published, in its order. */
export function countTable(
  t: T,
  dimension: Dimension,
  caption: string,
  heading: string,
  cells: readonly Cell[],
): TableData {
  return {
    caption,
    columns: [heading, t('healthFigures.col.referrals')],
    rows: cells.map((cell, index) => ({
      key: `${index}-${cell.key}`,
      head: keyWords(t, dimension, cell.key),
      cells: [countWords(t, cell)],
    })),
  };
}

/** Hours as the API rounds them (a tenth), or "not shown under 5". */
function hoursWords(t: T, time: TimeFigure, value: number | null) {
  return time.suppressed || value === null ? t('healthFigures.notShown') : value;
}

/**
 * The times from sending to acceptance and to completion (median and 90th percentile, hours),
 * and the no-show rate: not shown by the API under 5, said so.
 */
export function timesTable(t: T, caption: string, figures: Figures): TableData {
  const row = (key: string, head: string, time: TimeFigure) => ({
    key,
    head,
    cells: [
      countWords(t, time.referrals),
      hoursWords(t, time, time.medianHours),
      hoursWords(t, time, time.p90Hours),
    ],
  });
  return {
    caption,
    columns: [
      t('healthFigures.col.time'),
      t('healthFigures.col.referrals'),
      t('healthFigures.col.median'),
      t('healthFigures.col.p90'),
    ],
    rows: [
      row('acceptance', t('healthFigures.toAcceptance'), figures.timeToAcceptance),
      row('completion', t('healthFigures.toCompletion'), figures.timeToCompletion),
    ],
  };
}

/** The no-show rate in words: a percent, or not shown (too few appointments or no-shows). */
export function noShowWords(t: T, rate: Figures['noShowRate'], locale: string): string {
  if (rate.suppressed || rate.rate === null) {
    return t('healthFigures.noShow.notShown');
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    rate.rate,
  );
}

/** The bars of the plot: the cells the API gave a count, in its order, named as the table. */
export function plotBars(
  t: T,
  dimension: Dimension,
  cells: readonly Cell[],
): { labels: string[]; values: number[] } {
  const shown = cells.filter((cell) => cell.count !== null && !cell.suppressed);
  return {
    labels: shown.map((cell) => keyWords(t, dimension, cell.key)),
    values: shown.map((cell) => cell.count!),
  };
}
