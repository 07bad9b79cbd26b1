import { useEffect } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { NETWORK_SECTIONS } from '../../core/sections.js';
import { MyServices } from '../services/my-services.js';

/**
 * The shelters this person works in, each a way in; one shelter goes straight to it. The staff
 * of health services (issue 20) find their services here too; staff of one service and no
 * shelter go straight to its inbox.
 */
export function MyShelters() {
  const t = useT();
  const { session, router } = useConsole();
  const memberships = session.me.value?.memberships ?? [];
  const networkRole = session.me.value?.networkRole;
  const serviceIds = session.me.value?.serviceIds ?? [];
  const only =
    memberships.length === 1 && !networkRole && serviceIds.length === 0 ? memberships[0] : null;
  const onlyService =
    memberships.length === 0 && !networkRole && serviceIds.length === 1 ? serviceIds[0] : null;
  // A network role who works in no shelter lands on the network view (issue 19).
  const network =
    memberships.length === 0 &&
    !!networkRole &&
    NETWORK_SECTIONS.some(
      (section) => section.path === '/network' && section.roles.includes(networkRole),
    );
  useEffect(() => {
    if (only) {
      router.navigate(`/shelters/${only.shelterId}`, { replace: true });
    } else if (onlyService) {
      router.navigate(`/services/${onlyService}`, { replace: true });
    } else if (network) {
      router.navigate('/network', { replace: true });
    }
  }, [only?.shelterId, onlyService, network]);
  // Service staff who work in no shelter are not told they have none.
  const shelters = memberships.length > 0 || serviceIds.length === 0;
  return (
    <>
      {shelters && (
        <section aria-labelledby="shelters-title">
          <h1 id="shelters-title">{t('shelters.title')}</h1>
          {memberships.length === 0 ? (
            <p>{t('shelters.none')}</p>
          ) : (
            <ul class="cards">
              {memberships.map((membership) => (
                <li key={membership.shelterId}>
                  <a class="card-link" href={router.href(`/shelters/${membership.shelterId}`)}>
                    <strong>{membership.shelterName}</strong>
                    <span>{t(`role.${membership.role}`)}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {serviceIds.length > 0 && <MyServices heading={shelters ? 'h2' : 'h1'} />}
    </>
  );
}
