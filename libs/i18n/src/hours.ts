import type { Catalogue, MessageKey } from './catalogue.js';
import { clockTime, say } from './locale.js';

/** A shelter's hours as data (libs/contracts' OpeningHours, which this lib cannot import). */
export interface Hours {
  alwaysOpen: boolean;
  periods: readonly { days: readonly number[]; opens: string; closes: string }[];
}

/** "lunes a viernes", "sábado, domingo", "todos los días": runs of three days or more as a range. */
function daysText(catalogue: Catalogue, days: readonly number[]): string {
  if (days.length === 7) {
    return say(catalogue, 'hours.everyDay');
  }
  const day = (n: number) => say(catalogue, `hours.day.${n}` as MessageKey);
  const runs: number[][] = [];
  for (const n of days) {
    const run = runs[runs.length - 1];
    if (run && n === run[run.length - 1] + 1) {
      run.push(n);
    } else {
      runs.push([n]);
    }
  }
  return runs
    .map((run) =>
      run.length >= 3
        ? say(catalogue, 'hours.range', { from: day(run[0]), to: day(run[run.length - 1]) })
        : run.map(day).join(', '),
    )
    .join(', ');
}

/**
 * Opening hours in the catalogue's words and the reader's clock: "Lunes a viernes, de 8:00 a
 * 20:00; sábado, de 9:00 a 14:00", "Open 24 hours"; then the shelter's note on them, as written
 * (it is the shelter's own words, not translated). Empty when there is neither.
 */
export function hoursText(
  catalogue: Catalogue,
  hours: Hours | null,
  note: string | null = null,
): string {
  const text = !hours
    ? ''
    : hours.alwaysOpen
      ? say(catalogue, 'hours.always')
      : hours.periods
          .map((period) =>
            say(catalogue, 'hours.period', {
              days: daysText(catalogue, period.days),
              times: say(catalogue, 'hours.times', {
                opens: clockTime(catalogue, period.opens),
                closes: clockTime(catalogue, period.closes),
              }),
            }),
          )
          .join('; ');
  return [text.charAt(0).toUpperCase() + text.slice(1), note?.trim()].filter(Boolean).join('. ');
}
