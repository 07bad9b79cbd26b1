import { useQuery } from '@urql/preact';
import type { ComponentChild } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { countdown, dayAndTime, languageName } from '../../core/format.js';
import { useNow } from '../../core/now.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked } from '../../ui/handlers.js';
import {
  behind,
  INBOX_PAGE,
  INBOX_STATES,
  inboxGroups,
  isOverdue,
  listCut,
  missingOverdue,
  newest,
} from './inbox-rows.js';
import type { SexAtBirth } from '../referral-words.js';
import { type Conflict, ReferralActs } from './referral-acts.js';
import {
  type InboxReferral,
  InboxOne,
  InboxReason,
  InboxSexAtBirth,
  OneHealthService,
  ServiceInbox,
} from './service-documents.js';

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
    variables: { serviceId, states: [...INBOX_STATES], first: INBOX_PAGE },
  });
  // Each read again also reads again the overdue referrals beyond the list (BeyondRow).
  const [generation, setGeneration] = useState(0);
  const refresh = () => {
    setGeneration((before) => before + 1);
    refetch({ requestPolicy: 'network-only' });
  };
  // The highest version `/staff` announced of each referral, and the views acts answered with.
  const heard = useRef(new Map<string, number>());
  const [answered, setAnswered] = useState(new Map<string, InboxReferral>());
  // Referrals whose act was refused, or changed under an open act, because of someone else:
  // said in words on their row.
  const [conflicts, setConflicts] = useState(new Map<string, Conflict>());
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
  const onConflict = (id: string, conflict: Conflict) => {
    setConflicts((before) => new Map(before).set(id, conflict));
    if (conflict !== 'changed') {
      refresh();
    }
  };
  // The acts open on a version (ReferralActs): one whose referral changed meanwhile, even if its
  // row moved group (and so was drawn anew, its panel closed), is said to be someone else's change.
  const openActs = useRef(new Map<string, number>());
  useEffect(() => {
    if (!rows) {
      return;
    }
    const read = new Map(newest(rows, answered).map((row) => [row.id, row.version]));
    for (const [id, version] of openActs.current) {
      const current = read.get(id);
      if (current !== version) {
        openActs.current.delete(id);
      }
      if (current !== undefined && current !== version) {
        onConflict(id, 'changed');
      }
    }
  }, [rows, answered]);
  if (!result.data) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  const overdueIds = new Set(result.data.overdueReferralsOfService.map((each) => each.id));
  const groups = inboxGroups(newest(result.data.serviceReferrals, answered), now, timeZone);
  // Past the page the oldest drop out: said, and the overdue among them shown all the same.
  const cut = listCut(result.data.serviceReferrals);
  const beyond = missingOverdue(
    result.data.serviceReferrals,
    result.data.overdueReferralsOfService,
  );
  const name = service.data?.healthService.name;
  const onAnswered = (view: InboxReferral) => {
    setAnswered((before) => new Map(before).set(view.id, view));
    setConflicts((before) => {
      const rest = new Map(before);
      rest.delete(view.id);
      return rest;
    });
    refresh();
  };
  const item = (referral: InboxReferral) => (
    <InboxItem
      key={referral.id}
      referral={referral}
      now={now}
      overdue={isOverdue(referral, now, overdueIds)}
      conflict={conflicts.get(referral.id)}
      onAnswered={onAnswered}
      onConflict={(conflict) => onConflict(referral.id, conflict)}
      onOpened={(version) =>
        version === null
          ? openActs.current.delete(referral.id)
          : openActs.current.set(referral.id, version)
      }
    />
  );
  const list = (id: string, referrals: InboxReferral[], none: string) =>
    referrals.length === 0 ? (
      <p class="hint">{none}</p>
    ) : (
      <ul class="inbox-list" aria-labelledby={id}>
        {referrals.map(item)}
      </ul>
    );
  return (
    <section aria-labelledby="inbox-title" class="inbox">
      <h1 id="inbox-title">{name ? t('inbox.title', { service: name }) : t('inbox.nav')}</h1>
      {cut && (
        <p class="notice warning inbox-cut" role="status">
          {t('inboxReason.listCut', { n: INBOX_PAGE })}
        </p>
      )}
      <h2 id="inbox-fresh">
        {t('inbox.fresh')} ({groups.fresh.length})
      </h2>
      {list('inbox-fresh', groups.fresh, t('inbox.noFresh'))}
      {beyond.length > 0 && (
        <>
          <h2 id="inbox-beyond">
            {t('inboxReason.beyond')} ({beyond.length})
          </h2>
          <ul class="inbox-list" aria-labelledby="inbox-beyond">
            {beyond.map((id) => (
              <BeyondRow key={id} id={id} generation={generation} latest={answered}>
                {item}
              </BeyondRow>
            ))}
          </ul>
        </>
      )}
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

/** The words on a row for someone else's change: refused as stale, not allowed now, erased, or changed under an open act. */
const CONFLICT_WORDS = {
  stale: 'inbox.conflict',
  notAllowed: 'inboxReason.notAllowed',
  erased: 'inboxReason.erased',
  changed: 'inboxReason.changed',
} as const satisfies Record<Conflict, string>;

/** One referral of the inbox: what the service may read, someone else's change said, the acts. */
function InboxItem({
  referral,
  now,
  overdue,
  conflict,
  onAnswered,
  onConflict,
  onOpened,
}: {
  referral: InboxReferral;
  now: number;
  overdue: boolean;
  conflict: Conflict | undefined;
  onAnswered(view: InboxReferral): void;
  onConflict(conflict: Conflict): void;
  onOpened(version: number | null): void;
}) {
  const t = useT();
  return (
    <li
      class={`inbox-referral${overdue ? ' overdue' : ''}`}
      data-referral-id={referral.id}
      data-state={referral.state ?? undefined}
    >
      <Summary referral={referral} now={now} overdue={overdue} />
      {conflict && (
        <p class={`notice warning conflict conflict-${conflict}`} role="alert">
          {t(CONFLICT_WORDS[conflict], {
            state: referral.state ? t(`referral.state.${referral.state}`) : '',
          })}
        </p>
      )}
      <ReferralActs
        referral={referral}
        onAnswered={onAnswered}
        onConflict={onConflict}
        onOpened={onOpened}
      />
    </li>
  );
}

/**
 * An overdue referral older than the list's page (the overdue job named it; the list cut it):
 * read on its own, and again with the list.
 */
function BeyondRow({
  id,
  generation,
  latest,
  children,
}: {
  id: string;
  generation: number;
  latest: ReadonlyMap<string, InboxReferral>;
  children(referral: InboxReferral): ComponentChild;
}) {
  const t = useT();
  const [one, again] = useQuery({ query: InboxOne, variables: { id } });
  const first = useRef(generation);
  useEffect(() => {
    if (generation !== first.current) {
      again({ requestPolicy: 'network-only' });
    }
  }, [generation]);
  const referral = one.data?.referral;
  if (!referral) {
    return (
      <li class="inbox-referral" data-referral-id={id}>
        {one.error ? <ErrorText error={actError(one.error)} /> : <p>{t('app.loading')}</p>}
      </li>
    );
  }
  return children(newest([referral], latest)[0]);
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
        {referral.fieldVisit && <> · {t('inbox.fieldVisit')}</>}
      </p>
      {spoken.length > 0 && <p>{t('inbox.speaks', { languages: spoken.join(', ') })}</p>}
      {needs.length > 0 && <p class="inbox-needs">{needs.join(' · ')}</p>}
      <Reason referral={referral} />
      {referral.scheduledFor && referral.state !== 'SENT' && (
        <p class="inbox-when">
          {t('inbox.scheduledFor', { when: dayAndTime(clock, referral.scheduledFor) })}
          {referral.place && <> · {t('inbox.place', { place: referral.place })}</>}
        </p>
      )}
    </div>
  );
}

