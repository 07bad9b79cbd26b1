import { POPULATIONS, SERVICES, SHELTER_STATUSES } from '@albergue/contracts';
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
import { Check } from './checkbox.js';
import { CreateShelter, ShelterToEditQuery, UpdateShelter } from './documents.js';
import {
  createInput,
  emptyShelterForm,
  formOf,
  type ShelterFormValues,
  updateInput,
} from './shelter-form.js';

/** A new shelter: the form, empty; once made, on to its rooms and beds. */
export function NewShelter() {
  const t = useT();
  const { router } = useConsole();
  const create = useAct(CreateShelter);
  return (
    <section class="admin-setup" aria-labelledby="shelter-form-title">
      <h1 id="shelter-form-title">{t('setup.form.newTitle')}</h1>
      <ShelterForm
        initial={emptyShelterForm()}
        trackingMode="COUNTS"
        pending={create.state.pending}
        error={create.state.error}
        onSend={async (form) => {
          const answer = await create.run((requestId) => ({ input: createInput(form, requestId) }));
          if (answer.data) {
            router.navigate(`/admin/shelters/${answer.data.createShelter.id}/setup`);
          }
        }}
      />
    </section>
  );
}

/** A shelter's description as it is now (its door too), to change and save. */
export function EditShelter({ shelterId }: { shelterId: string }) {
  const t = useT();
  const { router } = useConsole();
  const [result, refetch] = useQuery({
    query: ShelterToEditQuery,
    variables: { id: shelterId },
    requestPolicy: 'network-only',
  });
  const update = useSave(UpdateShelter, refetch);
  const read = result.data;
  if (!read?.shelter) {
    return result.error ? <ErrorText error={actError(result.error)} /> : <p>{t('app.loading')}</p>;
  }
  const shelter = read.shelter;
  return (
    <section class="admin-setup" aria-labelledby="shelter-form-title">
      <h1 id="shelter-form-title">{t('setup.form.editTitle', { name: shelter.name })}</h1>
      <p class="links">
        <a href={router.href('/admin/shelters')}>{t('setup.shelters.back')}</a>
        <a href={router.href(`/admin/shelters/${shelterId}/setup`)}>{t('setup.shelters.setup')}</a>
      </p>
      {update.saved && (
        <p class="notice success" role="status">
          {t('setup.form.saved')}
        </p>
      )}
      <ShelterForm
        key={`${shelter.id}-${shelter.name}-${shelter.sensitive}`}
        initial={formOf(read)}
        trackingMode={shelter.trackingMode}
        editing
        pending={update.state.pending}
        error={update.state.error}
        onSend={(form) =>
          update.save(() => ({ id: shelterId, input: updateInput(form, shelter.trackingMode) }))
        }
      />
    </section>
  );
}

