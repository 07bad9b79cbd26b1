import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { countdown, dayAndTime } from '../../core/format.js';
import { useNow } from '../../core/now.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { referralWord } from '../referral-words.js';
import { Countdown, StateLine } from './follow-words.js';
import {
  CLOSED_PAGE,
  type FollowedReferral,
  OPEN_PAGE,
  OverdueOfShelter,
  ShelterReferrals,
} from './referral-documents.js';
import { byUrgencyOfFollowUp, isOverdue, isOurs, Versions } from './referral-state.js';

/**
 * The referrals a shelter follows (issue 20, item 10): for its health workers and coordinators
 * each one's state, urgency and countdown, the overdue ones on top, live from `/staff`; for its
 * volunteers only the appointments someone must escort a person to, when and where.
 */
export function ReferralsScreen({ shelterId }: { shelterId: string }) {
  const { session } = useConsole();
  const role = session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role;
  return role === 'VOLUNTEER' ? (
    <EscortList shelterId={shelterId} />
  ) : (
    <FollowList shelterId={shelterId} coordinator={role === 'COORDINATOR'} />
  );
}

function FollowList({ shelterId, coordinator }: { shelterId: string; coordinator: boolean }) {
  const t = useT();
  const now = useNow();
  const { router } = useConsole();
  const clock = useClock();
  const [result, refetch] = useQuery({
    query: ShelterReferrals,
    variables: { shelterId },
  });
  const [overdue, refetchOverdue] = useQuery({ query: OverdueOfShelter, variables: { shelterId } });
  const versions = useRef(new Versions());
  const listed = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (result.data) {
      const rows = [...result.data.open, ...result.data.closed];
      versions.current.saw(rows);
      listed.current = new Set(rows.map((row) => row.id));
    }
  }, [result.data]);
  // The notice says only that a referral changed: the list is read again through GraphQL, where
  // each role reads what it may. A notice that comes twice, or older than the list, is ignored.
  // A referral that moved to another shelter is told here with its new shelter's id: one of the
  // listed rows is read again too (it leaves the list).
  useStaffEvent('referral', (notice) => {
    if (isOurs(notice, shelterId, listed.current) && versions.current.isNews(notice)) {
      refetch({ requestPolicy: 'network-only' });
      refetchOverdue({ requestPolicy: 'network-only' });
    }
  });
  const data = result.data;
  return (
    <section aria-labelledby="follow-title" class="follow">
      <h1 id="follow-title">{t('follow.title')}</h1>
      {coordinator && (
        <p class="notice info clinical-hidden" role="note">
          {t('follow.clinicalForHealth')}
        </p>
      )}
      <h2 id="follow-overdue">{t('follow.overdueTitle')}</h2>
      {overdue.error ? (
        <ErrorText error={actError(overdue.error)} />
      ) : !overdue.data ? (
        <p>{t('app.loading')}</p>
      ) : overdue.data.overdueReferrals.length === 0 ? (
        <p class="hint">{t('follow.noOverdue')}</p>
      ) : (
        <ul class="referral-list overdue-list" aria-labelledby="follow-overdue">
          {overdue.data.overdueReferrals.map((each) => (
            <li key={each.id} class="referral overdue" data-referral-id={each.id}>
              <p class="referral-state">
                <strong class="state">{t(referralWord('state', each.state))}</strong>
                <span class="tag overdue-word">
                  {' · '}
                  {t('follow.overdue')}
                </span>
              </p>
              <p class="countdown">
                {t('follow.answerOverdue', {
                  when: countdown(clock.locale, each.answerDueAt, now),
                  time: dayAndTime(clock, each.answerDueAt),
                })}
              </p>
              <p>
                <a href={router.href(`/shelters/${shelterId}/referrals/${each.id}`)}>
                  {t('follow.open', { reference: each.reference })}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 id="follow-all">{t('follow.allTitle')}</h2>
      {!data ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : data.open.length + data.closed.length === 0 ? (
        <p class="hint">{t('follow.none')}</p>
      ) : (
        <>
          <Cut open={data.open.length} closed={data.closed.length} />
          <ul class="referral-list" aria-labelledby="follow-all">
            {byUrgencyOfFollowUp([...data.open, ...data.closed], now).map((referral) => (
              <FollowedItem key={referral.id} shelterId={shelterId} referral={referral} now={now} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Says, in words, which part of the list came back full (and so is cut), if any. */
function Cut({ open, closed }: { open: number; closed: number }) {
  const t = useT();
  if (open < OPEN_PAGE && closed < CLOSED_PAGE) {
    return null;
  }
  return (
    <div class="notice info list-cut" role="note">
      {open >= OPEN_PAGE && <p class="cut-open">{t('followFix.cut.open', { n: OPEN_PAGE })}</p>}
      {closed >= CLOSED_PAGE && (
        <p class="cut-closed">{t('followFix.cut.closed', { n: CLOSED_PAGE })}</p>
      )}
    </div>
  );
}

function FollowedItem({
  shelterId,
  referral,
  now,
}: {
  shelterId: string;
  referral: FollowedReferral;
  now: number;
}) {
  const t = useT();
  const { router } = useConsole();
  const overdue = isOverdue(referral, now);
  return (
    <li
      class={`referral${overdue ? ' overdue' : ''}`}
      data-referral-id={referral.id}
      data-state={referral.state ?? undefined}
    >
      <StateLine referral={referral} now={now} />
      {referral.access === 'HEALTH' ? (
        <p class="who">
          <strong>
            {referral.alias ?? t('follow.reference', { reference: referral.reference })}
          </strong>
          {referral.serviceName && ` → ${referral.serviceName}`}
          {referral.category && ` · ${t(referralWord('category', referral.category))}`}
        </p>
      ) : (
        <>
          <p class="who">
            <strong>{t('follow.reference', { reference: referral.reference })}</strong>
          </p>
          {/* A coordinator reads state and dates: said, rather than blank cells. */}
          <p class="hint not-shared">{t('follow.clinicalHidden')}</p>
        </>
      )}
      <Countdown referral={referral} now={now} />
      <p>
        <a href={router.href(`/shelters/${shelterId}/referrals/${referral.id}`)}>
          {t('follow.open', { reference: referral.reference })}
        </a>
      </p>
    </li>
  );
}

/**
 * A volunteer's view: the API gives a volunteer only the referrals that need an escort, and of
 * them only when and where; the screen says that is all there is to know.
 */
function EscortList({ shelterId }: { shelterId: string }) {
  const t = useT();
  const clock = useClock();
  const [result, refetch] = useQuery({
    query: ShelterReferrals,
    variables: { shelterId },
  });
  const versions = useRef(new Versions());
  const listed = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (result.data) {
      const rows = [...result.data.open, ...result.data.closed];
      versions.current.saw(rows);
      listed.current = new Set(rows.map((row) => row.id));
    }
  }, [result.data]);
  useStaffEvent('appointmentsDue', (update) => {
    if (update.shelterId === shelterId) {
      refetch({ requestPolicy: 'network-only' });
    }
  });
  // An escort set, moved, cancelled or ended: the shelter's volunteers hear its id only, and
  // read when and where again through GraphQL.
  useStaffEvent('escort', (notice) => {
    if (isOurs(notice, shelterId, listed.current) && versions.current.isNews(notice)) {
      refetch({ requestPolicy: 'network-only' });
    }
  });
  const data = result.data;
  const escorts = [...(data?.open ?? []), ...(data?.closed ?? [])].filter(
    (each) => each.access === 'ESCORT',
  );
  return (
    <section aria-labelledby="escort-title" class="follow escorts">
      <h1 id="escort-title">{t('follow.escort.title')}</h1>
      <p class="hint">{t('follow.escort.only')}</p>
      {!data ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : escorts.length === 0 ? (
        <p class="hint">{t('follow.escort.none')}</p>
      ) : (
        <ul class="referral-list" aria-labelledby="escort-title">
          {escorts.map((escort) => (
            <li key={escort.id} class="referral escort" data-referral-id={escort.id}>
              <p>
                <span class="hint">{t('follow.escort.when')} </span>
                <strong>
                  {escort.scheduledFor
                    ? dayAndTime(clock, escort.scheduledFor)
                    : t('follow.escort.noTime')}
                </strong>
              </p>
              <p>
                <span class="hint">{t('follow.escort.where')} </span>
                <strong>{escort.place ?? t('follow.escort.noPlace')}</strong>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
