import { useQuery } from '@urql/preact';
import { useConsole, useT } from '../../core/context.js';
import { actError } from '../../graphql/errors.js';
import { ErrorText } from '../../ui/error-text.js';
import { MyHealthServices } from './service-documents.js';

/**
 * The health services whose staff this person is (issue 20), each a way into its inbox, with its
 * capacity as those who refer read it now. Shown on the console's home beside the shelters.
 */
export function MyServices({ heading }: { heading: 'h1' | 'h2' }) {
  const t = useT();
  const { router } = useConsole();
  const [result] = useQuery({ query: MyHealthServices, variables: {} });
  const Heading = heading;
  const services = result.data?.myHealthServices;
  return (
    <section aria-labelledby="services-title" class="my-services">
      <Heading id="services-title">{t('inbox.myServices')}</Heading>
      {!services ? (
        result.error ? (
          <ErrorText error={actError(result.error)} />
        ) : (
          <p>{t('app.loading')}</p>
        )
      ) : (
        <ul class="cards">
          {services.map((service) => (
            <li key={service.id}>
              <a class="card-link" href={router.href(`/services/${service.id}`)}>
                <strong>{service.name}</strong>
                <span>{service.organisationName}</span>
                <span>
                  {t('inbox.capacity.nowIs', {
                    status: t(`referral.capacity.${service.capacity.status}`),
                  })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