function ShelterForm({
  initial,
  trackingMode,
  editing = false,
  pending,
  error,
  onSend,
}: AdminFormProps<ShelterFormValues> & { trackingMode: 'BEDS' | 'COUNTS' }) {
  const t = useT();
  const id = useId();
  const { form, setForm, put, text } = useFormState(initial);
  return (
    <form class="admin-form shelter-form" onSubmit={submitted(() => onSend(form))}>
      {!editing && (
        <OrganisationPicker
          id={`${id}-organisation`}
          label={t('setup.form.organisation')}
          value={form.organisationId}
          onChange={text('organisationId')}
        />
      )}
      <Field
        label={t('setup.form.name')}
        name="name"
        required
        value={form.name}
        onInput={text('name')}
      />
      <EnumSelect
        id={`${id}-status`}
        label={t('setup.form.status')}
        name="status"
        value={form.status}
        options={SHELTER_STATUSES}
        words={(status) => t(`setup.status.${status}`)}
        onChange={text('status')}
      />

      <fieldset>
        <legend>{t('setup.form.groups')}</legend>
        {trackingMode === 'BEDS' ? (
          <p class="hint">{t('setup.form.groupsInBeds')}</p>
        ) : (
          <p class="hint">{t('setup.form.groupsHint')}</p>
        )}
        {POPULATIONS.map((population) => {
          const group = form.groups[population];
          const setGroup = (change: Partial<typeof group>) =>
            put('groups', { ...form.groups, [population]: { ...group, ...change } });
          return (
            <div class="group-places" key={population} data-population={population}>
              <Check
                label={t(`group.${population}`)}
                name={`${population}.served`}
                checked={group.served}
                disabled={trackingMode === 'BEDS'}
                onChange={(served) => setGroup({ served })}
              />
              {group.served && trackingMode === 'COUNTS' && (
                <div class="places">
                  <Field
                    label={t('setup.form.places')}
                    name={`${population}.totalBeds`}
                    inputMode="numeric"
                    value={group.totalBeds}
                    onInput={(event) => setGroup({ totalBeds: event.currentTarget.value })}
                  />
                  <Field
                    label={t('setup.form.overflow')}
                    name={`${population}.overflowTotal`}
                    inputMode="numeric"
                    value={group.overflowTotal}
                    onInput={(event) => setGroup({ overflowTotal: event.currentTarget.value })}
                  />
                </div>
              )}
            </div>
          );
        })}
      </fieldset>

      <fieldset>
        <legend>{t('setup.form.place')}</legend>
        <PlaceFields
          id={`${id}-borough`}
          boroughLabel={t('setup.form.borough')}
          value={form}
          required
          hint={t('setup.form.latLngHint')}
          onText={text}
          onPoint={(point) => setForm({ ...form, ...point })}
        />
        <Field
          label={t('setup.form.street')}
          name="street"
          value={form.street}
          onInput={text('street')}
        />
        <Field
          label={t('setup.form.neighbourhood')}
          name="neighbourhood"
          value={form.neighbourhood}
          onInput={text('neighbourhood')}
        />
        <Field label={t('setup.form.city')} name="city" value={form.city} onInput={text('city')} />
        <Field
          label={t('setup.form.state')}
          name="state"
          value={form.state}
          onInput={text('state')}
        />
        <Field
          label={t('setup.form.postalCode')}
          name="postalCode"
          value={form.postalCode}
          onInput={text('postalCode')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('setup.sensitive.title')}</legend>
        <Check
          label={t('setup.sensitive.label')}
          name="sensitive"
          checked={form.sensitive}
          onChange={(sensitive) => put('sensitive', sensitive)}
        />
        <p class="hint">{t('setup.sensitive.explain')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('setup.form.contact')}</legend>
        <Field
          label={t('setup.form.phone')}
          name="phone"
          type="tel"
          value={form.phone}
          onInput={text('phone')}
        />
        <Field
          label={t('setup.form.whatsapp')}
          name="whatsapp"
          type="tel"
          value={form.whatsapp}
          onInput={text('whatsapp')}
        />
        <Field
          label={t('setup.form.email')}
          name="email"
          type="email"
          value={form.email}
          onInput={text('email')}
        />
      </fieldset>

      <HoursFieldset
        value={{ alwaysOpen: form.alwaysOpen, periods: form.periods }}
        onChange={(hours) => setForm({ ...form, ...hours })}
      >
        <Field
          label={t('setup.form.hoursNote')}
          name="openingHours"
          value={form.openingHours}
          onInput={text('openingHours')}
        />
      </HoursFieldset>

      <fieldset>
        <legend>{t('setup.form.services')}</legend>
        <EnumChecks
          name="service"
          options={SERVICES}
          words={(service) => t(`setup.service.${service}`)}
          value={form.services}
          onChange={(services) => put('services', services)}
        />
        <Field
          label={t('setup.form.languages')}
          name="languages"
          value={form.languages}
          hint={t('setup.form.languagesHint')}
          onInput={text('languages')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('setup.form.eligibility')}</legend>
        <Check
          label={t('setup.form.idRequired')}
          name="idRequired"
          checked={form.idRequired}
          onChange={(on) => put('idRequired', on)}
        />
        <Check
          label={t('setup.form.petsAllowed')}
          name="petsAllowed"
          checked={form.petsAllowed}
          onChange={(on) => put('petsAllowed', on)}
        />
        <Check
          label={t('setup.form.wheelchairAccessible')}
          name="wheelchairAccessible"
          checked={form.wheelchairAccessible}
          onChange={(on) => put('wheelchairAccessible', on)}
        />
        <Field
          label={t('setup.form.maxStayDays')}
          name="maxStayDays"
          inputMode="numeric"
          value={form.maxStayDays}
          onInput={text('maxStayDays')}
        />
        <Field
          label={t('setup.form.curfew')}
          name="curfew"
          type="time"
          value={form.curfew}
          onInput={text('curfew')}
        />
      </fieldset>

      <FormActions
        error={error}
        pending={pending}
        editing={editing}
        createLabel={t('setup.form.create')}
      />
    </form>
  );
}
