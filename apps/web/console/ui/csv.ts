/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a double quote, CR or LF, and a double quote inside doubled. A text field that
 * a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading apostrophe:
 * shelter names are typed by people, and a download must not run anything.
 */
export type CsvCell = string | number | null;

export function csvField(cell: CsvCell): string {
  if (cell === null) {
    return '';
  }
  if (typeof cell === 'number') {
    return String(cell);
  }
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(records: readonly (readonly CsvCell[])[]): string {
  return records.map((record) => `${record.map(csvField).join(',')}\r\n`).join('');
}

/**
 * A download's name: what it holds and the period it covers, dated the day it was made
 * ("albergue-ocupacion-2026-11-01_2026-11-14-made-2026-11-29.csv"), letters, digits and dashes
 * only.
 */
export function csvFilename(what: string, from: string, to: string, madeOn: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `albergue-${slug(what)}-${from}_${to}-made-${madeOn}.csv`;
}

/**
 * Hands `csv` to the browser as a file. A byte-order mark first, so that a spreadsheet opens the
 * accents (Cuauhtémoc) as UTF-8.
 */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
