import type { CsvCell } from './csv.js';

/**
 * A table as the screen shows it and a CSV download writes it, from one model, so that the two
 * cannot differ: the column headings, then per row its heading (a day, a shelter) and its cells.
 */
export interface TableData {
  /** What the table holds, as its caption and the download's name say it. */
  caption: string;
  /** Headings, the row headings' column first. */
  columns: string[];
  rows: { key: string; head: string; cells: CsvCell[] }[];
}

/** The table's records for toCsv: the headings, then each row, cell for cell as on screen. */
export function tableRecords(table: TableData): CsvCell[][] {
  return [table.columns, ...table.rows.map((row) => [row.head, ...row.cells])];
}
