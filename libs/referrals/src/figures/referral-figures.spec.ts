import {
  NotCompletedReason,
  ReferralCategory,
  ReferralOutcome,
  ReferralState,
  ReferralUrgency,
} from '../referrals.enums.js';
import {
  figuresCsv,
  type FiguresGroup,
  type FiguresStats,
  outcomeKey,
  publishFigures,
  rateFigure,
  timeFigure,
} from './referral-figures.js';

const PERIOD = { from: '2026-11-01', to: '2026-11-30', shelterId: null, serviceId: null };

function group(overrides: Partial<FiguresGroup>): FiguresGroup {
  return {
    category: ReferralCategory.ACUTE_ILLNESS,
    urgency: ReferralUrgency.ROUTINE,
    serviceName: 'Clínica Roma',
    state: ReferralState.SENT,
    outcome: null,
    notCompletedReason: null,
    rejected: false,
    count: 1,
    ...overrides,
  };
}

const NO_STATS: FiguresStats = {
  accepted: 0,
  acceptMedian: null,
  acceptP90: null,
  completed: 0,
  completeMedian: null,
  completeP90: null,
  noShows: 0,
  appointmentsEnded: 0,
};

describe('referral figures as published', () => {
  it('pools small groups into POOLED until it holds 5, apart from the category OTHER, and rounds every count to 5', () => {
    const figures = publishFigures(
      PERIOD,
      [
        group({ category: ReferralCategory.ACUTE_ILLNESS, count: 12 }),
        group({ category: ReferralCategory.INJURY, count: 7 }),
        // One person referred for violence: never a cell of its own.
        group({ category: ReferralCategory.VIOLENCE, count: 1 }),
        group({ category: ReferralCategory.DENTAL, count: 2 }),
        group({ category: ReferralCategory.OTHER, count: 9 }),
      ],
      NO_STATS,
    );
    expect(figures.total).toEqual({ key: 'total', count: 30, suppressed: false });
    // 1 + 2 is under 5: the next smallest (7) joins the pool; the category OTHER stays itself.
    expect(figures.byCategory).toEqual([
      { key: 'ACUTE_ILLNESS', count: 10, suppressed: false },
      { key: 'OTHER', count: 10, suppressed: false },
      { key: 'POOLED', count: 10, suppressed: false },
    ]);
    expect(JSON.stringify(figures)).not.toContain('VIOLENCE');
  });

  it('shows nothing of a period with under 5 referrals but that it is small', () => {
    const figures = publishFigures(PERIOD, [group({ count: 3 })], NO_STATS);
    expect(figures.total).toEqual({ key: 'total', count: null, suppressed: true });
    expect(figures.byUrgency).toEqual([{ key: 'POOLED', count: null, suppressed: true }]);
  });

  it('names where each referral ended', () => {
    expect(outcomeKey(group({ outcome: ReferralOutcome.REFERRED_ON }))).toBe('REFERRED_ON');
    expect(outcomeKey(group({ notCompletedReason: NotCompletedReason.NO_SHOW }))).toBe('NO_SHOW');
    expect(outcomeKey(group({ rejected: true }))).toBe('REJECTED');
    expect(outcomeKey(group({ state: ReferralState.CANCELLED }))).toBe('CANCELLED');
    expect(outcomeKey(group({ state: ReferralState.SCHEDULED }))).toBe('OPEN');
  });

  it('does not show times over fewer than 5 referrals', () => {
    expect(timeFigure(4, 10, 20)).toEqual({
      referrals: { key: 'total', count: null, suppressed: true },
      medianHours: null,
      p90Hours: null,
      suppressed: true,
    });
    expect(timeFigure(6, 10.04, 21.06)).toEqual({
      referrals: { key: 'total', count: 5, suppressed: false },
      medianHours: 10,
      p90Hours: 21.1,
      suppressed: false,
    });
  });

  it('hides a no-show rate over few appointments or of 1 to 4 no-shows', () => {
    expect(rateFigure(1, 4)).toEqual({ rate: null, suppressed: true });
    expect(rateFigure(2, 40)).toEqual({ rate: null, suppressed: true });
    expect(rateFigure(0, 40)).toEqual({ rate: 0, suppressed: false });
    expect(rateFigure(6, 40)).toEqual({ rate: 0.15, suppressed: false });
  });

  it('writes the same pooled cells as CSV, quoted, with no hidden key', () => {
    const figures = publishFigures(
      PERIOD,
      [
        group({ serviceName: '=HYPERLINK("x")', count: 9 }),
        group({ serviceName: 'Clínica Pequeña', count: 2 }),
      ],
      NO_STATS,
    );
    const csv = figuresCsv(figures);
    expect(csv.split('\n')[0]).toBe('section,key,value,suppressed');
    expect(csv).toContain('"byService","POOLED",10,"false"');
    expect(csv).not.toContain('Pequeña');
    expect(csv).toContain('"timeToAcceptance","medianHours","","true"');
    expect(csv).not.toMatch(/(^|,)"=/m);
  });
});
