import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import type { VariablesOf } from '../../graphql/graphql.js';
import { Age } from '../../ui/age.js';
import { ErrorText } from '../../ui/error-text.js';
import { submitted } from '../../ui/handlers.js';
import {
  OneHealthService,
  ReportServiceCapacity,
  type ServiceCapacityView,
} from './service-documents.js';

type Reported = VariablesOf<typeof ReportServiceCapacity>['input']['status'];
const REPORTED: Reported[] = ['ACCEPTING', 'WAITLIST', 'NOT_ACCEPTING'];

/**
 * A service's capacity (issue 20, item 1): what those who refer see before sending someone (its
 * status and its age; "unknown" once older than SERVICE_STALE_AFTER), and the staff's report.
 */
export function ServiceCapacityScreen({ serviceId }: { serviceId: string }) {
  const t = useT();
  const [result, refetch] = useQuery({ query: OneHealthService, variables: { id: serviceId } });
  const service = result.data?.healthService;
  if (!service) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <section aria-labelledby="capacity-title" class="service-capacity">
      <h1 id="capacity-title">{t('inbox.capacity.title', { service: service.name })}</h1>
      <CapacityNow service={service} />
      <CapacityReport
        service={service}
        onReported={() => refetch({ requestPolicy: 'network-only' })}
      />
    </section>
  );
}

/** The status as those who refer read it, with its age; stale or never reported: unknown. */
export function CapacityNow({ service }: { service: ServiceCapacityView }) {
  const t = useT();
  const { capacity } = service;
  return (
    <div class={`capacity-now capacity-${capacity.status}${capacity.stale ? ' stale' : ''}`}>
      <p>
        <strong class="capacity-status">{t(`referral.capacity.${capacity.status}`)}</strong>
        {capacity.status === 'WAITLIST' && capacity.waitDays !== null && (
          <> · {t('referral.capacity.wait', { n: capacity.waitDays ?? 0 })}</>
        )}
      </p>
      <p class="capacity-age">
        <Age updatedAt={capacity.reportedAt} />
      </p>
      {capacity.stale && (
        <p class="notice warning" role="status">
          {t('inbox.capacity.stale')}
        </p>
      )}
    </div>
  );
}

function CapacityReport({
  service,
  onReported,
}: {
  service: ServiceCapacityView;
  onReported(): void;
}) {
  const t = useT();
  const report = useAct(ReportServiceCapacity);
  const last = service.capacity.status;
  const [status, setStatus] = useState<Reported | undefined>(last === 'UNKNOWN' ? undefined : last);
  const [waitDays, setWaitDays] = useState(String(service.capacity.waitDays ?? ''));
  const [sent, setSent] = useState(false);
  const days = Number(waitDays);
  const waitOk = status !== 'WAITLIST' || (waitDays !== '' && Number.isInteger(days) && days >= 0);
  return (
    <form
      class="capacity-report"
      aria-labelledby="capacity-report-title"
      onSubmit={submitted(async () => {
        if (!status) {
          return;
        }
        setSent(false);
        const answer = await report.run((requestId) => ({
          input: {
            serviceId: service.id,
            requestId,
            status,
            waitDays: status === 'WAITLIST' ? days : null,
          },
        }));
        if (!answer.error && answer.data) {
          setSent(true);
          onReported();
        }
      })}
    >
      <h2 id="capacity-report-title">{t('inbox.capacity.report')}</h2>
      <p class="hint">{t('inbox.capacity.intro')}</p>
      <fieldset class="choices">
        <legend>{t('inbox.capacity.question')}</legend>
        {REPORTED.map((each) => (
          <label key={each} class="choice">
            <input
              type="radio"
              name="status"
              value={each}
              checked={status === each}
              onChange={() => {
                setSent(false);
                setStatus(each);
              }}
            />
            {t(`referral.capacity.${each}`)}
          </label>
        ))}
      </fieldset>
      {status === 'WAITLIST' && (
        <div class="field">
          <label for="capacity-wait-days">{t('inbox.capacity.waitDays')}</label>
          <input
            id="capacity-wait-days"
            type="number"
            inputMode="numeric"
            name="waitDays"
            min={0}
            max={365}
            required
            value={waitDays}
            onInput={(event) => setWaitDays(event.currentTarget.value)}
          />
        </div>
      )}
      <ErrorText error={report.state.error} />
      {sent && (
        <p class="notice success" role="status">
          {t('inbox.capacity.sent')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!status || !waitOk || report.state.pending}>
          {report.state.pending ? t('common.working') : t('inbox.capacity.send')}
        </button>
      </div>
    </form>
  );
}
