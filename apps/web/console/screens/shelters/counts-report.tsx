import { ApiErrorCode, type StaleReportDetails } from '@albergue/contracts';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import type { ShelterFigures } from './shelter-figures.js';
import { clicked, submitted } from '../../ui/handlers.js';

const ReportAvailability = graphql(`
  mutation ReportAvailability($input: ReportAvailabilityInput!) {
    reportAvailability(input: $input) {
      id
      availabilityVersion
    }
  }
`);

const ConfirmAvailability = graphql(`
  mutation ConfirmAvailability($shelterId: ID!, $knownVersion: Int!, $requestId: ID!) {
    confirmAvailability(shelterId: $shelterId, knownVersion: $knownVersion, requestId: $requestId) {
      id
      availabilityVersion
    }
  }
`);

type Counts = Record<string, { freeBeds: number; overflowFree: number }>;

function countsOf(shelter: ShelterFigures): Counts {
  const counts: Counts = {};
  for (const group of shelter.availability.byPopulation) {
    counts[group.population] = {
      freeBeds: group.freeBeds ?? 0,
      overflowFree: group.overflowFree ?? 0,
    };
  }
  return counts;
}

/**
 * Free places per group, counted now, on one screen; or "the figures still hold". Both name the
 * version they were read at: if someone reported meanwhile, the API refuses (STALE_REPORT) and
 * says the newer figures, which this form then shows in place of the old, to be checked and sent
 * again.
 */
export function CountsReport({
  shelter,
  onReported,
}: {
  shelter: ShelterFigures;
  onReported(): void;
}) {
  const t = useT();
  // Made offline, both wait in the offline queue and go when the connection returns.
  const report = useAct(ReportAvailability, { queue: 'report' });
  const confirm = useAct(ConfirmAvailability, { queue: 'report' });
  const [counts, setCounts] = useState(() => countsOf(shelter));
  const [knownVersion, setKnownVersion] = useState(shelter.availabilityVersion);
  const [outcome, setOutcome] = useState<'sent' | 'confirmed' | 'conflict' | 'queued'>();
  const refused = report.state.error ?? confirm.state.error;
  const settle = (
    error: typeof refused,
    version: number | undefined,
    done: 'sent' | 'confirmed',
    queued?: boolean,
  ): void => {
    if (queued) {
      setOutcome('queued');
      return;
    }
    if (!error && version !== undefined) {
      setKnownVersion(version);
      setOutcome(done);
      onReported();
      return;
    }
    if (!error) {
      return;
    }
    const current = (error.details as StaleReportDetails | undefined)?.current;
    if (error.code === ApiErrorCode.CONFLICT && current) {
      setKnownVersion(current.version);
      setCounts(
        Object.fromEntries(
          current.capacities.map((capacity) => [
            capacity.population,
            { freeBeds: capacity.freeBeds, overflowFree: capacity.overflowFree },
          ]),
        ),
      );
      setOutcome('conflict');
    }
  };
  const set = (population: string, field: 'freeBeds' | 'overflowFree', value: string) =>
    setCounts({
      ...counts,
      [population]: { ...counts[population], [field]: Math.max(0, Number(value) || 0) },
    });
  return (
    <form
      class="report"
      aria-labelledby="report-title"
      onSubmit={submitted(async () => {
        setOutcome(undefined);
        const answer = await report.run((requestId) => ({
          input: {
            shelterId: shelter.id,
            knownVersion,
            requestId,
            counts: Object.entries(counts).map(([population, count]) => ({
              population: population as (typeof shelter.populations)[number],
              freeBeds: count.freeBeds,
              overflowFree: count.overflowFree,
            })),
          },
        }));
        settle(
          answer.error,
          answer.data?.reportAvailability.availabilityVersion,
          'sent',
          answer.queued,
        );
      })}
    >
      <h2 id="report-title">{t('report.title')}</h2>
      <p class="hint">{t('report.intro')}</p>
      {outcome === 'conflict' && (
        <p class="notice warning" role="alert">
          {t('report.conflict')}
        </p>
      )}
      {Object.entries(counts).map(([population, count]) => (
        <fieldset key={population} class="count-row">
          <legend>{t(`group.${population as (typeof shelter.populations)[number]}`)}</legend>
          <label>
            {t('report.free')}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              name={`${population}.freeBeds`}
              value={count.freeBeds}
              onInput={(event) => set(population, 'freeBeds', event.currentTarget.value)}
            />
          </label>
          <label>
            {t('report.overflow')}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              name={`${population}.overflowFree`}
              value={count.overflowFree}
              onInput={(event) => set(population, 'overflowFree', event.currentTarget.value)}
            />
          </label>
        </fieldset>
      ))}
      {refused && !(refused.code === ApiErrorCode.CONFLICT && outcome === 'conflict') && (
        <ErrorText error={refused} />
      )}
      {outcome === 'sent' && (
        <p class="notice success" role="status">
          {t('report.sent')}
        </p>
      )}
      {outcome === 'queued' && (
        <p class="notice warning" role="status">
          {t('offline.queued')}
        </p>
      )}
      {outcome === 'confirmed' && (
        <p class="notice success" role="status">
          {t('report.confirmed')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={report.state.pending}>
          {t('report.send')}
        </button>
        <button
          type="button"
          disabled={confirm.state.pending}
          onClick={clicked(async () => {
            setOutcome(undefined);
            const answer = await confirm.run((requestId) => ({
              shelterId: shelter.id,
              knownVersion,
              requestId,
            }));
            settle(
              answer.error,
              answer.data?.confirmAvailability.availabilityVersion,
              'confirmed',
              answer.queued,
            );
          })}
        >
          {t('report.confirm')}
        </button>
      </div>
    </form>
  );
}
