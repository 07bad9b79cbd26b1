import { useEffect, useRef } from 'preact/hooks';
import { dayNoonUtc } from '../../core/format.js';

export interface PlotSeries {
  label: string;
  values: readonly number[];
}

/** Colours and dashes told apart without colour too (the legend names each line). */
const STYLES = [
  { stroke: '#0b4f8a', width: 2 },
  { stroke: '#4a4a4a', width: 2, dash: [6, 4] },
  { stroke: '#a3161b', width: 2, dash: [2, 3] },
  { stroke: '#1d6b3a', width: 2, dash: [10, 3, 2, 3] },
  { stroke: '#6b3a8c', width: 2, dash: [1, 5] },
  { stroke: '#8a5a00', width: 2, dash: [12, 6] },
];

/**
 * The API's days as lines, drawn by uPlot (loaded when a plot is first shown, never in the
 * console's first view) into a canvas hidden from screen readers: the table beside it is the
 * accessible version. It says how many series it drew (data-series), how long the drawing took,
 * from the data to the frame after it (data-render-ms), and when it began and when that frame came
 * (data-started-at, data-drawn-at, performance.now()): the bench reads them.
 */
export function FigurePlot({
  days,
  series,
  locale,
}: {
  days: readonly string[];
  series: readonly PlotSeries[];
  locale: string;
}) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: { destroy(): void } | undefined;
    let gone = false;
    void (async () => {
      const [{ default: UPlot }] = await Promise.all([
        import('uplot'),
        import('uplot/dist/uPlot.min.css'),
      ]);
      const element = target.current;
      if (gone || !element) {
        return;
      }
      const started = performance.now();
      const dayName = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      });
      const made = new UPlot(
        {
          width: Math.max(280, element.clientWidth),
          height: 200,
          legend: { show: true },
          cursor: { show: false },
          // Each point is a calendar day at its noon in UTC: the axis reads it in UTC too.
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
          axes: [
            {
              values: (_plot, splits) =>
                splits.map((seconds) => dayName.format(new Date(seconds * 1000))),
            },
            {},
          ],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [
            {},
            ...series.map((each, index) => ({
              label: each.label,
              ...STYLES[index % STYLES.length],
            })),
          ],
        },
        [days.map((day) => dayNoonUtc(day) / 1000), ...series.map((each) => [...each.values])],
        element,
      );
      plot = made;
      requestAnimationFrame(() => {
        if (!gone) {
          const now = performance.now();
          element.dataset.series = String(made.series.length - 1);
          element.dataset.renderMs = (now - started).toFixed(1);
          element.dataset.startedAt = started.toFixed(1);
          element.dataset.drawnAt = now.toFixed(1);
        }
      });
    })();
    return () => {
      gone = true;
      plot?.destroy();
      delete target.current?.dataset.series;
    };
  }, [days, series, locale]);
  return <div class="figure-plot" ref={target} aria-hidden="true" />;
}
