import { BOROUGHS, POPULATIONS } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useId, useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { Check } from '../admin-shelters/checkbox.js';
import { OrganisationsQuery } from '../admin-shelters/documents.js';
import { HoursFields } from '../admin-shelters/hours-fields.js';
import {
  AdminHealthServiceQuery,
  CreateHealthService,
  SERVICE_CATEGORIES,
  SERVICE_COSTS,
  SERVICE_REQUIREMENTS,
  UpdateHealthService,
} from './documents.js';
import { Capacity } from './service-list.js';
import {
  createServiceInput,
  emptyServiceForm,
  formOfService,
  type ServiceFormValues,
  updateServiceInput,
} from './service-form.js';

/** A new health service: the form, empty; once made, back to the directory, which lists it. */
export function NewHealthService() {
  const t = useT();
  const { router } = useConsole();
  const create = useAct(CreateHealthService);
  return (
    <section class="admin-setup health-admin" aria-labelledby="service-form-title">
      <h1 id="service-form-title">{t('healthAdmin.form.newTitle')}</h1>
      <p class="links">
        <a href={router.href('/admin/health-services')}>{t('healthAdmin.back')}</a>
      </p>
      <ServiceForm
        initial={emptyServiceForm()}
        pending={create.state.pending}
        error={create.state.error}
        onSend={async (form) => {
          const answer = await create.run((requestId) => ({
            input: createServiceInput(form, requestId),
          }));
          if (answer.data) {
            router.navigate(`/admin/health-services/${answer.data.createHealthService.id}/edit`);
          }
        }}
      />
    </section>
  );
}

/** A service as it is now, to change and save. */
export function EditHealthService({ serviceId }: { serviceId: string }) {
  const t = useT();
  const { router } = useConsole();
  const [result, refetch] = useQuery({
    query: AdminHealthServiceQuery,
    variables: { id: serviceId },
    requestPolicy: 'network-only',
  });
  const update = useAct(UpdateHealthService);
  const [saved, setSaved] = useState(false);
  const service = result.data?.healthService;
  if (!service) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  return (
    <section
      class="admin-setup health-admin"
      aria-labelledby="service-form-title"
      data-service={service.id}
    >
      <h1 id="service-form-title">{t('healthAdmin.form.editTitle', { name: service.name })}</h1>
      <p class="links">
        <a href={router.href('/admin/health-services')}>{t('healthAdmin.back')}</a>
      </p>
      <p>{t('healthAdmin.form.organisationIs', { name: service.organisationName })}</p>
      <Capacity capacity={service.capacity} />
      {saved && (
        <p class="notice success" role="status">
          {t('healthAdmin.form.saved')}
        </p>
      )}
      <ServiceForm
        key={`${service.id}-${service.name}-${service.sensitive}-${service.public}-${service.active}`}
        initial={formOfService(service)}
        editing
        pending={update.state.pending}
        error={update.state.error}
        onSend={async (form) => {
          setSaved(false);
          const answer = await update.run(() => ({
            id: serviceId,
            input: updateServiceInput(form),
          }));
          if (answer.data) {
            setSaved(true);
            refetch({ requestPolicy: 'network-only' });
          }
        }}
      />
    </section>
  );
}

type Errorish = Parameters<typeof ErrorText>[0]['error'];

