import type { ComponentChildren } from 'preact';
import { useQuery } from '@urql/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useClock, useConsole, useStaffEvent, useT } from '../../core/context.js';
import { dayAndTime, languageName } from '../../core/format.js';
import { useNow } from '../../core/now.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { referralWord } from '../referral-words.js';
import { Countdown, enumKey, StateLine } from './follow-words.js';
import { ReferrerActs } from './referrer-acts.js';
import {
  type FullReferral,
  ReferralFull,
  type ReferralStep,
  ReferralSteps,
} from './referral-documents.js';
import { detailWords, isDetailWord, isOverdue, Versions } from './referral-state.js';

/**
 * One referral as the reader's access shows it (issue 20, item 10): a health worker of the
 * following shelter reads everything (the reason, the person's alias, the service, consent and
 * what it shares, needs, outcome; the service's own note only when the consent shares it back)
 * and acts as the referrer; a coordinator reads state and dates; a volunteer escorting the
 * person, when and where. Its dated history below, live from `/staff`.
 */
export function ReferralPage({ shelterId, referralId }: { shelterId: string; referralId: string }) {
  const t = useT();
  const now = useNow();
  const { router, session } = useConsole();
  const role = session.me.value?.memberships.find((each) => each.shelterId === shelterId)?.role;
  const [result, refetch] = useQuery({ query: ReferralFull, variables: { id: referralId } });
  // A volunteer's reading has no history (the API refuses it): not asked.
  const [steps, refetchSteps] = useQuery({
    query: ReferralSteps,
    variables: { id: referralId },
    pause: role === 'VOLUNTEER',
  });
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    if (role !== 'VOLUNTEER') {
      refetchSteps({ requestPolicy: 'network-only' });
    }
  };
  const versions = useRef(new Versions());
  useEffect(() => {
    if (result.data) {
      versions.current.saw([result.data.referral]);
    }
  }, [result.data]);
  useStaffEvent('referral', (notice) => {
    if (notice.id === referralId && versions.current.isNews(notice)) {
      refresh();
    }
  });
  // A volunteer escorting the person hears `escort` (ids only), never `referral`.
  useStaffEvent('escort', (notice) => {
    if (notice.id === referralId && versions.current.isNews(notice)) {
      refresh();
    }
  });
  const referral = result.data?.referral;
  return (
    <section aria-labelledby="referral-title" class="follow referral-page">
      <p class="no-print">
        <a href={router.href(`/shelters/${shelterId}/referrals`)}>{t('follow.back')}</a>
      </p>
      {!referral ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <h1 id="referral-title">{t('follow.pageTitle', { reference: referral.reference })}</h1>
          {referral.access === 'ESCORT' ? (
            <Escort referral={referral} />
          ) : (
            <>
              <div class={`referral-head${isOverdue(referral, now) ? ' overdue' : ''}`}>
                <StateLine referral={referral} now={now} />
                <Countdown referral={referral} now={now} />
              </div>
              {referral.urgency === 'EMERGENCY' && referral.access === 'HEALTH' && (
                <p class="notice warning emergency" role="note">
                  {t('follow.emergency')}
                </p>
              )}
              <p class="hint bed-not-affected">{t('follow.bedNotAffected')}</p>
              <Dates referral={referral} />
              {referral.access === 'HEALTH' ? (
                <Clinical referral={referral} />
              ) : (
                <p class="notice info clinical-hidden" role="note">
                  {t('follow.clinicalForHealth')}
                </p>
              )}
              {referral.access === 'HEALTH' && (
                <ReferrerActs referral={referral} onDone={refresh} />
              )}
              <History steps={steps.data?.referralHistory} error={steps.error} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function Escort({ referral }: { referral: FullReferral }) {
  const t = useT();
  const clock = useClock();
  return (
    <>
      <p class="hint">{t('follow.escort.only')}</p>
      <dl class="facts">
        <Fact label={t('follow.escort.when')}>
          {referral.scheduledFor
            ? dayAndTime(clock, referral.scheduledFor)
            : t('follow.escort.noTime')}
        </Fact>
        <Fact label={t('follow.escort.where')}>{referral.place ?? t('follow.escort.noPlace')}</Fact>
      </dl>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The loop's dates, which every reading but a volunteer's has. */
function Dates({ referral }: { referral: FullReferral }) {
  const t = useT();
  const clock = useClock();
  const dates: [string, string | null | undefined][] = [
    [t('follow.date.created'), referral.createdAt],
    [t('follow.date.sent'), referral.sentAt],
    [t('follow.date.answerDue'), referral.answerDueAt],
    [t('follow.date.answered'), referral.answeredAt],
    [t('follow.date.appointment'), referral.scheduledFor],
    [t('follow.date.completed'), referral.completedAt],
    [t('follow.date.closed'), referral.closedAt],
  ];
  return (
    <dl class="facts dates">
      {dates
        .filter(([, at]) => !!at)
        .map(([label, at]) => (
          <Fact key={label} label={label}>
            <time dateTime={at!}>{dayAndTime(clock, at!)}</time>
          </Fact>
        ))}
    </dl>
  );
}

/** What the shelter's health workers read: the person, the service, the reason, consent, needs, outcome. */
function Clinical({ referral }: { referral: FullReferral }) {
  const t = useT();
  const clock = useClock();
  const notShared = <span class="not-shared">{t('follow.notShared')}</span>;
  const languages = (referral.languages ?? []).map((code) => languageName(clock.locale, code));
  const shares = referral.shares ?? [];
  const ended = referral.outcome ?? referral.notCompletedReason ?? referral.rejectReason;
  return (
    <>
      <h2 id="referral-person">{t('follow.person')}</h2>
      <dl class="facts">
        <Fact label={t('follow.alias')}>{referral.alias ?? notShared}</Fact>
        {referral.ageBracket && (
          <Fact label={t('follow.ageBracket')}>{t(referralWord('age', referral.ageBracket))}</Fact>
        )}
        {referral.sexAtBirth && (
          <Fact label={t('follow.sexAtBirth')}>{t(referralWord('sex', referral.sexAtBirth))}</Fact>
        )}
        {languages.length > 0 && <Fact label={t('follow.languages')}>{languages.join(', ')}</Fact>}
        {referral.population && (
          <Fact label={t('follow.group')}>{t(`group.${referral.population}`)}</Fact>
        )}
        {referral.fieldVisit && <Fact label={t('follow.fieldVisit')}>{t('follow.yes')}</Fact>}
      </dl>
      <h2 id="referral-service">{t('follow.service')}</h2>
      <dl class="facts">
        <Fact label={t('follow.serviceName')}>{referral.serviceName ?? notShared}</Fact>
        {referral.category && (
          <Fact label={t('follow.category')}>{t(referralWord('category', referral.category))}</Fact>
        )}
        <Fact label={t('follow.reason')}>
          <span class="reason">{referral.reason ?? notShared}</span>
        </Fact>
        {referral.capacityOverride && (
          <Fact label={t('follow.capacityOverride')}>
            {t(referralWord('override', referral.capacityOverride))}
          </Fact>
        )}
        {referral.place && <Fact label={t('follow.place')}>{referral.place}</Fact>}
      </dl>
      <h2 id="referral-needs">{t('follow.needs')}</h2>
      <ul class="needs" aria-labelledby="referral-needs">
        <li>
          {referral.interpreterLanguage
            ? t('follow.interpreter', {
                language: languageName(clock.locale, referral.interpreterLanguage),
              })
            : t('follow.noInterpreter')}
        </li>
        <li>{t(referral.needsEscort ? 'follow.escortNeeded' : 'follow.noEscort')}</li>
        <li>{t(referral.needsTransport ? 'follow.transportNeeded' : 'follow.noTransport')}</li>
      </ul>
      <h2 id="referral-consent">{t('follow.consent')}</h2>
      <dl class="facts">
        <Fact label={t('follow.basis')}>
          {referral.basis ? t(enumKey('basis', referral.basis)) : t('follow.noConsentYet')}
        </Fact>
        {referral.consentLanguage && (
          <Fact label={t('follow.consentLanguage')}>
            {languageName(clock.locale, referral.consentLanguage)}
          </Fact>
        )}
        <Fact label={t('follow.shares')}>
          {shares.length === 0 ? (
            t('follow.sharesNone')
          ) : (
            <ul>
              {shares.map((share) => (
                <li key={share}>{t(referralWord('share', share))}</li>
              ))}
            </ul>
          )}
        </Fact>
      </dl>
      <h2 id="referral-outcome">{t('follow.outcomeTitle')}</h2>
      <dl class="facts">
        <Fact label={t('follow.outcome')}>
          {referral.outcome
            ? t(referralWord('outcome', referral.outcome))
            : referral.notCompletedReason
              ? t(referralWord('notCompleted', referral.notCompletedReason))
              : referral.rejectReason
                ? t(referralWord('reject', referral.rejectReason))
                : t('follow.noOutcomeYet')}
        </Fact>
        {ended && (
          <Fact label={t('follow.serviceNote')}>
            {referral.note ??
              (shares.includes('OUTCOME_WITH_SHELTER') ? (
                t('follow.noNote')
              ) : (
                <span class="not-shared">{t('follow.noteNotShared')}</span>
              ))}
          </Fact>
        )}
      </dl>
    </>
  );
}

/** The dated history: who, when, from → to, and the step's details in words. */
function History({
  steps,
  error,
}: {
  steps?: ReferralStep[];
  error?: Parameters<typeof actError>[0];
}) {
  const t = useT();
  const clock = useClock();
  const { session } = useConsole();
  const me = session.me.value?.id;
  return (
    <section aria-labelledby="referral-history" class="history">
      <h2 id="referral-history">{t('follow.history')}</h2>
      {error ? (
        <ErrorText error={actError(error)} />
      ) : !steps ? (
        <p>{t('app.loading')}</p>
      ) : (
        <ol class="events referral-steps">
          {[...steps].reverse().map((step) => (
            <li key={step.id} data-to={step.toState}>
              <time dateTime={step.at}>{dayAndTime(clock, step.at)}</time>{' '}
              <strong>
                {step.fromState
                  ? t('follow.step', {
                      from: t(referralWord('state', step.fromState)),
                      to: t(referralWord('state', step.toState)),
                    })
                  : t(referralWord('state', step.toState))}
              </strong>
              <span class="hint by">
                {' · '}
                {step.byUserId === null
                  ? t('follow.byJob')
                  : step.byUserId === me
                    ? t('follow.byYou')
                    : step.byName
                      ? t('follow.by', { name: step.byName })
                      : t('follow.bySomeone')}
              </span>
              {detailWords(step.detail).length > 0 && (
                <p class="detail">
                  {detailWords(step.detail)
                    .map((word) => (isDetailWord(word) ? t(enumKey('detail', word)) : word))
                    .join(' · ')}
                </p>
              )}
              {step.note && <p class="note">{t('follow.stepNote', { note: step.note })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
