import { ApiErrorCode } from '@albergue/contracts';
import { LANGUAGES } from '@albergue/i18n';
import { useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { type ActError, actError } from '../../graphql/errors.js';
import { ErrorText, errorMessage } from '../../ui/error-text.js';
import { submitted } from '../../ui/handlers.js';
import { languageName } from '../../core/format.js';
import { SubjectFacts } from './health-home.js';
import { PersonFields } from './person-fields.js';
import { ConsentStep } from './consent-step.js';
import { preloadWords } from './words-of.js';
import {
  CreateReferral,
  type Created,
  HealthServices,
  type ReferralCategory,
  ReferralSubjects,
  type Service,
  type Subject,
  type Urgency,
} from './refer-documents.js';
import { CATEGORIES, URGENCIES } from '../referral-words.js';
import {
  freshDraft,
  freshPerson,
  missing,
  type PersonDraft,
  REASON_MAX,
  type ReferDraft,
  referralInput,
  sends,
  serviceKindsFor,
  servicesFor,
  slipLanguage,
} from './refer-rules.js';
import { type FitSubject, ServiceChooser } from './service-chooser.js';

/**
 * The refer flow for one person: a resident staying here (`residentId`), or someone met at a field
 * visit, not registered (no `residentId`: their few details are asked here). One act, through
 * useAct (its requestId), queued offline when there is no connection.
 */
export function ReferScreen({ shelterId, residentId }: { shelterId: string; residentId?: string }) {
  const t = useT();
  const { router } = useConsole();
  return (
    <section aria-labelledby="refer-title" class="refer">
      <p class="no-print">
        <a href={router.href(`/shelters/${shelterId}/health`)}>{t('refer.back')}</a>
      </p>
      {residentId ? (
        <ResidentReferral shelterId={shelterId} residentId={residentId} />
      ) : (
        <UnregisteredReferral shelterId={shelterId} />
      )}
    </section>
  );
}

function ResidentReferral({ shelterId, residentId }: { shelterId: string; residentId: string }) {
  const t = useT();
  // The list the health page read (cache first): no second audited read of everyone.
  const [result] = useQuery({ query: ReferralSubjects, variables: { shelterId } });
  const subjects = result.data?.referralSubjects;
  const subject = subjects?.find((each) => each.id === residentId);
  if (!subjects) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  if (!subject) {
    return (
      <p class="notice warning" role="status">
        {t('refer.notHere')}
      </p>
    );
  }
  const name = subject.alias ?? t('refer.unnamed');
  return (
    <>
      <h1 id="refer-title">{t('refer.title', { name })}</h1>
      <SubjectFacts subject={subject} />
      <ReferForm shelterId={shelterId} subject={subject} />
    </>
  );
}

function UnregisteredReferral({ shelterId }: { shelterId: string }) {
  const t = useT();
  const [person, setPerson] = useState<PersonDraft>(freshPerson);
  return (
    <>
      <h1 id="refer-title">{t('refer.unregisteredTitle')}</h1>
      <p class="hint">{t('refer.unregisteredIntro')}</p>
      <ReferForm
        shelterId={shelterId}
        person={person}
        onPerson={(change) => setPerson((current) => ({ ...current, ...change }))}
      />
    </>
  );
}

function ReferForm({
  shelterId,
  subject,
  person,
  onPerson,
}: {
  shelterId: string;
  subject?: Subject;
  person?: PersonDraft;
  onPerson?(change: Partial<PersonDraft>): void;
}) {
  const t = useT();
  const { language } = useConsole();
  const personLanguages = subject?.languages ?? person?.languages ?? [];
  const [draft, setDraft] = useState<ReferDraft>(() =>
    freshDraft(slipLanguage(personLanguages, LANGUAGES)),
  );
  const [allKinds, setAllKinds] = useState(false);
  const [done, setDone] = useState<{ created?: Created; queued?: boolean }>();
  const [tried, setTried] = useState(false);
  const change = (next: Partial<ReferDraft>) => setDraft((current) => ({ ...current, ...next }));
  const kinds = draft.category && !allKinds ? serviceKindsFor(draft.category) : null;
  // The whole directory, read once when the form opens (while there is a connection) and
  // filtered here by category: at a field visit the worker may choose with none. A read again
  // that fails offline keeps the directory already read.
  const [services, refetchServices] = useQuery({
    query: HealthServices,
    variables: { shelterId, filter: null },
  });
  const read = useRef<readonly Service[] | undefined>(undefined);
  if (services.data) {
    read.current = services.data.healthServices;
  }
  const directory = services.data?.healthServices ?? read.current;
  // The consent is explained in the person's language, maybe chosen offline: its words now.
  useEffect(() => preloadWords(LANGUAGES), []);
  const listed = servicesFor(directory ?? [], draft.category, allKinds);
  const service = listed.find((each) => each.id === draft.serviceId);
  const act = useAct(CreateReferral, { queue: 'referral' });
  const gaps = missing(draft, service, person);
  const fitSubject: FitSubject = subject
    ? { residentId: subject.id }
    : {
        languages: person?.languages ?? [],
        ...(person?.population ? { population: person.population } : {}),
      };

  const send = async () => {
    setTried(true);
    if (gaps.length > 0) {
      return;
    }
    const answer = await act.run((requestId) => ({
      input: referralInput(
        draft,
        shelterId,
        subject ? { residentId: subject.id } : { person: person! },
        requestId,
      ),
    }));
    if (answer.queued) {
      setDone({ queued: true });
    } else if (answer.data) {
      setDone({ created: answer.data.createReferral });
    } else if (answer.error && refreshes(answer.error)) {
      // The service's capacity moved meanwhile: show it as it is now.
      refetchServices({ requestPolicy: 'network-only' });
    }
  };

  if (done) {
    return <Done shelterId={shelterId} done={done} />;
  }
  const sending = sends(draft);
  return (
    <form class="refer-form" onSubmit={submitted(send)} noValidate>
      {person && onPerson && <PersonFields person={person} onChange={onPerson} />}
      <div class="field">
        <label for="refer-category">{t('refer.category')}</label>
        <select
          id="refer-category"
          name="category"
          value={draft.category ?? ''}
          onChange={(event) =>
            change({
              category: (event.currentTarget.value || undefined) as ReferralCategory,
              serviceId: undefined,
              override: undefined,
            })
          }
        >
          <option value="">{t('refer.choose')}</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`referral.category.${category}`)}
            </option>
          ))}
        </select>
      </div>

      <fieldset class="refer-urgency">
        <legend>{t('refer.urgency')}</legend>
        {URGENCIES.map((urgency: Urgency) => (
          <label class="choice" key={urgency}>
            <input
              type="radio"
              name="urgency"
              value={urgency}
              checked={draft.urgency === urgency}
              onChange={() =>
                change({
                  urgency,
                  // Vital interest covers an emergency only.
                  consent:
                    urgency !== 'EMERGENCY' && draft.consent === 'VITAL_INTEREST'
                      ? undefined
                      : draft.consent,
                })
              }
            />
            <span>{t(`referral.urgency.${urgency}`)}</span>
          </label>
        ))}
      </fieldset>
      {draft.urgency === 'EMERGENCY' && <Emergency />}

      <fieldset class="refer-chooser" data-directory={directory ? 'read' : 'reading'}>
        <legend>{t('refer.service')}</legend>
        {!draft.category ? (
          <p class="hint">{t('refer.service.categoryFirst')}</p>
        ) : !directory ? (
          services.error ? (
            <ErrorText error={actError(services.error)} />
          ) : (
            <p>{t('app.loading')}</p>
          )
        ) : (
          <>
            {kinds && (
              <p class="hint">
                {t('refer.service.filtered', {
                  kinds: kinds.map((kind) => t(`referral.serviceKind.${kind}`)).join(', '),
                })}
              </p>
            )}
            <label class="choice">
              <input
                type="checkbox"
                name="allKinds"
                checked={allKinds}
                onChange={(event) => setAllKinds(event.currentTarget.checked)}
              />
              <span>{t('refer.service.allKinds')}</span>
            </label>
            <ServiceChooser
              services={listed}
              chosen={draft.serviceId}
              onChoose={(serviceId) => change({ serviceId, override: undefined })}
              override={draft.override}
              onOverride={(override) => change({ override })}
              sending={sending}
              shelterId={shelterId}
              subject={fitSubject}
            />
          </>
        )}
      </fieldset>

      <div class="field refer-reason">
        <label for="refer-reason">{t('refer.reason')}</label>
        <textarea
          id="refer-reason"
          name="reason"
          rows={4}
          maxLength={REASON_MAX}
          autocomplete="off"
          aria-describedby="refer-reason-hint refer-reason-count"
          value={draft.reason}
          onInput={(event) => change({ reason: event.currentTarget.value })}
        />
        <p id="refer-reason-hint" class="hint">
          {t('refer.reasonHint')}
        </p>
        <p id="refer-reason-count" class="hint count" aria-live="polite">
          {t('refer.reasonCount', { n: draft.reason.length, max: REASON_MAX })}
        </p>
      </div>

      <fieldset class="refer-needs">
        <legend>{t('refer.needs')}</legend>
        <div class="field">
          <label for="refer-interpreter">{t('refer.needs.interpreter')}</label>
          <select
            id="refer-interpreter"
            name="interpreterLanguage"
            value={draft.interpreterLanguage}
            onChange={(event) => change({ interpreterLanguage: event.currentTarget.value })}
          >
            <option value="">{t('refer.needs.noInterpreter')}</option>
            {[...new Set([...personLanguages, ...LANGUAGES])].map((code) => (
              <option key={code} value={code}>
                {languageName(language.value.locale, code)}
              </option>
            ))}
          </select>
        </div>
        <label class="choice">
          <input
            type="checkbox"
            name="needsEscort"
            checked={draft.needsEscort}
            onChange={(event) => change({ needsEscort: event.currentTarget.checked })}
          />
          <span>{t('refer.needs.escort')}</span>
        </label>
        <label class="choice">
          <input
            type="checkbox"
            name="needsTransport"
            checked={draft.needsTransport}
            onChange={(event) => change({ needsTransport: event.currentTarget.checked })}
          />
          <span>{t('refer.needs.transport')}</span>
        </label>
      </fieldset>

      <ConsentStep
        draft={draft}
        preferred={slipLanguage(personLanguages, LANGUAGES)}
        onChange={change}
      />

      {tried && gaps.length > 0 && (
        <div class="notice error refer-missing" role="alert">
          <p>{t('refer.missing')}</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>
                {gap === 'sex' ? t('referFix.missing.sex') : t(`refer.missing.${gap}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ReferError error={act.state.error} />
      <button type="submit" class="primary refer-send" disabled={act.state.pending}>
        {act.state.pending ? t('common.working') : sending ? t('refer.send') : t('refer.saveDraft')}
      </button>
    </form>
  );
}

/** Said at once, big and in words, the moment the urgency is an emergency. */
function Emergency() {
  const t = useT();
  return (
    <div class="refer-911" role="alert">
      <p class="now">{t('refer.emergency.now')}</p>
      <p>{t('refer.emergency.hint')}</p>
    </div>
  );
}

/** A refusal the data must be read again for: capacity or the referral changed meanwhile. */
function refreshes(error: ActError): boolean {
  return error.code === ApiErrorCode.CONFLICT || error.reason === 'CAPACITY_OVERRIDE_REQUIRED';
}

/** Refusals the catalogue explains in its own words (the API's `reason`), with what to do. */
const REASONS = [
  'CAPACITY_OVERRIDE_REQUIRED',
  'CONSENT_REQUIRED',
  'SUBJECT_NOT_HERE',
  'SERVICE_INACTIVE',
  'SUBJECT_ERASED',
  'REQUEST_ID_REUSED',
] as const;

function ReferError({ error }: { error: ActError | undefined }) {
  const t = useT();
  if (!error) {
    return null;
  }
  const known = (REASONS as readonly string[]).includes(error.reason ?? '')
    ? (error.reason as (typeof REASONS)[number])
    : undefined;
  return (
    <p class="notice error" role="alert">
      {known
        ? t(`refer.error.${known}`)
        : error.code === ApiErrorCode.CONFLICT
          ? t('refer.error.conflict')
          : errorMessage(t, error)}
    </p>
  );
}

function Done({
  shelterId,
  done,
}: {
  shelterId: string;
  done: { created?: Created; queued?: boolean };
}) {
  const t = useT();
  const { router } = useConsole();
  const created = done.created;
  return (
    <div class="refer-done">
      {done.queued ? (
        <>
          <p class="notice warning" role="status">
            {t('refer.done.queued')}
          </p>
          <p class="hint refer-queued-check">{t('referFix.done.queuedCheck')}</p>
        </>
      ) : created?.state === 'DRAFT' ? (
        <p class="notice warning" role="status">
          {t('refer.done.draft')}
        </p>
      ) : (
        created && (
          <>
            {created.urgency === 'EMERGENCY' && (
              <div class="refer-911" role="alert">
                <p class="now">{t('refer.emergency.now')}</p>
              </div>
            )}
            <p class="notice success" role="status">
              {t('refer.done.sent', {
                service: created.serviceName ?? '',
                reference: created.reference,
              })}
            </p>
          </>
        )
      )}
      {created && <p class="hint">{t('refer.consent.bed')}</p>}
      {created && created.state !== 'DRAFT' && (
        <p>
          <a
            class="button primary refer-slip-link"
            href={router.href(`/shelters/${shelterId}/health/referrals/${created.id}/slip`)}
          >
            {t('refer.done.slip')}
          </a>
        </p>
      )}
      <p>
        <a class="button" href={router.href(`/shelters/${shelterId}/health`)}>
          {t('refer.done.another')}
        </a>
      </p>
    </div>
  );
}
