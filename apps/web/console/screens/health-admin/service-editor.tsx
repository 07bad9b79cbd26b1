import { POPULATIONS } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useId } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { Field } from '../../ui/field.js';
import { submitted } from '../../ui/handlers.js';
import { EnumChecks } from '../admin-forms/enum-checks.js';
import { EnumSelect } from '../admin-forms/enum-select.js';
import { type AdminFormProps, FormActions } from '../admin-forms/form-actions.js';
import { useFormState } from '../admin-forms/form-state.js';
import { HoursFieldset } from '../admin-forms/hours-fieldset.js';
import { OrganisationPicker } from '../admin-forms/organisation-picker.js';
import { PlaceFields } from '../admin-forms/place-fields.js';
import { useSave } from '../admin-forms/save.js';
import { Check } from '../admin-shelters/checkbox.js';
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
  const update = useSave(UpdateHealthService, refetch);
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
      {update.saved && (
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
        onSend={(form) => update.save(() => ({ id: serviceId, input: updateServiceInput(form) }))}
      />
    </section>
  );
}

function ServiceForm({
  initial,
  editing = false,
  pending,
  error,
  onSend,
}: AdminFormProps<ServiceFormValues>) {
  const t = useT();
  const id = useId();
  const { form, setForm, put, text } = useFormState(initial);
  return (
    <form class="admin-form service-form" onSubmit={submitted(() => onSend(form))}>
      {!editing && (
        <OrganisationPicker
          id={`${id}-organisation`}
          label={t('healthAdmin.form.organisation')}
          value={form.organisationId}
          onChange={text('organisationId')}
        />
      )}
      <Field
        label={t('healthAdmin.form.name')}
        name="name"
        required
        value={form.name}
        onInput={text('name')}
      />
      <EnumSelect
        id={`${id}-category`}
        label={t('healthAdmin.form.category')}
        name="category"
        value={form.category}
        options={SERVICE_CATEGORIES}
        words={(category) => t(`referral.serviceKind.${category}`)}
        onChange={text('category')}
      />

      <fieldset>
        <legend>{t('healthAdmin.form.place')}</legend>
        <p class="hint">{t('healthAdmin.form.placeHint')}</p>
        <Field
          label={t('healthAdmin.form.street')}
          name="street"
          value={form.street}
          onInput={text('street')}
        />
        <PlaceFields
          id={`${id}-borough`}
          boroughLabel={t('healthAdmin.form.borough')}
          value={form}
          hint={t('healthAdmin.form.pointHint')}
          onText={text}
          onPoint={(point) => setForm({ ...form, ...point })}
        />
        <Field
          label={t('healthAdmin.form.phone')}
          name="phone"
          type="tel"
          value={form.phone}
          onInput={text('phone')}
        />
      </fieldset>

      <HoursFieldset
        value={{ alwaysOpen: form.alwaysOpen, periods: form.periods }}
        onChange={(hours) => setForm({ ...form, ...hours })}
      />

      <fieldset>
        <legend>{t('healthAdmin.form.who')}</legend>
        <Field
          label={t('healthAdmin.form.languages')}
          name="languages"
          value={form.languages}
          hint={t('setup.form.languagesHint')}
          onInput={text('languages')}
        />
        <EnumSelect
          id={`${id}-cost`}
          label={t('healthAdmin.form.cost')}
          name="cost"
          value={form.cost}
          options={SERVICE_COSTS}
          words={(cost) => t(`healthAdmin.cost.${cost}`)}
          onChange={text('cost')}
        />
        <fieldset>
          <legend>{t('healthAdmin.form.requirements')}</legend>
          <EnumChecks
            name="requirement"
            options={SERVICE_REQUIREMENTS}
            words={(requirement) => t(`referral.requirement.${requirement}`)}
            value={form.requirements}
            onChange={(requirements) => put('requirements', requirements)}
          />
        </fieldset>
        <fieldset>
          <legend>{t('healthAdmin.form.populations')}</legend>
          <p class="hint">{t('healthAdmin.form.populationsHint')}</p>
          <EnumChecks
            name="population"
            options={POPULATIONS}
            words={(population) => t(`group.${population}`)}
            value={form.populations}
            onChange={(populations) => put('populations', populations)}
          />
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

      <FormActions
        error={error}
        pending={pending}
        editing={editing}
        createLabel={t('healthAdmin.form.create')}
      />
    </form>
  );
}
