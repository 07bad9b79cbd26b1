import type { ComponentChildren } from 'preact';
import { useConsole, useT } from '../../core/context.js';

/**
 * The network's screens are for network coordinators and admins: anyone else who types the
 * address is told so plainly (the API would refuse them the figures anyway).
 */
export function NetworkOnly({ children }: { children: ComponentChildren }) {
  const t = useT();
  const role = useConsole().session.me.value?.networkRole;
  if (role !== 'NETWORK_COORDINATOR' && role !== 'ADMIN') {
    return (
      <p class="notice warning not-for-role" role="alert">
        {t('figures.notForRole')}
      </p>
    );
  }
  return <>{children}</>;
}

/** A shelter's own figures: its coordinator's, or a network role's. */
export function CoordinatorOnly({
  shelterId,
  children,
}: {
  shelterId: string;
  children: ComponentChildren;
}) {
  const t = useT();
  const me = useConsole().session.me.value;
  const role = me?.memberships.find((each) => each.shelterId === shelterId)?.role;
  if (
    role !== 'COORDINATOR' &&
    me?.networkRole !== 'NETWORK_COORDINATOR' &&
    me?.networkRole !== 'ADMIN'
  ) {
    return (
      <p class="notice warning not-for-role" role="alert">
        {t('figures.notForRoleShelter')}
      </p>
    );
  }
  return <>{children}</>;
}
