import { useEffect, useRef } from 'preact/hooks';

/**
 * Counts as bars, one per cell the API gave a number (the pooled ones included, as the table
 * names them), drawn by uPlot: loaded when the plot is first shown, never in the console's first
 * view, into a canvas hidden from screen readers (the table beside it is the accessible version).
 * It says how many bars it drew (data-bars) once drawn.
 */
export function ReferralPlot({
  labels,
  values,
  series,
}: {
  labels: readonly string[];
  values: readonly number[];
  /** What the bars count, as the legend says it. */
  series: string;
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
      const positions = labels.map((_, index) => index);
      const bars = UPlot.paths.bars?.({ size: [0.6, 64] });
      plot = new UPlot(
        {
          width: Math.max(280, element.clientWidth),
          height: 200,
          legend: { show: true },
          cursor: { show: false },
          scales: {
            x: { time: false, range: () => [-0.5, Math.max(0.5, labels.length - 0.5)] },
            y: { range: (_u, _min, max) => [0, Math.max(5, max)] },
          },
          axes: [
            {
              splits: () => positions,
              // Each bar named in the reader's words, shortened where a phone has no room.
              values: (_plot, splits) =>
                splits.map((split) => {
                  const label = labels[split] ?? '';
                  return label.length > 14 ? `${label.slice(0, 13)}…` : label;
                }),
            },
            {},
          ],
          series: [
            {},
            {
              label: series,
              stroke: '#0b4f8a',
              fill: 'rgba(11, 79, 138, 0.35)',
              width: 2,
              paths: bars,
            },
          ],
        },
        [positions, [...values]],
        element,
      );
      requestAnimationFrame(() => {
        if (!gone) {
          element.dataset.bars = String(labels.length);
        }
      });
    })();
    return () => {
      gone = true;
      plot?.destroy();
      delete target.current?.dataset.bars;
    };
  }, [labels, values, series]);
  return <div class="figure-plot referral-plot" ref={target} aria-hidden="true" />;
}
