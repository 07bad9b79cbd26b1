import { useState } from 'preact/hooks';
import { type ActState, useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { ASYLUM_STATUSES } from './statuses.js';
import type { AsylumStatusName, Resident } from './resident-query.js';

const ChangeAsylumStatus = graphql(`
  mutation ChangeAsylumStatus($input: ChangeAsylumStatusInput!) {
    changeAsylumStatus(input: $input) {
      id
      asylumStatus
      nextAsylumSteps
    }
  }
`);

/**
 * The asylum track: where it stands, and for a coordinator the next steps the API says the track
 * allows (`nextAsylumSteps`, from the rule changeAsylumStatus enforces: none is worked out here),
 * and apart from them a correction to any status, which cannot be sent without a reason.
 */
export function AsylumTrack({
  resident,
  mayChange,
  onChanged,
}: {
  resident: Resident;
  mayChange: boolean;
  onChanged(): void;
}) {
  const t = useT();
  return (
    <section aria-labelledby="track-title" class="track">
      <h2 id="track-title">{t('residents.asylum')}</h2>
      <p>
        <span class="hint">{t('residents.asylumNow')} </span>
        <strong data-status={resident.asylumStatus}>
          {t(`residents.status.${resident.asylumStatus}`)}
        </strong>
      </p>
      {resident.asylumOffice && (
        <p>
          {t('residents.office')}: {resident.asylumOffice}
        </p>
      )}
      {resident.caseNumber && (
        <p>
          {t('residents.caseNumber')}: {resident.caseNumber}
        </p>
      )}
      {mayChange && !resident.anonymised && (
        <>
          <NextStep resident={resident} onChanged={onChanged} />
          <Correction resident={resident} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

function StepDetails({
  status,
  resident,
  values,
  set,
}: {
  status: AsylumStatusName | '';
  resident: Resident;
  values: Record<string, string>;
  set(name: string, value: string): void;
}) {
  const t = useT();
  return (
    <>
      {status === 'PRE_REGISTERED' && (
        <Field
          label={t('residents.folio')}
          name="comarFolio"
          value={values.comarFolio ?? ''}
          required={!resident.documents.comarFolio}
          onInput={(event) => set('comarFolio', event.currentTarget.value)}
        />
      )}
      {status === 'APPLICATION_FILED' && (
        <Field
          label={t('residents.caseNumber')}
          name="caseNumber"
          value={values.caseNumber ?? ''}
          required={!resident.caseNumber}
          onInput={(event) => set('caseNumber', event.currentTarget.value)}
        />
      )}
      {status !== '' && (
        <Field
          label={t('residents.officeOptional')}
          name="office"
          value={values.office ?? ''}
          onInput={(event) => set('office', event.currentTarget.value)}
        />
      )}
    </>
  );
}

function useStepForm() {
  const [status, setStatus] = useState<AsylumStatusName | ''>('');
  const [values, setValues] = useState<Record<string, string>>({});
  return {
    status,
    setStatus,
    values,
    set: (name: string, value: string) => setValues({ ...values, [name]: value }),
    reset: () => {
      setStatus('');
      setValues({});
    },
    extras: () => ({
      comarFolio:
        status === 'PRE_REGISTERED' && values.comarFolio?.trim()
          ? values.comarFolio.trim().toUpperCase()
          : undefined,
      caseNumber:
        status === 'APPLICATION_FILED' && values.caseNumber?.trim()
          ? values.caseNumber.trim()
          : undefined,
      office: values.office?.trim() || undefined,
    }),
  };
}

function NextStep({ resident, onChanged }: { resident: Resident; onChanged(): void }) {
  const t = useT();
  const change = useAct(ChangeAsylumStatus);
  const form = useStepForm();
  const [done, setDone] = useState(false);
  const [moved, setMoved] = useState(false);
  const steps = resident.nextAsylumSteps;
  if (steps.length === 0) {
    return <p class="hint">{t('residents.noNextStep')}</p>;
  }
  return (
    <form
      class="next-step"
      onSubmit={submitted(async () => {
        if (!form.status) {
          return;
        }
        setDone(false);
        setMoved(false);
        const answer = await change.run(() => ({
          input: {
            residentId: resident.id,
            status: form.status as AsylumStatusName,
            ...form.extras(),
          },
        }));
        if (!answer.error) {
          form.reset();
          setDone(true);
          onChanged();
        } else if (answer.error.reason === 'TRANSITION_NOT_ALLOWED') {
          // Someone moved the track meanwhile: say so, and offer the steps from where it is now.
          form.reset();
          setMoved(true);
          onChanged();
        }
      })}
    >
      <fieldset>
        <legend>{t('residents.nextStep')}</legend>
        {steps.map((step) => (
          <label key={step} class="choice">
            <input
              type="radio"
              name="status"
              value={step}
              checked={form.status === step}
              onChange={() => form.setStatus(step)}
            />
            {t(`residents.status.${step}`)}
          </label>
        ))}
      </fieldset>
      <StepDetails status={form.status} resident={resident} values={form.values} set={form.set} />
      <ChangeResult
        state={change.state}
        moved={moved}
        done={done}
        ready={form.status !== ''}
        label={t('residents.change')}
      />
    </form>
  );
}

/** Any status, out of the track's order: only with a reason, which the history keeps. */
function Correction({ resident, onChanged }: { resident: Resident; onChanged(): void }) {
  const t = useT();
  const change = useAct(ChangeAsylumStatus);
  const form = useStepForm();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const ready = form.status !== '' && reason.trim().length > 0;
  return (
    <details class="correction">
      <summary>{t('residents.override')}</summary>
      <form
        onSubmit={submitted(async () => {
          if (!ready) {
            return;
          }
          setDone(false);
          const answer = await change.run(() => ({
            input: {
              residentId: resident.id,
              status: form.status as AsylumStatusName,
              override: true,
              reason: reason.trim(),
              ...form.extras(),
            },
          }));
          if (!answer.error) {
            form.reset();
            setReason('');
            setDone(true);
            onChanged();
          }
        })}
      >
        <p class="hint">{t('residents.overrideIntro')}</p>
        <div class="field">
          <label for="override-status">{t('residents.overrideStatus')}</label>
          <select
            id="override-status"
            name="overrideStatus"
            value={form.status}
            onChange={(event) => form.setStatus(event.currentTarget.value as AsylumStatusName)}
          >
            <option value="">—</option>
            {ASYLUM_STATUSES.filter((status) => status !== resident.asylumStatus).map((status) => (
              <option key={status} value={status}>
                {t(`residents.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <StepDetails status={form.status} resident={resident} values={form.values} set={form.set} />
        <div class="field">
          <label for="override-reason">{t('residents.overrideReason')}</label>
          <textarea
            id="override-reason"
            name="reason"
            required
            maxLength={1000}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        </div>
        <ChangeResult
          state={change.state}
          done={done}
          ready={ready}
          label={t('residents.overrideSubmit')}
        />
      </form>
    </details>
  );
}

/**
 * What a status change came to, and its button: the refusal (or, for a next step, that the track
 * moved meanwhile), the change made, and the submit button, busy while the act is on its way.
 */
function ChangeResult({
  state,
  moved = false,
  done,
  ready,
  label,
}: {
  state: Pick<ActState<unknown>, 'pending' | 'error'>;
  moved?: boolean;
  done: boolean;
  ready: boolean;
  label: string;
}) {
  const t = useT();
  return (
    <>
      {moved ? (
        <p class="notice warning" role="alert">
          {t('residents.trackMoved')}
        </p>
      ) : (
        <ErrorText error={state.error} />
      )}
      {done && (
        <p class="notice success" role="status">
          {t('residents.changed')}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={!ready || state.pending}>
          {state.pending ? t('common.working') : label}
        </button>
      </div>
    </>
  );
}
