import { useState } from 'preact/hooks';
import { useConsole, useT } from '../../core/context.js';
import type { ActError } from '../../graphql/errors.js';
import { clicked } from '../../ui/handlers.js';

/**
 * Signing out: an empty offline queue is cleared from the device first; one that still holds
 * acts makes the console say so and ask: keep them (sealed, for this person's next sign-in on
 * this device; lost on plain http), discard them, or stay.
 */
export function SignOut() {
  const t = useT();
  const { session, offline } = useConsole();
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<ActError>();
  const queue = offline.value;
  const count = queue?.items.value.length ?? 0;
  const leave = async (discard: boolean) => {
    if (queue && (discard || queue.items.value.length === 0)) {
      await queue.clear();
    }
    setFailed(await session.signOut());
  };
  return (
    <>
      <button
        type="button"
        class="link"
        onClick={clicked(async () => {
          if (count > 0) {
            setAsking(true);
            return;
          }
          await leave(false);
        })}
      >
        {t('nav.signOut')}
      </button>
      {failed && (
        <p class="notice error sign-out-failed" role="alert">
          {t('nav.signOutFailed')}
        </p>
      )}
      {asking && (
        <div class="sign-out-ask notice warning" role="alertdialog" aria-labelledby="sign-out-ask">
          <p id="sign-out-ask">
            {t(queue?.lasting ? 'offline.signOut.ask' : 'offline.signOut.askMemory', { n: count })}
          </p>
          <div class="actions">
            <button type="button" onClick={() => setAsking(false)}>
              {t('offline.signOut.stay')}
            </button>
            {queue?.lasting && (
              <button type="button" class="keep" onClick={clicked(() => leave(false))}>
                {t('offline.signOut.keep')}
              </button>
            )}
            <button type="button" class="discard" onClick={clicked(() => leave(true))}>
              {t('offline.signOut.discard')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
