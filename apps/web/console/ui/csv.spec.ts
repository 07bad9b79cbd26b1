import { describe, expect, it } from '@jest/globals';
import { csvField, csvFilename, toCsv } from './csv.js';

describe('CSV (RFC 4180)', () => {
  it('leaves plain fields alone and writes numbers and empty cells as they are', () => {
    expect(csvField('Casa Tochan')).toBe('Casa Tochan');
    expect(csvField(42)).toBe('42');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
  });

  it('quotes a field with a comma, a quote, CR or LF, doubling the quotes inside', () => {
    expect(csvField('Casa, Tochan')).toBe('"Casa, Tochan"');
    expect(csvField('La "Casa"')).toBe('"La ""Casa"""');
    expect(csvField('una\nlínea')).toBe('"una\nlínea"');
    expect(csvField('una\r\nlínea')).toBe('"una\r\nlínea"');
  });

  it('never hands a spreadsheet a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are numbers, negative ones too.
    expect(csvField(-1)).toBe('-1');
  });

  it('ends every record, the last too, with CRLF', () => {
    expect(
      toCsv([
        ['Día', 'Personas'],
        ['2026-11-01', 3],
      ]),
    ).toBe('Día,Personas\r\n2026-11-01,3\r\n');
    expect(toCsv([])).toBe('');
  });

  it('names a download by what it holds, its period and the day it was made', () => {
    expect(csvFilename('Ocupación y lugares', '2026-11-01', '2026-11-14', '2026-11-29')).toBe(
      'albergue-ocupacion-y-lugares-2026-11-01_2026-11-14-made-2026-11-29.csv',
    );
    expect(csvFilename('Kreyòl / «test»', '2026-01-01', '2026-01-01', '2026-01-02')).toBe(
      'albergue-kreyol-test-2026-01-01_2026-01-01-made-2026-01-02.csv',
    );
  });
});
