import { boroughByCode } from '@albergue/contracts';
import { LANGUAGES } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { dayAndTime, languageName } from '../../core/format.js';
import { actError } from '../../graphql/errors.js';
import { type ResultOf } from '../../graphql/graphql.js';
import { ErrorText } from '../../ui/error-text.js';
import {
  ReferralSlipQuery,
  ReferralSlipReason,
  type Requirement,
  SlipService,
} from './refer-documents.js';
import { slipLanguage } from './refer-rules.js';
import { type LanguageWords, useWordsOf } from './words-of.js';

/**
 * The slip handed to the person, printed on A4 in their language (one of the five; the first of
 * theirs the console knows, by default): the service, where (a sensitive one: its area and phone
 * only), the appointment if scheduled, what to bring, the referral's short reference. Never the
 * reason, unless the person asks for it (then read, and audited, only at that moment).
 */
export function ReferralSlip({ shelterId, referralId }: { shelterId: string; referralId: string }) {
  const t = useT();
  const { router, language } = useConsole();
  const [result] = useQuery({ query: ReferralSlipQuery, variables: { id: referralId } });
  const referral = result.data?.referral;
  const [chosen, setChosen] = useState<string>();
  const [withReason, setWithReason] = useState(false);
  const code = chosen ?? slipLanguage(referral?.languages, LANGUAGES);
  return (
    <section aria-labelledby="slip-title" class="refer-slip-screen">
      <p class="no-print">
        <a href={router.href(`/shelters/${shelterId}/health`)}>{t('refer.back')}</a>
      </p>
      <h1 id="slip-title" class="no-print">
        {t('refer.slip.screenTitle')}
      </h1>
      {!referral ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          <div class="no-print refer-slip-controls">
            <div class="field">
              <label for="slip-language">{t('refer.slip.language')}</label>
              <select
                id="slip-language"
                name="slipLanguage"
                value={code}
                onChange={(event) => setChosen(event.currentTarget.value)}
              >
                {LANGUAGES.map((each) => (
                  <option key={each} value={each}>
                    {languageName(language.value.locale, each)}
                  </option>
                ))}
              </select>
            </div>
            <label class="choice">
              <input
                type="checkbox"
                name="withReason"
                checked={withReason}
                onChange={(event) => setWithReason(event.currentTarget.checked)}
              />
              <span>{t('refer.slip.withReason')}</span>
            </label>
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('refer.slip.print')}
            </button>
          </div>
          {referral.serviceId ? (
            <Sheet code={code} shelterId={shelterId} referral={referral} withReason={withReason} />
          ) : (
            <p class="notice warning">{t('refer.slip.noService')}</p>
          )}
        </>
      )}
    </section>
  );
}

type SlipReferral = ResultOf<typeof ReferralSlipQuery>['referral'];

function Sheet({
  code,
  shelterId,
  referral,
  withReason,
}: {
  code: string;
  shelterId: string;
  referral: SlipReferral;
  withReason: boolean;
}) {
  const language = useWordsOf(code);
  const [service] = useQuery({
    query: SlipService,
    variables: { id: referral.serviceId!, shelterId },
  });
  const [reason] = useQuery({
    query: ReferralSlipReason,
    variables: { id: referral.id },
    pause: !withReason,
  });
  const facts = service.data?.healthService;
  if (!language || !facts) {
    return service.error ? <ErrorText error={actError(service.error)} /> : null;
  }
  return (
    <SheetBody
      code={code}
      language={language}
      facts={facts}
      referral={referral}
      reason={withReason ? reason.data?.referral.reason : undefined}
    />
  );
}

function SheetBody({
  code,
  language: { words, locale },
  facts,
  referral,
  reason,
}: {
  code: string;
  language: LanguageWords;
  facts: {
    name: string;
    sensitive: boolean;
    street: string | null;
    boroughCode: string | null;
    phone: string | null;
    requirements: readonly Requirement[];
  };
  referral: SlipReferral;
  reason: string | null | undefined;
}) {
  const { timeZone } = useConsole();
  const borough = facts.boroughCode ? boroughByCode(facts.boroughCode)?.name : undefined;
  const where = facts.sensitive
    ? [borough, words('refer.slip.areaOnly')]
    : [[facts.street, borough].filter(Boolean).join(', ')];
  const bring = [
    words('refer.slip.bringSlip'),
    ...facts.requirements.map((each) => words(`refer.bring.${each}`)),
  ];
  return (
    <article class="refer-slip" lang={code} aria-labelledby="slip-sheet-title">
      <h2 id="slip-sheet-title">{words('refer.slip.title')}</h2>
      <p class="reference">
        {words('refer.slip.reference')} <strong>{referral.reference}</strong>
      </p>
      <dl>
        <dt>{words('refer.slip.service')}</dt>
        <dd class="slip-service">{facts.name}</dd>
        <dt>{words('refer.slip.where')}</dt>
        <dd class="slip-where">{where.filter(Boolean).join(' · ')}</dd>
        {facts.phone && (
          <>
            <dt>{words('refer.slip.phone')}</dt>
            <dd class="slip-phone">{facts.phone}</dd>
          </>
        )}
        <dt>{words('refer.slip.when')}</dt>
        <dd class="slip-when">
          {referral.scheduledFor
            ? dayAndTime({ locale, timeZone }, referral.scheduledFor)
            : words('refer.slip.noTime')}
          {referral.scheduledFor && referral.place && !facts.sensitive && <> · {referral.place}</>}
        </dd>
        <dt>{words('refer.slip.bring')}</dt>
        <dd class="slip-bring">
          <ul>
            {bring.map((each) => (
              <li key={each}>{each}</li>
            ))}
          </ul>
        </dd>
        {referral.interpreterLanguage && (
          <>
            <dt>{words('refer.slip.interpreter')}</dt>
            <dd>{languageName(locale, referral.interpreterLanguage)}</dd>
          </>
        )}
        {reason && (
          <>
            <dt>{words('refer.slip.reason')}</dt>
            <dd class="slip-reason">{reason}</dd>
          </>
        )}
      </dl>
      <p class="slip-bed">{words('refer.consent.bed')}</p>
    </article>
  );
}
