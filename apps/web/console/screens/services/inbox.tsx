import { useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { countdown, dayAndTime, languageName } from '../../core/format.js';
import { useNow } from '../../core/now.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { behind, INBOX_STATES, inboxGroups, isOverdue, newest } from './inbox-rows.js';
import { ReferralActs } from './referral-acts.js';
import { type InboxReferral, OneHealthService, ServiceInbox } from './service-documents.js';

/**
 * A health service's inbox (issue 20, item 10), for its staff: the referrals sent to it and not
 * yet answered (with the time left, overdue said in words), today's appointments, and the others
 * still open; each answered in two taps. Live: every `/staff` `referral` event of this service
 * reads the list again (the event carries ids and state only), keeping the highest version of
 * each referral.
 */
export function ServiceInboxScreen({ serviceId }: { serviceId: string }) {
  const t = useT();
  const now = useNow();
  const { timeZone } = useConsole();
  const [service] = useQuery({ query: OneHealthService, variables: { id: serviceId } });
  const [result, refetch] = useQuery({
    query: ServiceInbox,
    variables: { serviceId, states: [...INBOX_STATES] },
  });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  // The highest version `/staff` announced of each referral, and the views acts answered with.
  const heard = useRef(new Map<string, number>());
  const [answered, setAnswered] = useState(new Map<string, InboxReferral>());
  // Referrals whose act was refused because someone else answered first: said on their row.
  const [conflicts, setConflicts] = useState(new Set<string>());
  useStaffEvent('referral', (notice) => {
    if (notice.serviceId !== serviceId) {
      return;
    }
    heard.current.set(notice.id, Math.max(notice.version, heard.current.get(notice.id) ?? 0));
    refresh();
  });
  // The versions the list was already read again for: once per announced change, not in a loop.
  const askedAgain = useRef(new Map<string, number>());
  const rows = result.data?.serviceReferrals;
  useEffect(() => {
    // The read crossed a change it did not see yet: read again.
    if (rows && !result.fetching && behind(rows, heard.current, askedAgain.current)) {
      askedAgain.current = new Map(heard.current);
      refresh();
    }
  }, [rows]);
  if (!result.data) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  const overdueIds = new Set(result.data.overdueReferralsOfService.map((each) => each.id));
  const groups = inboxGroups(newest(result.data.serviceReferrals, answered), now, timeZone);
  const name = service.data?.healthService.name;
  const onAnswered = (view: InboxReferral) => {
    setAnswered((before) => new Map(before).set(view.id, view));
    setConflicts((before) => {
      const rest = new Set(before);
      rest.delete(view.id);
      return rest;
    });
    refresh();
  };
  const onConflict = (id: string) => {
    setConflicts((before) => new Set(before).add(id));
    refresh();
  };
  const list = (id: string, referrals: InboxReferral[], none: string) =>
    referrals.length === 0 ? (
      <p class="hint">{none}</p>
    ) : (
      <ul class="inbox-list" aria-labelledby={id}>
        {referrals.map((referral) => {
          const overdue = isOverdue(referral, now, overdueIds);
          return (
            <li
              key={referral.id}
              class={`inbox-referral${overdue ? ' overdue' : ''}`}
              data-referral-id={referral.id}
              data-state={referral.state ?? undefined}
            >
              <Summary referral={referral} now={now} overdue={overdue} />
              {conflicts.has(referral.id) && (
                <p class="notice warning conflict" role="alert">
                  {t('inbox.conflict')}
                </p>
              )}
              <ReferralActs
                referral={referral}
                onAnswered={onAnswered}
                onConflict={() => onConflict(referral.id)}
              />
            </li>
          );
        })}
      </ul>
    );
  return (
    <section aria-labelledby="inbox-title" class="inbox">
      <h1 id="inbox-title">{name ? t('inbox.title', { service: name }) : t('inbox.nav')}</h1>
      <h2 id="inbox-fresh">
        {t('inbox.fresh')} ({groups.fresh.length})
      </h2>
      {list('inbox-fresh', groups.fresh, t('inbox.noFresh'))}
      <h2 id="inbox-today">
        {t('inbox.today')} ({groups.today.length})
      </h2>
      {list('inbox-today', groups.today, t('inbox.noToday'))}
      <h2 id="inbox-open">
        {t('inbox.open')} ({groups.open.length})
      </h2>
      {list('inbox-open', groups.open, t('inbox.noOpen'))}
    </section>
  );
}

/** What the service may read of one referral, every state and need in words. */
function Summary({
  referral,
  now,
  overdue,
}: {
  referral: InboxReferral;
  now: number;
  overdue: boolean;
}) {
  const t = useT();
  const clock = useClock();
  const language = (code: string) => languageName(clock.locale, code);
  const spoken = (referral.languages ?? []).map(language);
  const needs = [
    referral.interpreterLanguage &&
      t('inbox.interpreter', { language: language(referral.interpreterLanguage) }),
    referral.needsEscort && t('inbox.escort'),
    referral.needsTransport && t('inbox.transport'),
  ].filter((each): each is string => !!each);
  return (
    <div class="inbox-summary">
      <p class="inbox-head">
        {referral.urgency && (
          <strong class={`urgency urgency-${referral.urgency}`}>
            {t(`referral.urgency.${referral.urgency}`)}
          </strong>
        )}
        {referral.category && <> · {t(`referral.category.${referral.category}`)}</>}
        {referral.state && referral.state !== 'SENT' && (
          <>
            {' · '}
            <span class="inbox-state">{t(`referral.state.${referral.state}`)}</span>
            {referral.notCompletedReason && (
              <> · {t(`referral.notCompleted.${referral.notCompletedReason}`)}</>
            )}
          </>
        )}
      </p>
      {referral.state === 'SENT' && (
        <p class={overdue ? 'due overdue-word' : 'due'}>
          {!referral.answerDueAt
            ? t('inbox.noDue')
            : overdue
              ? t('inbox.overdue', { when: countdown(clock.locale, referral.answerDueAt, now) })
              : t('inbox.dueIn', { when: countdown(clock.locale, referral.answerDueAt, now) })}
        </p>
      )}
      <p class="inbox-person">
        <strong>{referral.alias ?? t('inbox.reference', { reference: referral.reference })}</strong>
        {referral.alias && <> · {t('inbox.reference', { reference: referral.reference })}</>}
        {referral.ageBracket && <> · {t(`referral.age.${referral.ageBracket}`)}</>}
        {referral.sexAtBirth && (
          <> · {t('referral.sexAtBirth', { sex: t(`referral.sex.${referral.sexAtBirth}`) })}</>
        )}
        {referral.fieldVisit && <> · {t('inbox.fieldVisit')}</>}
      </p>
      {spoken.length > 0 && <p>{t('inbox.speaks', { languages: spoken.join(', ') })}</p>}
      {needs.length > 0 && <p class="inbox-needs">{needs.join(' · ')}</p>}
      {referral.reason ? (
        <p class="inbox-reason">{t('inbox.reason', { reason: referral.reason })}</p>
      ) : (
        <p class="inbox-reason hint">{t('inbox.reasonNotShared')}</p>
      )}
      {referral.scheduledFor && referral.state !== 'SENT' && (
        <p class="inbox-when">
          {t('inbox.scheduledFor', { when: dayAndTime(clock, referral.scheduledFor) })}
          {referral.place && <> · {t('inbox.place', { place: referral.place })}</>}
        </p>
      )}
    </div>
  );
}
