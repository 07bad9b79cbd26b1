import { reportPeriod } from './problem-reports.period.js';
import { SheltersExceptionCode } from './shelters.exception.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { code, reason } = error as { code?: string; reason?: string };
    return `${code}/${reason}`;
  }
  return 'accepted';
};

describe('reportPeriod', () => {
  it('takes days, or the last week when nothing is given', () => {
    expect(reportPeriod(30, null, undefined)).toEqual({ days: 30 });
    expect(reportPeriod(undefined, undefined, undefined)).toEqual({ days: 7 });
  });

  it('takes from and to together, up to a year and a day apart', () => {
    expect(reportPeriod(null, '2026-10-01', '2026-10-01')).toEqual({
      from: '2026-10-01',
      to: '2026-10-01',
    });
    expect(reportPeriod(null, '2025-01-01', '2026-01-02')).toEqual({
      from: '2025-01-01',
      to: '2026-01-02',
    });
  });

  it.each([
    ['days with a period', 7, '2026-10-01', '2026-10-02'],
    ['from alone', null, '2026-10-01', null],
    ['to alone', null, null, '2026-10-01'],
    ['backwards', null, '2026-10-02', '2026-10-01'],
    ['longer than a year and a day', null, '2025-01-01', '2026-01-03'],
  ])('refuses %s as RANGE_INVALID', (_what, days, from, to) => {
    expect(refusal(() => reportPeriod(days, from, to))).toBe(
      `BAD_USER_INPUT/${SheltersExceptionCode.RANGE_INVALID}`,
    );
  });
});