function ServiceForm({
  initial,
  editing = false,
  pending,
  error,
  onSend,
}: {
  initial: ServiceFormValues;
  editing?: boolean;
  pending: boolean;
  error: Errorish;
  onSend(form: ServiceFormValues): Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [form, setForm] = useState(initial);
  const [organisations] = useQuery({ query: OrganisationsQuery, pause: editing });
  const put = <K extends keyof ServiceFormValues>(name: K, value: ServiceFormValues[K]) =>
    setForm({ ...form, [name]: value });
  const text = (name: keyof ServiceFormValues) => (event: Event) =>
    put(name, (event.currentTarget as HTMLInputElement).value as never);
  const toggle = <V extends string>(list: readonly V[], value: V, on: boolean): V[] =>
    on ? [...list.filter((each) => each !== value), value] : list.filter((each) => each !== value);
  const borough = BOROUGHS.find((each) => each.code === form.boroughCode);
  return (
    <form class="admin-form service-form" onSubmit={submitted(() => onSend(form))}>
      {!editing && (
        <div class="field">
          <label for={`${id}-organisation`}>{t('healthAdmin.form.organisation')}</label>
          <select
            id={`${id}-organisation`}
            name="organisationId"
            required
            value={form.organisationId}
            onChange={text('organisationId')}
          >
            <option value="">{t('setup.form.pick')}</option>
            {(organisations.data?.organisations ?? []).map((each) => (
              <option key={each.id} value={each.id}>
                {each.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <Field
        label={t('healthAdmin.form.name')}
        name="name"
        required
        value={form.name}
        onInput={text('name')}
      />
      <div class="field">
        <label for={`${id}-category`}>{t('healthAdmin.form.category')}</label>
        <select
          id={`${id}-category`}
          name="category"
          value={form.category}
          onChange={text('category')}
        >
          {SERVICE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`referral.serviceKind.${category}`)}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend>{t('healthAdmin.form.place')}</legend>
        <p class="hint">{t('healthAdmin.form.placeHint')}</p>
        <Field
          label={t('healthAdmin.form.street')}
          name="street"
          value={form.street}
          onInput={text('street')}
        />
        <div class="field">
          <label for={`${id}-borough`}>{t('healthAdmin.form.borough')}</label>
          <select
            id={`${id}-borough`}
            name="boroughCode"
            value={form.boroughCode}
            onChange={text('boroughCode')}
          >
            <option value="">{t('setup.form.noBorough')}</option>
            {BOROUGHS.map((each) => (
              <option key={each.code} value={each.code}>
                {each.name} ({each.state})
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('setup.form.lat')}
          name="lat"
          inputMode="decimal"
          value={form.lat}
          hint={t('healthAdmin.form.pointHint')}
          onInput={text('lat')}
        />
        <Field
          label={t('setup.form.lng')}
          name="lng"
          inputMode="decimal"
          value={form.lng}
          onInput={text('lng')}
        />
        {borough && (
          <p>
            <button
              type="button"
              onClick={() =>
                setForm({
                  ...form,
                  lat: String(borough.centre.lat),
                  lng: String(borough.centre.lng),
                })
              }
            >
              {t('setup.form.useCentre', { borough: borough.name })}
            </button>
          </p>
        )}
        <Field
          label={t('healthAdmin.form.phone')}
          name="phone"
          type="tel"
          value={form.phone}
          onInput={text('phone')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('setup.form.hours')}</legend>
        <HoursFields
          value={{ alwaysOpen: form.alwaysOpen, periods: form.periods }}
          onChange={(hours) => setForm({ ...form, ...hours })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('healthAdmin.form.who')}</legend>
        <Field
          label={t('healthAdmin.form.languages')}
          name="languages"
          value={form.languages}
          hint={t('setup.form.languagesHint')}
          onInput={text('languages')}
        />
        <div class="field">
          <label for={`${id}-cost`}>{t('healthAdmin.form.cost')}</label>
          <select id={`${id}-cost`} name="cost" value={form.cost} onChange={text('cost')}>
            {SERVICE_COSTS.map((cost) => (
              <option key={cost} value={cost}>
                {t(`healthAdmin.cost.${cost}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('healthAdmin.form.requirements')}</legend>
          <div class="choices">
            {SERVICE_REQUIREMENTS.map((requirement) => (
              <Check
                key={requirement}
                label={t(`referral.requirement.${requirement}`)}
                name={`requirement.${requirement}`}
                checked={form.requirements.includes(requirement)}
                onChange={(on) => put('requirements', toggle(form.requirements, requirement, on))}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('healthAdmin.form.populations')}</legend>
          <p class="hint">{t('healthAdmin.form.populationsHint')}</p>
          <div class="choices">
            {POPULATIONS.map((population) => (
              <Check
                key={population}
                label={t(`group.${population}`)}
                name={`population.${population}`}
                checked={form.populations.includes(population)}
                onChange={(on) => put('populations', toggle(form.populations, population, on))}
              />
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('healthAdmin.form.visibility')}</legend>
        <Check
          label={t('healthAdmin.form.public')}
          name="public"
          checked={form.public}
          onChange={(on) => put('public', on)}
        />
        <p class="hint">{t('healthAdmin.form.publicExplain')}</p>
        <Check
          label={t('healthAdmin.form.sensitive')}
          name="sensitive"
          checked={form.sensitive}
          onChange={(on) => put('sensitive', on)}
        />
        <p class="hint sensitive-explain">{t('healthAdmin.form.sensitiveExplain')}</p>
        <Check
          label={t('healthAdmin.form.active')}
          name="active"
          checked={form.active}
          onChange={(on) => put('active', on)}
        />
        <p class="hint">{t('healthAdmin.form.activeExplain')}</p>
      </fieldset>

      <ErrorText error={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={pending}>
          {pending
            ? t('common.working')
            : editing
              ? t('common.save')
              : t('healthAdmin.form.create')}
        </button>
      </div>
    </form>
  );
}
