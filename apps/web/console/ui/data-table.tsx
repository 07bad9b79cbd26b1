import { useConsole, useT } from '../core/context.js';
import { localDay } from '../core/format.js';
import { csvFilename, downloadCsv, toCsv } from './csv.js';
import { type TableData, tableRecords } from './table-data.js';

/**
 * A real table (caption, column and row headings) in a region that scrolls sideways by keyboard
 * on a narrow screen, and a button that downloads exactly it as CSV.
 */
export function DataTable({
  id,
  table,
  period,
  hidden = false,
}: {
  id: string;
  table: TableData;
  /** The days the table covers, for the download's name. */
  period: { from: string; to: string };
  /** Shown only when its toggle says so (a plot's table); printed always. The download is
   * there either way. */
  hidden?: boolean;
}) {
  const t = useT();
  const { timeZone } = useConsole();
  const download = () =>
    downloadCsv(
      csvFilename(table.caption, period.from, period.to, localDay(timeZone, new Date())),
      toCsv(tableRecords(table)),
    );
  return (
    <div class="data-table" data-table={id}>
      <div
        id={id}
        class={`table-scroll${hidden ? ' closed' : ''}`}
        tabIndex={0}
        role="region"
        aria-label={table.caption}
      >
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.head}</th>
                {row.cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" class="secondary no-print csv" onClick={download}>
        {t('figures.csv', { what: table.caption })}
      </button>
    </div>
  );
}
