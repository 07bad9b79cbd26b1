import { useQuery } from '@urql/preact';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { type Clock, dayAndTime } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { graphql, type ResultOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { byTimeAndPlace } from './plan-lines.js';

/** The coming day: what a coordinator plans the evening before and pins on the wall at dawn. */
export const PLAN_HOURS = 24;

const AppointmentsDue = graphql(`
  query AppointmentsDue($shelterId: ID!, $hours: Int!) {
    appointmentsDue(shelterId: $shelterId, hours: $hours) {
      id
      residentId
      residentName
      kind
      startsAt
      place
      notes
    }
  }
`);

type Due = ResultOf<typeof AppointmentsDue>['appointmentsDue'][number];

/**
 * Appointments due by time and place, live from the `/staff` `appointmentsDue` event; printed on
 * A4, one line per person: name as recorded, time, place, and what to bring (the catalogue's list
 * for the kind, then the appointment's own note).
 */
export function MorningPlan({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { session } = useConsole();
  const clock = useClock();
  const shelterName = session.me.value?.memberships.find(
    (each) => each.shelterId === shelterId,
  )?.shelterName;
  const [result, refetch] = useQuery({
    query: AppointmentsDue,
    variables: { shelterId, hours: PLAN_HOURS },
  });
  useStaffEvent('appointmentsDue', (due) => {
    if (due.shelterId === shelterId) {
      refetch({ requestPolicy: 'network-only' });
    }
  });
  const due = result.data?.appointmentsDue;
  return (
    <section aria-labelledby="plan-title" class="plan">
      <h1 id="plan-title">{t('plan.title')}</h1>
      <p class="hint">{t('plan.intro', { n: PLAN_HOURS })}</p>
      {!due ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : due.length === 0 ? (
        <p role="status">{t('plan.none', { n: PLAN_HOURS })}</p>
      ) : (
        <>
          <div class="actions no-print">
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('plan.print')}
            </button>
          </div>
          <p role="status">{t('plan.count', { n: due.length })}</p>
          <table class="plan-sheet">
            <caption class="print-only">
              {[t('plan.title'), shelterName, dayAndTime(clock, new Date().toISOString())]
                .filter(Boolean)
                .join(' · ')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.time')}</th>
                <th scope="col">{t('plan.person')}</th>
                <th scope="col">{t('plan.place')}</th>
                <th scope="col">{t('plan.bring')}</th>
              </tr>
            </thead>
            {byTimeAndPlace(due).map((group) => (
              <tbody key={`${group.startsAt}|${group.place ?? ''}`} class="plan-group">
                {group.lines.map((line) => (
                  <PlanLine key={line.id} line={line} clock={clock} shelterId={shelterId} />
                ))}
              </tbody>
            ))}
          </table>
        </>
      )}
    </section>
  );
}

function PlanLine({ line, clock, shelterId }: { line: Due; clock: Clock; shelterId: string }) {
  const t = useT();
  const { router } = useConsole();
  return (
    <tr class="plan-line" data-appointment={line.id}>
      <td>
        <time dateTime={line.startsAt}>{dayAndTime(clock, line.startsAt)}</time>
      </td>
      <th scope="row">
        <a href={router.href(`/shelters/${shelterId}/residents/${line.residentId}`)}>
          {line.residentName ?? t('residents.unnamed')}
        </a>
      </th>
      <td>
        <strong>{t(`plan.kind.${line.kind}`)}</strong>
        {line.place && <span>: {line.place}</span>}
      </td>
      <td class="bring">
        {t(`plan.bring.${line.kind}`)}
        {line.notes && <span class="note"> {t('plan.note', { note: line.notes })}</span>}
      </td>
    </tr>
  );
}