/**
 * The reason, only where the consent shares it with the service, and sex at birth (recorded only
 * for a person not registered at a shelter, where clinically needed), both only on a tap: each
 * read is audited by the API, so the list (read again on every live notice) never asks for them;
 * the tap reads that one referral's reason and sex at birth, or its sex at birth alone where the
 * reason is not shared.
 */
function Reason({ referral }: { referral: InboxReferral }) {
  const t = useT();
  const { client } = useConsole();
  const [shown, setShown] = useState<{ reason: string | null; sexAtBirth: SexAtBirth | null }>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActError>();
  const shared = !!referral.reasonShared;
  const sex = (sexAtBirth: SexAtBirth | null) => (
    <p class="sex-text">
      {sexAtBirth
        ? t('referral.sexAtBirth', { sex: t(`referral.sex.${sexAtBirth}`) })
        : t('inboxSex.none')}
    </p>
  );
  if (shown) {
    return (
      <div class="inbox-reason">
        {!shared && <p class="hint">{t('inbox.reasonNotShared')}</p>}
        {shared && (
          <p class="reason-text">
            {shown.reason ? t('inbox.reason', { reason: shown.reason }) : t('inboxReason.none')}
          </p>
        )}
        {shared ? shown.sexAtBirth && sex(shown.sexAtBirth) : sex(shown.sexAtBirth)}
        <button
          type="button"
          class={shared ? 'hide-reason' : 'hide-sex'}
          onClick={() => setShown(undefined)}
        >
          {shared ? t('inboxReason.hide') : t('inboxSex.hide')}
        </button>
      </div>
    );
  }
  const read = async () => {
    setPending(true);
    setError(undefined);
    const result = shared
      ? await client
          .query(InboxReason, { id: referral.id }, { requestPolicy: 'network-only' })
          .toPromise()
      : await client
          .query(InboxSexAtBirth, { id: referral.id }, { requestPolicy: 'network-only' })
          .toPromise();
    setPending(false);
    if (result.error || !result.data) {
      setError(actError(result.error));
      return;
    }
    const one: { reason?: string | null; sexAtBirth: SexAtBirth | null } = result.data.referral;
    setShown({ reason: one.reason ?? null, sexAtBirth: one.sexAtBirth ?? null });
  };
  return (
    <div class="inbox-reason">
      {!shared && <p class="hint">{t('inbox.reasonNotShared')}</p>}
      <ErrorText error={error} />
      <button
        type="button"
        class={shared ? 'show-reason' : 'show-sex'}
        disabled={pending}
        onClick={clicked(read)}
      >
        {pending ? t('common.working') : shared ? t('inboxReason.show') : t('inboxSex.show')}
      </button>
      <p class="hint">{shared ? t('inboxSex.auditedWithReason') : t('inboxSex.audited')}</p>
    </div>
  );
}
