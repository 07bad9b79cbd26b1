import { csvCell, csvOf } from './csv.js';

describe('csv', () => {
  it('quotes every cell, doubles quotes, and defuses what a spreadsheet would run', () => {
    expect(csvCell('Banco "Uno"')).toBe('"Banco ""Uno"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-3')).toBe('"\'-3"');
    expect(csvCell('\tcmd')).toBe('"\'\tcmd"');
    // Numbers stay numbers, below zero too: a spreadsheet sums them.
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(new Date('2026-11-29T12:00:00Z'))).toBe('"2026-11-29T12:00:00.000Z"');
  });

  it('writes a header and a line per row, ending in a newline', () => {
    expect(csvOf(['a', 'b'], [[1, '@x']])).toBe('a,b\n1,"\'@x"\n');
  });
});
