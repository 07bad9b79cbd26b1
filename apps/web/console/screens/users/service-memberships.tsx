import { useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { useAct } from '../../core/act.js';
import { useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { clicked, submitted } from '../../ui/handlers.js';
import { Confirmed } from '../residents/confirm.js';
import { SelectField } from './select-field.js';
import {
  AdminServiceNames,
  type AdminUserView,
  RemoveServiceMembership,
  SetServiceMembership,
} from './user-documents.js';

/**
 * The health services whose staff the person is (issue 20: role SERVICE_STAFF, per service): each
 * named from the directory, removed behind a confirmation that says what goes; another added, as
 * a role at a shelter is.
 */
export function ServiceMemberships({ user, onDone }: { user: AdminUserView; onDone(): void }) {
  const t = useT();
  const [services] = useQuery({ query: AdminServiceNames });
  const set = useAct(SetServiceMembership);
  const [serviceId, setServiceId] = useState('');
  const all = services.data?.healthServices ?? [];
  const names = new Map(all.map((service) => [service.id, service.name]));
  const taken = new Set(user.serviceIds);
  const choices = all
    .filter((service) => service.active && !taken.has(service.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="service-memberships-title" class="service-memberships">
      <h2 id="service-memberships-title">{t('healthAdmin.user.title')}</h2>
      <p class="hint">{t('healthAdmin.user.explain')}</p>
      {user.serviceIds.length === 0 ? (
        <p class="hint">{t('healthAdmin.user.none')}</p>
      ) : (
        <ul class="cards memberships">
          {user.serviceIds.map((id) => (
            <ServiceRow
              key={id}
              userId={user.id}
              serviceId={id}
              name={names.get(id) ?? t('healthAdmin.user.unnamed')}
              onDone={onDone}
            />
          ))}
        </ul>
      )}
      <h3 id="add-service-title">{t('healthAdmin.user.add')}</h3>
      {services.error && <ErrorText error={actError(services.error)} />}
      <form
        class="add-service-membership"
        aria-labelledby="add-service-title"
        onSubmit={submitted(async () => {
          if (!serviceId) {
            return;
          }
          const done = await set.run(() => ({ userId: user.id, serviceId }));
          if (done.data) {
            setServiceId('');
            onDone();
          }
        })}
      >
        <SelectField
          label={t('healthAdmin.user.service')}
          name="serviceId"
          value={serviceId}
          onValue={setServiceId}
        >
          <option value="">{t('healthAdmin.user.pick')}</option>
          {choices.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name} ({service.organisationName})
            </option>
          ))}
        </SelectField>
        <p class="hint">{t('healthAdmin.user.role')}</p>
        <ErrorText error={set.state.error} />
        <button type="submit" class="primary" disabled={set.state.pending || !serviceId}>
          {set.state.pending ? t('common.working') : t('healthAdmin.user.add')}
        </button>
      </form>
    </section>
  );
}

function ServiceRow({
  userId,
  serviceId,
  name,
  onDone,
}: {
  userId: string;
  serviceId: string;
  name: string;
  onDone(): void;
}) {
  const t = useT();
  const remove = useAct(RemoveServiceMembership);
  return (
    <li class="membership service-membership" data-service-id={serviceId}>
      <p>
        <strong>{name}</strong>: {t('healthAdmin.user.roleName')}
      </p>
      <Confirmed
        label={t('healthAdmin.user.remove')}
        explanation={t('healthAdmin.user.remove.explain', { service: name })}
        yes={t('healthAdmin.user.remove.yes')}
        pending={remove.state.pending}
        danger
        onYes={clicked(async () => {
          const done = await remove.run(() => ({ userId, serviceId }));
          if (done.data) {
            onDone();
          }
        })}
      />
      <ErrorText error={remove.state.error} />
    </li>
  );
}
