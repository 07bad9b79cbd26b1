import { boroughByCode } from '@albergue/contracts';
import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { Age } from '../../ui/age.js';
import { ErrorText } from '../../ui/error-text.js';
import { type AdminHealthService, AdminHealthServicesQuery } from './documents.js';

/**
 * The health services directory (issue 20, item 1), for admins: every service with its category,
 * its capacity now in words and how old that is, and whether it is public, sensitive or closed,
 * each said in words; the way to its edit, and to a new one.
 */
export function AdminHealthServiceList() {
  const t = useT();
  const { router } = useConsole();
  const [result] = useQuery({
    query: AdminHealthServicesQuery,
    requestPolicy: 'cache-and-network',
  });
  const services = result.data?.healthServices;
  return (
    <section class="admin-setup health-admin" aria-labelledby="health-services-title">
      <h1 id="health-services-title">{t('healthAdmin.title')}</h1>
      <p class="hint">{t('healthAdmin.intro')}</p>
      <p>
        <a class="button primary" href={router.href('/admin/health-services/new')}>
          {t('healthAdmin.new')}
        </a>
      </p>
      {!services ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : services.length === 0 ? (
        <p class="hint">{t('healthAdmin.none')}</p>
      ) : (
        <ul class="admin-list health-services">
          {[...services]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((service) => (
              <ServiceRow key={service.id} service={service} />
            ))}
        </ul>
      )}
    </section>
  );
}

function ServiceRow({ service }: { service: AdminHealthService }) {
  const t = useT();
  const { router } = useConsole();
  const area = service.boroughCode
    ? (boroughByCode(service.boroughCode)?.name ?? service.boroughCode)
    : null;
  return (
    <li data-service={service.id} class={service.active ? undefined : 'inactive'}>
      <p>
        <strong>{service.name}</strong>
      </p>
      <p class="hint">
        {[service.organisationName, t(`referral.serviceKind.${service.category}`), area]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <Capacity capacity={service.capacity} />
      <ul class="service-flags">
        <li class="flag-public">
          {t(service.public ? 'healthAdmin.flag.public' : 'healthAdmin.flag.notPublic')}
        </li>
        {service.sensitive && <li class="flag-sensitive">{t('healthAdmin.flag.sensitive')}</li>}
        {!service.active && <li class="flag-inactive">{t('healthAdmin.flag.inactive')}</li>}
      </ul>
      <p class="links">
        <a href={router.href(`/admin/health-services/${service.id}/edit`)}>
          {t('healthAdmin.edit')}
          <span class="sr-only">: {service.name}</span>
        </a>
      </p>
    </li>
  );
}

/** The service's capacity now, in words, and when its staff last said so. */
export function Capacity({ capacity }: { capacity: AdminHealthService['capacity'] }) {
  const t = useT();
  return (
    <p class={`service-capacity capacity-${capacity.status.toLowerCase()}`}>
      <strong>
        {capacity.status === 'WAITLIST' && capacity.waitDays !== null
          ? t('healthAdmin.capacity.waitlistDays', { n: capacity.waitDays })
          : t(`referral.capacity.${capacity.status}`)}
      </strong>{' '}
      {capacity.reportedAt ? (
        <>
          {capacity.stale && <span>{t('healthAdmin.capacity.stale')} </span>}
          <Age updatedAt={capacity.reportedAt} />
        </>
      ) : (
        <span>{t('healthAdmin.capacity.never')}</span>
      )}
    </p>
  );
}
