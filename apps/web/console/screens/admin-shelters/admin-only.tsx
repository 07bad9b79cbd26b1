import type { ComponentChildren } from 'preact';
import { useConsole, useT } from '../../core/context.js';

/**
 * An admin's screen: anyone else who types its address reads plainly that it is not for their
 * role (the API would refuse them anyway; this spares them a screen of refusals).
 */
export function AdminOnly({ children }: { children: ComponentChildren }) {
  const t = useT();
  const { session, router } = useConsole();
  if (session.me.value?.networkRole !== 'ADMIN') {
    return (
      <p class="notice warning" role="alert">
        {t('setup.notForRole')} <a href={router.href('/')}>{t('nav.shelters')}</a>
      </p>
    );
  }
  return <>{children}</>;
}
