import { useEffect } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';

/** The shelters this person works in, each a way in; one shelter goes straight to it. */
export function MyShelters() {
  const t = useT();
  const { session, router } = useConsole();
  const memberships = session.me.value?.memberships ?? [];
  const only = memberships.length === 1 && !session.me.value?.networkRole ? memberships[0] : null;
  useEffect(() => {
    if (only) {
      router.navigate(`/shelters/${only.shelterId}`, { replace: true });
    }
  }, [only?.shelterId]);
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
