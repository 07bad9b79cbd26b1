import { addDays, period } from './period.js';
import { SuppliesException } from './supplies.exception.js';

describe('period', () => {
  it('ends today and starts 30 days before when not given', () => {
    expect(period({}, '2026-11-29')).toEqual({ from: '2026-10-30', to: '2026-11-29' });
    expect(period({ to: '2026-03-01' }, '2026-11-29')).toEqual({
      from: '2026-01-30',
      to: '2026-03-01',
    });
  });

  it('refuses a period that runs backwards or longer than 366 days, naming from', () => {
    expect(() => period({ from: '2026-11-30', to: '2026-11-29' }, '2026-11-29')).toThrow(
      SuppliesException,
    );
    expect(() => period({ from: '2025-01-01', to: '2026-11-29' }, '2026-11-29')).toThrow(
      expect.objectContaining({ reason: 'PERIOD_INVALID', fields: ['from'] }),
    );
    expect(period({ from: '2026-11-29', to: '2026-11-29' }, '2026-11-29').from).toBe('2026-11-29');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
