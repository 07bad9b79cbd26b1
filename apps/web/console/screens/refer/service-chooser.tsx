import { boroughByCode } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { Age } from '../../ui/age.js';
import { ErrorText } from '../../ui/error-text.js';
import { languageName } from '../../core/format.js';
import {
  type CapacityOverride,
  type Fit,
  type FitMet,
  type Service,
  ServiceFitQuery,
} from './refer-documents.js';
import { OVERRIDES } from '../referral-words.js';
import { notAccepting } from './refer-rules.js';

/** Symbols that repeat each capacity's words: never told by colour alone. */
const SYMBOL = { ACCEPTING: '✔', WAITLIST: '!', NOT_ACCEPTING: '✖', UNKNOWN: '?' } as const;

/** What the chooser knows of the person, for the fit: a resident here, or languages and group. */
export type FitSubject =
  { residentId: string } | { languages: string[]; population?: Service['populations'][number] };

/**
 * The services that give this care, each with its capacity in words and its age ("unknown" once
 * stale), languages, cost and requirements; the chosen one checked against the person
 * (`serviceFit`: met / not met / unknown per condition) and, when it says it is not accepting,
 * the reason to refer anyway.
 */
export function ServiceChooser({
  services,
  chosen,
  onChoose,
  override,
  onOverride,
  sending,
  shelterId,
  subject,
}: {
  services: readonly Service[];
  chosen: string | undefined;
  onChoose(serviceId: string): void;
  override: CapacityOverride | undefined;
  onOverride(override: CapacityOverride): void;
  /** The referral leaves the shelter now (the override matters only then). */
  sending: boolean;
  shelterId: string;
  subject: FitSubject;
}) {
  const t = useT();
  const service = services.find((each) => each.id === chosen);
  return (
    <>
      {services.length === 0 ? (
        <p role="status">{t('refer.service.none')}</p>
      ) : (
        <ul class="refer-services">
          {services.map((each) => (
            <li key={each.id} class="refer-service" data-service={each.id}>
              <label class="choice">
                <input
                  type="radio"
                  name="serviceId"
                  value={each.id}
                  checked={chosen === each.id}
                  onChange={() => onChoose(each.id)}
                />
                <span class="name">
                  <strong>{each.name}</strong> · {each.organisationName}
                </span>
              </label>
              <ServiceFacts service={each} />
            </li>
          ))}
        </ul>
      )}
      {service && (
        <FitPanel key={service.id} service={service} shelterId={shelterId} subject={subject} />
      )}
      {service && notAccepting(service) && (
        <fieldset class="refer-override">
          <legend>{t('refer.override.title')}</legend>
          <p class="hint">{t(sending ? 'refer.override.hint' : 'refer.override.draftHint')}</p>
          {OVERRIDES.map((each) => (
            <label class="choice" key={each}>
              <input
                type="radio"
                name="capacityOverride"
                value={each}
                checked={override === each}
                onChange={() => onOverride(each)}
              />
              <span>{t(`referral.override.${each}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

export function CapacityWords({ capacity }: { capacity: Service['capacity'] }) {
  const t = useT();
  const never = capacity.status === 'UNKNOWN' && !capacity.reportedAt;
  return (
    <p class={`capacity capacity-${capacity.status.toLowerCase()}`}>
      <span aria-hidden="true">{SYMBOL[capacity.status]} </span>
      <strong>
        {never ? t('refer.capacity.never') : t(`referral.capacity.${capacity.status}`)}
      </strong>
      {capacity.status === 'WAITLIST' && capacity.waitDays !== null && (
        <> · {t('referral.capacity.wait', { n: capacity.waitDays })}</>
      )}
      {capacity.stale && <> · {t('refer.capacity.stale')}</>}
      {capacity.reportedAt && (
        <>
          {' · '}
          <Age updatedAt={capacity.reportedAt} />
        </>
      )}
    </p>
  );
}

function ServiceFacts({ service }: { service: Service }) {
  const t = useT();
  const { locale } = useConsole().language.value;
  const borough = service.boroughCode ? boroughByCode(service.boroughCode)?.name : undefined;
  return (
    <div class="facts">
      <CapacityWords capacity={service.capacity} />
      <dl>
        <dt>{t('refer.service.kind')}</dt>
        <dd>{t(`referral.serviceKind.${service.category}`)}</dd>
        <dt>{t('refer.service.where')}</dt>
        <dd>
          {/* Staff are trusted with a sensitive service's street; the slip gives only its area. */}
          {[service.street, borough].filter(Boolean).join(', ') || t('refer.service.whereUnknown')}
          {service.sensitive && <> · {t('refer.service.sensitive')}</>}
        </dd>
        <dt>{t('refer.service.languages')}</dt>
        <dd>{service.languages.map((code) => languageName(locale, code)).join(', ') || '—'}</dd>
        <dt>{t('refer.service.cost')}</dt>
        <dd>{t(`refer.cost.${service.cost}`)}</dd>
        <dt>{t('refer.service.requirements')}</dt>
        <dd>
          {service.requirements.map((each) => t(`referral.requirement.${each}`)).join(', ') ||
            t('refer.service.noRequirements')}
        </dd>
        <dt>{t('refer.service.for')}</dt>
        <dd>
          {service.populations.map((group) => t(`group.${group}`)).join(', ') ||
            t('refer.service.everyone')}
        </dd>
      </dl>
    </div>
  );
}

const FIT_WORDS: Record<FitMet, 'refer.fit.MET' | 'refer.fit.NOT_MET' | 'refer.fit.UNKNOWN'> = {
  MET: 'refer.fit.MET',
  NOT_MET: 'refer.fit.NOT_MET',
  UNKNOWN: 'refer.fit.UNKNOWN',
};

function FitPanel({
  service,
  shelterId,
  subject,
}: {
  service: Service;
  shelterId: string;
  subject: FitSubject;
}) {
  const t = useT();
  const [result] = useQuery({
    query: ServiceFitQuery,
    variables: { serviceId: service.id, shelterId, ...subject },
    requestPolicy: 'cache-and-network',
  });
  const fit: Fit | undefined = result.data?.serviceFit;
  const error = actError(result.error);
  return (
    <section class="refer-fit" aria-labelledby="refer-fit-title">
      <h2 id="refer-fit-title">{t('refer.fit.title', { service: service.name })}</h2>
      {!fit ? (
        error?.code === 'NETWORK' ? (
          // Offline (a field visit): the fit cannot be asked. The worker weighs the service's
          // facts above and chooses; the API checks again when the queued referral is sent.
          <p class="notice warning refer-fit-offline" role="status">
            {t('referFix.fit.offline')}
          </p>
        ) : error ? (
          <ErrorText error={error} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <>
          {!fit.active && <p class="notice error">{t('refer.fit.inactive')}</p>}
          <ul>
            {(
              [
                ['language', fit.language],
                ['population', fit.population],
                ['capacity', fit.capacityFit],
              ] as const
            ).map(([condition, met]) => (
              <li key={condition} class={`fit fit-${met.toLowerCase()}`} data-fit={condition}>
                {t(`refer.fit.${condition}`)}: <strong>{t(FIT_WORDS[met])}</strong>
              </li>
            ))}
          </ul>
          {fit.requirementsToCheck.length > 0 && (
            <p class="hint">
              {t('refer.fit.check', {
                list: fit.requirementsToCheck
                  .map((each) => t(`referral.requirement.${each}`))
                  .join(', '),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
