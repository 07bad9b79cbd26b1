import { useEffect } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import { NETWORK_SECTIONS } from '../../core/sections.js';

/** The shelters this person works in, each a way in; one shelter goes straight to it. */
export function MyShelters() {
  const t = useT();
  const { session, router } = useConsole();
  const memberships = session.me.value?.memberships ?? [];
  const networkRole = session.me.value?.networkRole;
  const only = memberships.length === 1 && !networkRole ? memberships[0] : null;
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
    } else if (network) {
      router.navigate('/network', { replace: true });
    }
  }, [only?.shelterId, network]);
  return (
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
  );
}
