import { publishCells, totalCell } from './resident-aggregates.service.js';

describe(publishCells.name, () => {
  it('shows large cells rounded to 5', () => {
    expect(
      publishCells([
        { key: 'HT', count: 23 },
        { key: 'VE', count: 12 },
      ]),
    ).toEqual([
      { key: 'HT', count: 25, suppressed: false },
      { key: 'VE', count: 10, suppressed: false },
    ]);
  });

  it('pools small cells into OTHER without their keys, adding the next-smallest until OTHER holds 5', () => {
    const cells = publishCells([
      { key: 'ER', count: 1 },
      { key: 'HT', count: 40 },
      { key: 'VE', count: 6 },
    ]);
    expect(cells).toEqual([
      { key: 'HT', count: 40, suppressed: false },
      { key: 'OTHER', count: 5, suppressed: false },
    ]);
    expect(cells.map((c) => c.key)).not.toContain('ER');
  });

  it('hides OTHER when even everything pooled is under 5', () => {
    expect(
      publishCells([
        { key: 'ER', count: 1 },
        { key: 'SO', count: 2 },
      ]),
    ).toEqual([{ key: 'OTHER', count: null, suppressed: true }]);
  });

  it('leaves nothing to subtract: total minus the shown cells is never a hidden cell under 5', () => {
    const counts = [
      { key: 'A', count: 20 },
      { key: 'B', count: 3 },
      { key: 'C', count: 9 },
    ];
    const shown = publishCells(counts).filter((c) => c.key !== 'OTHER');
    expect(shown.map((c) => c.key)).toEqual(['A']);
  });
});

describe(totalCell.name, () => {
  it('suppresses a total under 5 and rounds the rest', () => {
    expect(totalCell(4)).toEqual({ key: 'total', count: null, suppressed: true });
    expect(totalCell(57)).toEqual({ key: 'total', count: 55, suppressed: false });
  });
});
