import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { addDays, dayNoonUtc, localDay, weekdayOf } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { graphql, type ResultOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';

const WeekFiguresQuery = graphql(`
  query WeekFigures($shelterId: ID!, $from: String!, $to: String!) {
    dailyFigures(shelterId: $shelterId, from: $from, to: $to) {
      day
      occupied
      capacity
      arrivals
      departures
      turnaways
      reported
    }
  }
`);

type Day = ResultOf<typeof WeekFiguresQuery>['dailyFigures'][number];

/**
 * A coordinator's last seven days (dailyFigures, a coordinator's read): people against places,
 * arrivals, departures and the people turned away. The table is the figures; the plot (uPlot,
 * loaded only when this is shown, never in the first view) repeats them for the eye and is
 * hidden from screen readers, which read the table.
 */
export function WeekFigures({ shelterId }: { shelterId: string }) {
  const t = useT();
  // The API's days are TIME_ZONE's: near midnight the device's calendar may be on another.
  const today = localDay(useConsole().timeZone, new Date());
  const [result] = useQuery({
    query: WeekFiguresQuery,
    variables: { shelterId, from: addDays(today, -6), to: today },
    requestPolicy: 'cache-and-network',
  });
  const days = result.data?.dailyFigures;
  if (!days) {
    return result.error ? <ErrorText error={actError(result.error)} /> : null;
  }
  return (
    <section class="week" aria-labelledby="week-title">
      <h2 id="week-title">{t('week.title')}</h2>
      <WeekPlot days={days} />
      <WeekTable days={days} />
    </section>
  );
}

function WeekTable({ days }: { days: readonly Day[] }) {
  const t = useT();
  const { locale } = useConsole().language.value;
  return (
    // Reachable by keyboard when a narrow screen makes it scroll sideways.
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="week-title">
      <table class="week-table">
        <caption class="sr-only">{t('week.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('week.day')}</th>
            <th scope="col">{t('week.occupied')}</th>
            <th scope="col">{t('week.capacity')}</th>
            <th scope="col">{t('week.arrivals')}</th>
            <th scope="col">{t('week.departures')}</th>
            <th scope="col">{t('week.turnaways')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day} data-day={day.day}>
              <th scope="row">
                {weekdayOf(locale, day.day)}
                {day.reported && <span class="hint"> ({t('week.reported')})</span>}
              </th>
              <td>{day.occupied}</td>
              <td>{day.capacity}</td>
              <td>{day.arrivals}</td>
              <td>{day.departures}</td>
              <td>{day.turnaways}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Occupied against capacity, and turnaways, one point a day; drawn by uPlot into a canvas. */
function WeekPlot({ days }: { days: readonly Day[] }) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let plot: { destroy(): void } | undefined;
    let gone = false;
    void (async () => {
      const [{ default: UPlot }] = await Promise.all([
        import('uplot'),
        import('uplot/dist/uPlot.min.css'),
      ]);
      if (gone || !target.current) {
        return;
      }
      plot = new UPlot(
        {
          width: Math.max(280, target.current.clientWidth),
          height: 180,
          legend: { show: true },
          // Each point is a calendar day at its noon in UTC: the axis reads it in UTC too.
          tzDate: (seconds) => UPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
          cursor: { show: false },
          // One tick per day, named in the reader's language (uPlot's own labels are English).
          axes: [
            {
              splits: () => days.map((day) => dayNoonUtc(day.day) / 1000),
              values: (_plot, splits) =>
                splits.map((seconds) =>
                  weekdayOf(locale, new Date(seconds * 1000).toISOString().slice(0, 10)),
                ),
            },
            {},
          ],
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [
            {},
            { label: t('week.occupied'), stroke: '#0b4f8a', width: 2 },
            { label: t('week.capacity'), stroke: '#4a4a4a', dash: [6, 4], width: 2 },
            { label: t('week.turnaways'), stroke: '#a3161b', width: 2 },
          ],
        },
        [
          days.map((day) => dayNoonUtc(day.day) / 1000),
          days.map((day) => day.occupied),
          days.map((day) => day.capacity),
          days.map((day) => day.turnaways),
        ],
        target.current,
      );
    })();
    return () => {
      gone = true;
      plot?.destroy();
    };
  }, [days, t, locale]);
  return <div class="week-plot" ref={target} aria-hidden="true" />;
}
