import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../core/context.js';

type Screens = typeof import('./screens.js');

/**
 * Renders one of the administration screens once their chunk is loaded (the first time only;
 * the browser keeps it). Without a connection it says so, as any screen that cannot reach the
 * server does.
 */
export function AdminScreen({ render }: { render(screens: Screens): ComponentChild }) {
  const t = useT();
  const [screens, setScreens] = useState<Screens>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let gone = false;
    import('./screens.js').then(
      (loaded) => !gone && setScreens(loaded),
      () => !gone && setFailed(true),
    );
    return () => {
      gone = true;
    };
  }, []);
  if (failed) {
    return (
      <p class="notice warning" role="alert">
        {t('error.network')}
      </p>
    );
  }
  return screens ? <>{render(screens)}</> : <p>{t('app.loading')}</p>;
}
