import { useConsole, useT } from '../core/context.js';

/**
 * What a screen's address shows someone it is not for (routes.tsx says who each is for): plainly
 * that, and the way home, instead of a screen of refusals (the API would refuse them anyway).
 * Shown before any of the screen's code or queries run.
 */
export function NotForRole() {
  const t = useT();
  const { router } = useConsole();
  return (
    <p class="notice warning not-for-role" role="alert">
      {t('app.notForRole')} <a href={router.href('/')}>{t('nav.shelters')}</a>
    </p>
  );
}
