import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useClock, useConsole, useT } from '../../core/context.js';
import { dayAndTime, instantOfWallClock } from '../../core/format.js';
import { graphql } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import type { Appointment } from './resident-query.js';

const AddAppointment = graphql(`
  mutation AddAppointment($input: AddAppointmentInput!) {
    addAppointment(input: $input) {
      id
    }
  }
`);

const SetAppointmentOutcome = graphql(`
  mutation SetAppointmentOutcome($input: SetAppointmentOutcomeInput!) {
    setAppointmentOutcome(input: $input) {
      id
      outcome
    }
  }
`);

type Kind = Appointment['kind'];
type Outcome = Appointment['outcome'];

export const KINDS: Kind[] = ['COMAR', 'INM_TVRH', 'CBP_ONE', 'COURT', 'CONSULATE', 'OTHER'];
const OUTCOMES: Outcome[] = ['PENDING', 'ATTENDED', 'MISSED', 'RESCHEDULED', 'CANCELLED'];

/** A person's appointments with their outcomes, a new one, and how one went. */
export function Appointments({
  residentId,
  appointments,
  mayAdd,
  onChanged,
}: {
  residentId: string;
  appointments: Appointment[];
  mayAdd: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const clock = useClock();
  return (
    <section aria-labelledby="appointments-title" class="appointments">
      <h2 id="appointments-title">{t('residents.appointments')}</h2>
      {appointments.length === 0 ? (
        <p class="hint">{t('residents.noAppointments')}</p>
      ) : (
        <ul class="appointment-list">
          {appointments.map((appointment) => (
            <li key={appointment.id} data-appointment={appointment.id}>
              <strong>{t(`plan.kind.${appointment.kind}`)}</strong>{' '}
              <time dateTime={appointment.startsAt}>{dayAndTime(clock, appointment.startsAt)}</time>
              {appointment.place && <span> · {appointment.place}</span>}
              {appointment.notes && <p class="hint">{appointment.notes}</p>}
              <OutcomeForm appointment={appointment} mayChange={mayAdd} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      {mayAdd && <NewAppointment residentId={residentId} onAdded={onChanged} />}
    </section>
  );
}

function OutcomeForm({
  appointment,
  mayChange,
  onChanged,
}: {
  appointment: Appointment;
  mayChange: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const act = useAct(SetAppointmentOutcome);
  const [outcome, setOutcome] = useState<Outcome>(appointment.outcome);
  const id = `outcome-${appointment.id}`;
  if (!mayChange) {
    return <p>{t(`residents.outcome.${appointment.outcome}`)}</p>;
  }
  return (
    <form
      class="outcome"
      onSubmit={submitted(async () => {
        const answer = await act.run(() => ({
          input: { appointmentId: appointment.id, outcome },
        }));
        if (!answer.error) {
          onChanged();
        }
      })}
    >
      <label for={id}>{t('residents.outcome')}</label>
      <select
        id={id}
        value={outcome}
        onChange={(event) => setOutcome(event.currentTarget.value as Outcome)}
      >
        {OUTCOMES.map((each) => (
          <option key={each} value={each}>
            {t(`residents.outcome.${each}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={outcome === appointment.outcome || act.state.pending}>
        {t('residents.saveOutcome')}
      </button>
      <ErrorText error={act.state.error} />
    </form>
  );
}

function NewAppointment({ residentId, onAdded }: { residentId: string; onAdded(): void }) {
  const t = useT();
  const { timeZone } = useConsole();
  const act = useAct(AddAppointment);
  const [kind, setKind] = useState<Kind>('COMAR');
  const [when, setWhen] = useState('');
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  const [added, setAdded] = useState(false);
  return (
    <details class="new-appointment">
      <summary>{t('residents.addAppointment')}</summary>
      <form
        onSubmit={submitted(async () => {
          setAdded(false);
          const answer = await act.run((requestId) => ({
            input: {
              requestId,
              residentId,
              kind,
              // The time on the letter is the wall clock where the office is (TIME_ZONE), not
              // the device's: a laptop left on UTC must not move the COMAR by six hours.
              startsAt: instantOfWallClock(timeZone, when),
              place: place.trim(),
              notes: notes.trim() || undefined,
            },
          }));
          if (!answer.error) {
            setWhen('');
            setPlace('');
            setNotes('');
            setAdded(true);
            onAdded();
          }
        })}
      >
        <div class="field">
          <label for="appointment-kind">{t('residents.appointmentKind')}</label>
          <select
            id="appointment-kind"
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as Kind)}
          >
            {KINDS.map((each) => (
              <option key={each} value={each}>
                {t(`plan.kind.${each}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('residents.appointmentWhen')}
          name="startsAt"
          type="datetime-local"
          required
          value={when}
          onInput={(event) => setWhen(event.currentTarget.value)}
        />
        <Field
          label={t('residents.appointmentPlace')}
          name="place"
          required
          maxLength={200}
          value={place}
          onInput={(event) => setPlace(event.currentTarget.value)}
        />
        <Field
          label={t('residents.appointmentNotes')}
          name="notes"
          maxLength={500}
          value={notes}
          onInput={(event) => setNotes(event.currentTarget.value)}
        />
        <ErrorText error={act.state.error} />
        {added && (
          <p class="notice success" role="status">
            {t('residents.appointmentAdded')}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={act.state.pending}>
            {act.state.pending ? t('common.working') : t('residents.appointmentAdd')}
          </button>
        </div>
      </form>
    </details>
  );
}
