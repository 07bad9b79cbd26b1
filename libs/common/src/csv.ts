/**
 * One CSV cell for every CSV export of the API: a number as it is (a spreadsheet sums it, also
 * below zero); anything else quoted, and a leading = + - @ tab or carriage return defused, since
 * a spreadsheet would run it as a formula.
 */
export function csvCell(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  const text =
    value instanceof Date
      ? value.toISOString()
      : value === null || value === undefined
        ? ''
        : String(value);
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** A CSV document: the header, then one line per row, each cell through csvCell. */
export function csvOf(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n';
}
