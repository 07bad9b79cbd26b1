import type { ConsoleKey } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useClock, useConsole, useT } from '../../core/context.js';
import { dayAndTime, instantOfWallClock, localDay } from '../../core/format.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { clicked, submitted } from '../../ui/handlers.js';
import {
  EndFieldVisit,
  type FieldVisit,
  FieldVisits,
  GrantFieldVisit,
} from './referral-documents.js';
import { defaultVisitEnd, FIELD_VISIT_MAX_DAYS } from './referral-state.js';

/** grantFieldVisit's refusals, each said in words with what to do. */
const VISIT_REFUSALS: Record<string, ConsoleKey> = {
  USER_NOT_FOUND: 'follow.visits.refused.unknown',
  FIELD_VISIT_CONFLICT: 'follow.visits.refused.standing',
  FIELD_VISIT_NETWORK_ROLE: 'follow.visits.refused.network',
  FIELD_VISIT_UNTIL: 'follow.visits.refused.until',
  FIELD_VISIT_NOT_FOUND: 'follow.visits.refused.notVisit',
};

function VisitRefusal({ error }: { error: ActError | undefined }) {
  const t = useT();
  if (!error) {
    return null;
  }
  const key = error.reason ? VISIT_REFUSALS[error.reason] : undefined;
  return key ? (
    <p class="notice error refusal" role="alert" data-reason={error.reason}>
      {t(key, { days: FIELD_VISIT_MAX_DAYS })}
    </p>
  ) : (
    <ErrorText error={error} />
  );
}

/**
 * Field visits (issue 20, item 2): a shelter's coordinator lets a mobile health team member work
 * here as a health worker until a time (at most FIELD_VISIT_MAX ahead), after which it ends by
 * itself; or ends it now. The visits of late, current and ended, with their end.
 */
export function FieldVisitsScreen({ shelterId }: { shelterId: string }) {
  const t = useT();
  const [result, refetch] = useQuery({ query: FieldVisits, variables: { shelterId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const visits = result.data?.fieldVisits;
  return (
    <section aria-labelledby="visits-title" class="follow visits">
      <h1 id="visits-title">{t('follow.visits.title')}</h1>
      <p class="hint">{t('follow.visits.explain', { days: FIELD_VISIT_MAX_DAYS })}</p>
      <Grant shelterId={shelterId} onDone={refresh} />
      <h2 id="visits-list">{t('follow.visits.list')}</h2>
      {!visits ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : visits.length === 0 ? (
        <p class="hint">{t('follow.visits.none')}</p>
      ) : (
        <ul class="visit-list" aria-labelledby="visits-list">
          {visits.map((visit) => (
            <Visit key={visit.userId} visit={visit} onDone={refresh} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Visit({ visit, onDone }: { visit: FieldVisit; onDone(): void }) {
  const t = useT();
  const clock = useClock();
  const end = useAct(EndFieldVisit);
  const run = async () => {
    const done = await end.run(() => ({ userId: visit.userId, shelterId: visit.shelterId }));
    if (!done.error) {
      onDone();
    }
  };
  return (
    <li class={`visit ${visit.current ? 'current' : 'ended'}`} data-user-id={visit.userId}>
      <p>
        <strong>{visit.displayName}</strong> <span class="hint">{visit.email}</span>
      </p>
      <p class="visit-state">
        <strong>{t(visit.current ? 'follow.visits.current' : 'follow.visits.ended')}</strong>
        {' · '}
        {t(visit.current ? 'follow.visits.endsAt' : 'follow.visits.endedAt', {
          time: dayAndTime(clock, visit.until),
        })}
      </p>
      {visit.current && (
        <>
          <button
            type="button"
            class="end-visit"
            disabled={end.state.pending}
            onClick={clicked(run)}
          >
            {end.state.pending ? t('common.working') : t('follow.visits.end')}
          </button>
          <VisitRefusal error={end.state.error} />
        </>
      )}
    </li>
  );
}

function Grant({ shelterId, onDone }: { shelterId: string; onDone(): void }) {
  const t = useT();
  const { timeZone } = useConsole();
  const grant = useAct(GrantFieldVisit);
  const today = localDay(timeZone, new Date());
  const [email, setEmail] = useState('');
  const [until, setUntil] = useState(defaultVisitEnd(today));
  const [granted, setGranted] = useState<string | null>(null);
  const run = async () => {
    setGranted(null);
    const done = await grant.run((requestId) => ({
      input: {
        requestId,
        shelterId,
        email: email.trim(),
        until: instantOfWallClock(timeZone, until),
      },
    }));
    if (!done.error && done.data) {
      setGranted(email.trim());
      setEmail('');
      onDone();
    }
  };
  return (
    <form class="grant-visit" onSubmit={submitted(run)}>
      <h2>{t('follow.visits.grant')}</h2>
      <Field
        label={t('follow.visits.email')}
        name="email"
        type="email"
        required
        value={email}
        onInput={(event) => setEmail(event.currentTarget.value)}
      />
      <Field
        label={t('follow.visits.until')}
        hint={t('follow.visits.untilHint', { days: FIELD_VISIT_MAX_DAYS })}
        name="until"
        type="datetime-local"
        required
        value={until}
        onInput={(event) => setUntil(event.currentTarget.value)}
      />
      <VisitRefusal error={grant.state.error} />
      {granted && (
        <p class="notice info" role="status">
          {t('follow.visits.granted', { email: granted })}
        </p>
      )}
      <button type="submit" class="primary" disabled={grant.state.pending}>
        {grant.state.pending ? t('common.working') : t('follow.visits.submit')}
      </button>
    </form>
  );
}
