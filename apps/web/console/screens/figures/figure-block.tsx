import { useMemo, useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { DataTable } from '../../ui/data-table.js';
import {
  type DayFigures,
  dayTable,
  fieldLabel,
  PLOTS,
  type PlotName,
  valueOf,
} from './figure-tables.js';
import { FigurePlot } from './figure-plot.js';

/**
 * One plot of the API's days and its table: the plot for the eye, the table (behind a button
 * that says whether it is open) for the keyboard, the screen reader, the printer and the CSV.
 */
export function FigureBlock({
  plot,
  scope,
  days,
  period,
  tableOpen = false,
}: {
  plot: PlotName;
  scope: string;
  days: readonly DayFigures[];
  period: { from: string; to: string };
  tableOpen?: boolean;
}) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const [open, setOpen] = useState(tableOpen);
  const id = `figures-${plot}`;
  const table = useMemo(() => dayTable(t, plot, scope, days), [t, plot, scope, days]);
  const series = useMemo(
    () =>
      PLOTS[plot].fields.map((field) => ({
        label: fieldLabel(t, field),
        values: days.map((day) => valueOf(day, field)),
      })),
    [t, plot, days],
  );
  const dayList = useMemo(() => days.map((day) => day.day ?? ''), [days]);
  return (
    <section class="figure" aria-labelledby={`${id}-title`} data-plot={plot}>
      <h3 id={`${id}-title`}>{t(PLOTS[plot].title)}</h3>
      <FigurePlot days={dayList} series={series} locale={locale} />
      <button
        type="button"
        class="secondary no-print"
        aria-expanded={open}
        aria-controls={`${id}-table`}
        aria-describedby={`${id}-title`}
        onClick={() => setOpen(!open)}
      >
        {open ? t('figures.hideTable') : t('figures.showTable')}
      </button>
      <DataTable id={`${id}-table`} table={table} period={period} hidden={!open} />
    </section>
  );
}
