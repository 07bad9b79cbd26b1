/** One CSV cell, always quoted, a leading = + - @ defused: for every CSV export of the API. */
export function csvCell(value: unknown): string {
  const text =
    value instanceof Date
      ? value.toISOString()
      : value === null || value === undefined
        ? ''
        : String(value);
  // Quote always; a leading = + - @ would be read as a formula by a spreadsheet.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
}

/** A CSV document: the header, then one line per row, each cell through csvCell. */
export function csvOf(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n';
}
