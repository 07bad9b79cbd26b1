import { cell, SMALL_CELL } from './resident-aggregates.service.js';

describe(cell.name, () => {
  it('suppresses counts under the small-cell threshold, zero excepted by never being a row', () => {
    expect(SMALL_CELL).toBe(5);
    expect(cell('HT', 4)).toEqual({ key: 'HT', count: null, suppressed: true });
    expect(cell('HT', 5)).toEqual({ key: 'HT', count: 5, suppressed: false });
  });
});
