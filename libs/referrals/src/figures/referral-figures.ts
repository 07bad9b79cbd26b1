import { csvOf } from '@albergue/common';
import { enumNames } from '@albergue/common';
import { type CountCell, publishCells, SMALL_CELL, totalCell } from '@albergue/residents';
import {
  NotCompletedReason,
  ReferralCategory,
  ReferralOutcome,
  ReferralState,
  ReferralUrgency,
} from '../referrals.enums.js';
import type {
  ReferralFigures,
  ReferralRateFigure,
  ReferralTimeFigure,
} from './referral-figures.views.js';

/** One group of the period's referrals as counted by SQL: every dimension at once. */
export interface FiguresGroup {
  category: ReferralCategory;
  urgency: ReferralUrgency;
  serviceName: string;
  state: ReferralState;
  outcome: ReferralOutcome | null;
  notCompletedReason: NotCompletedReason | null;
  rejected: boolean;
  count: number;
}

/** Times (hours) and the no-show tally of the period, from SQL's percentile_cont. */
export interface FiguresStats {
  accepted: number;
  acceptMedian: number | null;
  acceptP90: number | null;
  completed: number;
  completeMedian: number | null;
  completeP90: number | null;
  noShows: number;
  appointmentsEnded: number;
}

const categoryName = enumNames(ReferralCategory);
const urgencyName = enumNames(ReferralUrgency);
const outcomeName = enumNames(ReferralOutcome);
const notCompletedName = enumNames(NotCompletedReason);

/** Where a referral ended, in the schema's words (see ReferralFigures.byOutcome). */
export function outcomeKey(group: Omit<FiguresGroup, 'count'>): string {
  if (group.outcome) {
    return outcomeName(group.outcome);
  }
  if (group.notCompletedReason) {
    return notCompletedName(group.notCompletedReason);
  }
  if (group.rejected) {
    return 'REJECTED';
  }
  return group.state === ReferralState.CANCELLED ? 'CANCELLED' : 'OPEN';
}

/**
 * The key of the pooled cell in referral figures: OTHER is a real category (and reject and
 * not-completed reason), so the small groups are pooled under a key no dimension uses.
 */
export const REFERRAL_POOLED_KEY = 'POOLED';

function cells(groups: FiguresGroup[], key: (group: FiguresGroup) => string): CountCell[] {
  const counts = new Map<string, number>();
  for (const group of groups) {
    counts.set(key(group), (counts.get(key(group)) ?? 0) + group.count);
  }
  return publishCells(
    [...counts].map(([k, count]) => ({ key: k, count })),
    REFERRAL_POOLED_KEY,
  );
}

const hours = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** Times over fewer than SMALL_CELL referrals are not shown: one slow case would be a person. */
export function timeFigure(
  n: number,
  median: number | null,
  p90: number | null,
): ReferralTimeFigure {
  const suppressed = n < SMALL_CELL;
  return {
    referrals: totalCell(n),
    medianHours: suppressed ? null : hours(median),
    p90Hours: suppressed ? null : hours(p90),
    suppressed,
  };
}

/** The no-show rate, hidden over a small denominator or a small (1 to 4) count of no-shows. */
export function rateFigure(noShows: number, ended: number): ReferralRateFigure {
  const suppressed = ended < SMALL_CELL || (noShows > 0 && noShows < SMALL_CELL);
  return { rate: suppressed ? null : Math.round((noShows / ended) * 100) / 100, suppressed };
}

/** The period's figures as published: the residents' small-cell rules on every count. */
export function publishFigures(
  period: Pick<ReferralFigures, 'from' | 'to' | 'shelterId' | 'serviceId'>,
  groups: FiguresGroup[],
  stats: FiguresStats,
): ReferralFigures {
  return {
    ...period,
    total: totalCell(groups.reduce((sum, group) => sum + group.count, 0)),
    byCategory: cells(groups, (group) => categoryName(group.category)),
    byUrgency: cells(groups, (group) => urgencyName(group.urgency)),
    byService: cells(groups, (group) => group.serviceName),
    byOutcome: cells(groups, outcomeKey),
    timeToAcceptance: timeFigure(stats.accepted, stats.acceptMedian, stats.acceptP90),
    timeToCompletion: timeFigure(stats.completed, stats.completeMedian, stats.completeP90),
    noShowRate: rateFigure(stats.noShows, stats.appointmentsEnded),
  };
}

const CSV_HEADER = ['section', 'key', 'value', 'suppressed'];

/** The same figures, row by row: what `referralFigures` shows, pooled the same way. */
export function figuresCsv(figures: ReferralFigures): string {
  const rows: unknown[][] = [
    ['period', 'from', figures.from, false],
    ['period', 'to', figures.to, false],
    ['period', 'shelterId', figures.shelterId ?? '', false],
    ['period', 'serviceId', figures.serviceId ?? '', false],
    ['total', 'total', figures.total.count, figures.total.suppressed],
  ];
  for (const section of ['byCategory', 'byUrgency', 'byService', 'byOutcome'] as const) {
    for (const cell of figures[section]) {
      rows.push([section, cell.key, cell.count, cell.suppressed]);
    }
  }
  for (const section of ['timeToAcceptance', 'timeToCompletion'] as const) {
    const time = figures[section];
    rows.push([section, 'referrals', time.referrals.count, time.referrals.suppressed]);
    rows.push([section, 'medianHours', time.medianHours, time.suppressed]);
    rows.push([section, 'p90Hours', time.p90Hours, time.suppressed]);
  }
  rows.push(['noShowRate', 'rate', figures.noShowRate.rate, figures.noShowRate.suppressed]);
  return csvOf(CSV_HEADER, rows);
}
