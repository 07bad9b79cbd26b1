import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { timeOfDay } from '../../core/format.js';
import { Age } from '../../ui/age.js';
import { ErrorText } from '../../ui/error-text.js';
import { actError } from '../../graphql/errors.js';
import { CountsReport } from './counts-report.js';
import { type ShelterFigures, ShelterFiguresQuery } from './shelter-figures.js';
import { WeekFigures } from './week-figures.js';

/** A shelter's figures now, live, and for counts-mode shelters the one-screen report. */
export function ShelterHome({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { session } = useConsole();
  const role = session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role;
  const [result, refetch] = useQuery({ query: ShelterFiguresQuery, variables: { id: shelterId } });
  const [staleAt, setStaleAt] = useState<string>();
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  useStaffEvent('shelter', (figures) => {
    if (figures.shelterId === shelterId) {
      refresh();
    }
  });
  useStaffEvent('figuresTurningStale', (notice) => {
    if (notice.shelterId === shelterId) {
      setStaleAt(notice.staleAt);
    }
  });
  const shelter = result.data?.shelter;
  if (!shelter) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <section aria-labelledby="shelter-title">
      <h1 id="shelter-title">{shelter.name}</h1>
      <p class="hint">{t(`shelters.mode.${shelter.trackingMode}`)}</p>
      {staleAt && <StaleSoon at={staleAt} />}
      <Figures shelter={shelter} />
      {shelter.trackingMode === 'COUNTS' && (
        <CountsReport
          shelter={shelter}
          onReported={() => {
            setStaleAt(undefined);
            refresh();
          }}
        />
      )}
      {/* The API gives daily figures to a shelter's coordinators, not to its volunteers. */}
      {role === 'COORDINATOR' && <WeekFigures shelterId={shelter.id} />}
    </section>
  );
}

function StaleSoon({ at }: { at: string }) {
  const t = useT();
  const clock = useClock();
  return (
    <p class="notice warning" role="status">
      {t('shelters.turningStale', { time: timeOfDay(clock, at) })}
    </p>
  );
}

/** Free of total per group, overflow apart; said in words as well as colour. */
export function Figures({ shelter }: { shelter: ShelterFigures }) {
  const t = useT();
  const availability = shelter.availability;
  return (
    <div class="figures">
      <p>
        <Age updatedAt={availability.updatedAt} />
      </p>
      {availability.stale && (
        <p class="notice warning" role="status">
          {t('shelters.unknown')}
        </p>
      )}
      <table>
        <caption class="sr-only">{shelter.name}</caption>
        <tbody>
          {availability.byPopulation.map((group) => (
            <tr key={group.population} data-population={group.population}>
              <th scope="row">{t(`group.${group.population}`)}</th>
              <td>
                <span class={`band band-${group.band}`}>{t(`band.${group.band}`)}</span>
              </td>
              <td>
                {group.freeBeds === null || group.freeBeds === undefined
                  ? '—'
                  : t('shelters.free', { n: group.freeBeds })}{' '}
                {group.totalBeds !== null && group.totalBeds !== undefined && (
                  <span class="hint">{t('shelters.of', { n: group.totalBeds })}</span>
                )}
                {!!group.overflowTotal && (
                  <span class="hint">
                    {' '}
                    · {t('shelters.overflow', { n: group.overflowFree ?? 0 })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
