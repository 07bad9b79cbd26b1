import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';
import {
  type Population,
  RecordTurnaway,
  TodayTurnaways,
  type TurnawayReason,
} from './gate-documents.js';
import { localDay } from '../../core/format.js';

const COUNTS = [1, 2, 3, 4, 5, 6];
const REASONS: TurnawayReason[] = ['NO_SPACE', 'NOT_ELIGIBLE', 'OTHER'];

/**
 * A turnaway in three taps: how many, which group, why; the third tap records it. Coordinators
 * also see today's total (the daily figures are theirs to read, not volunteers').
 */
export function TurnawayForm({
  shelterId,
  populations,
  coordinator,
}: {
  shelterId: string;
  populations: readonly Population[];
  coordinator: boolean;
}) {
  const t = useT();
  const act = useAct(RecordTurnaway, { queue: 'turnaway' });
  const [count, setCount] = useState<number>();
  const [population, setPopulation] = useState<Population>();
  const [more, setMore] = useState('');
  const [recorded, setRecorded] = useState<string>();
  const [today, refetchToday] = useQuery({
    query: TodayTurnaways,
    variables: { shelterId, day: localDay(useConsole().timeZone, new Date()) },
    pause: !coordinator,
    requestPolicy: 'cache-and-network',
  });
  const step = count === undefined ? 'count' : population === undefined ? 'group' : 'reason';
  const restart = () => {
    setCount(undefined);
    setPopulation(undefined);
    setMore('');
  };
  const record = async (reason: TurnawayReason) => {
    if (count === undefined || population === undefined) {
      return;
    }
    const answer = await act.run((requestId) => ({
      input: { requestId, shelterId, count, population, reason },
    }));
    if (answer.queued) {
      setRecorded(t('offline.queued'));
      restart();
    } else if (!answer.error && answer.data) {
      setRecorded(
        t('gate.turnaway.recorded', {
          n: count,
          group: t(`group.${population}`),
          reason: t(`gate.reason.${reason}`),
        }),
      );
      restart();
      if (coordinator) {
        refetchToday({ requestPolicy: 'network-only' });
      }
    }
  };
  const todayCount = today.data?.dailyFigures[0]?.turnaways;
  return (
    <section class="turnaway" aria-labelledby="turnaway-title">
      <h2 id="turnaway-title">{t('gate.turnaway.title')}</h2>
      {coordinator && todayCount !== undefined && (
        <p class="hint turnaway-today">{t('gate.turnaway.today', { n: todayCount })}</p>
      )}
      {recorded && (
        <p class="notice success" role="status">
          {recorded}
        </p>
      )}
      <ErrorText error={act.state.error} />
      <p class="turnaway-step" aria-live="polite">
        {t(`gate.turnaway.step.${step}`)}
      </p>
      {step === 'count' && (
        <div class="taps" role="group" aria-label={t('gate.turnaway.step.count')}>
          {COUNTS.map((n) => (
            <button
              type="button"
              key={n}
              data-count={n}
              onClick={() => {
                setRecorded(undefined);
                setCount(n);
              }}
            >
              {n}
            </button>
          ))}
          <form
            class="taps-more"
            onSubmit={(event) => {
              event.preventDefault();
              const n = Number(more);
              if (Number.isInteger(n) && n > 0) {
                setRecorded(undefined);
                setCount(n);
              }
            }}
          >
            <label>
              <span>{t('gate.turnaway.more')}</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={500}
                value={more}
                onInput={(event) => setMore(event.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('gate.next')}</button>
          </form>
        </div>
      )}
      {step === 'group' && (
        <div class="taps" role="group" aria-label={t('gate.turnaway.step.group')}>
          {populations.map((group) => (
            <button
              type="button"
              key={group}
              data-population={group}
              onClick={() => setPopulation(group)}
            >
              {t(`group.${group}`)}
            </button>
          ))}
        </div>
      )}
      {step === 'reason' && (
        <div class="taps" role="group" aria-label={t('gate.turnaway.step.reason')}>
          {REASONS.map((reason) => (
            <button
              type="button"
              key={reason}
              data-reason={reason}
              class="primary"
              disabled={act.state.pending}
              onClick={clicked(() => record(reason))}
            >
              {t(`gate.reason.${reason}`)}
            </button>
          ))}
        </div>
      )}
      {step !== 'count' && (
        <p class="turnaway-chosen">
          {t('gate.turnaway.chosen', {
            n: count ?? 0,
            group: population ? t(`group.${population}`) : '…',
          })}{' '}
          <button type="button" class="link" onClick={restart}>
            {t('gate.turnaway.again')}
          </button>
        </p>
      )}
    </section>
  );
}
