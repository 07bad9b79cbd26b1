import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../core/context.js';

/**
 * Screens in a chunk of their own (`load` is `() => import('…')`), fetched when one of them is
 * first opened: a volunteer's first view does not carry the network's and the administration's
 * screens. The component it gives renders one of them, `render(screens)`, once the chunk is
 * there (at once after the first time); without a connection it says so, as any screen that
 * cannot reach the server does.
 */
export function lazyScreens<Screens>(load: () => Promise<Screens>) {
  let loaded: Screens | undefined;
  return function LazyScreen({ render }: { render(screens: Screens): ComponentChild }) {
    const t = useT();
    const [screens, setScreens] = useState(loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (screens) {
        return undefined;
      }
      let gone = false;
      load().then(
        (module) => {
          loaded = module;
          if (!gone) {
            setScreens(module);
          }
        },
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
  };
}
