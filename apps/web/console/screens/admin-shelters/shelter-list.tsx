import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { AdminSheltersQuery } from './documents.js';

/** Every shelter of the network, each with the way to its edit and its rooms and beds. */
export function AdminShelterList() {
  const t = useT();
  const { router } = useConsole();
  const [result] = useQuery({ query: AdminSheltersQuery, requestPolicy: 'cache-and-network' });
  const shelters = result.data?.shelters;
  return (
    <section class="admin-setup" aria-labelledby="admin-shelters-title">
      <h1 id="admin-shelters-title">{t('setup.shelters.title')}</h1>
      <p>
        <a class="button primary" href={router.href('/admin/shelters/new')}>
          {t('setup.shelters.new')}
        </a>
      </p>
      {!shelters ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : shelters.length === 0 ? (
        <p class="hint">{t('setup.shelters.none')}</p>
      ) : (
        <ul class="admin-list">
          {shelters.map((shelter) => (
            <li key={shelter.id} data-shelter={shelter.id}>
              <p>
                <strong>{shelter.name}</strong>
              </p>
              <p class="hint">
                {[
                  shelter.organisation.name,
                  shelter.address.borough,
                  t(`setup.status.${shelter.status}`),
                  t(`setup.mode.${shelter.trackingMode}`),
                  shelter.sensitive ? t('setup.sensitive.short') : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="links">
                <a href={router.href(`/admin/shelters/${shelter.id}/edit`)}>
                  {t('setup.shelters.edit')}
                  <span class="sr-only">: {shelter.name}</span>
                </a>
                <a href={router.href(`/admin/shelters/${shelter.id}/setup`)}>
                  {t('setup.shelters.setup')}
                  <span class="sr-only">: {shelter.name}</span>
                </a>
                <a href={router.href(`/shelters/${shelter.id}/visits`)}>
                  {t('follow.visits.nav')}
                  <span class="sr-only">: {shelter.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
