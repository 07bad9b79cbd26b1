import { useEffect, useRef } from 'preact/hooks';
import { useConsole, useT } from './core/context.js';
import { connectStaff } from './core/live.js';
import type { OfflineQueue } from './core/offline/queue.js';
import { startOffline } from './core/offline/start.js';
import { match } from './core/router.js';
import { mayOpen } from './core/sections.js';
import { SCREENS } from './routes.js';
import { SignIn } from './screens/session/sign-in.js';
import { ResetPasswordForm, SetupForm } from './screens/session/token-forms.js';
import { LanguagePicker, Shell } from './shell.js';
import { NotForRole } from './ui/not-for-role.js';

/** Screens anyone may open, signed in or not. */
const OPEN_SCREENS: Record<string, () => preact.ComponentChild> = {
  '/reset': () => <ResetPasswordForm />,
  '/setup': () => <SetupForm />,
};

export function App() {
  const t = useT();
  const services = useConsole();
  const { session, router, live, offline } = services;
  const state = session.state.value;
  const path = router.path.value;

  // The staff socket lives as long as a working session; the sign-in after an ended one
  // connects it again.
  const working = state === 'signedIn' && !session.ended.value;
  useEffect(() => {
    if (!working) {
      return undefined;
    }
    const socket = connectStaff(() => session.expired());
    live.value = socket;
    return () => {
      socket.close();
      live.value = null;
    };
  }, [working]);

  // The user's offline queue, as long as they are signed in (an ended session keeps it: the same
  // person signs in again over it). Its key comes from the server: without a connection it is
  // asked again when the connection returns. Waiting acts are sent on every way back online.
  const userId = state === 'signedIn' ? session.me.value?.id : undefined;
  const reconnected = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    if (!userId) {
      return undefined;
    }
    let stopped = false;
    let queue: OfflineQueue | null = null;
    let starting = false;
    const begin = async () => {
      if (starting) {
        return;
      }
      starting = true;
      const started = await startOffline(services.client, userId).catch(() => null);
      starting = false;
      if (stopped || !started) {
        return;
      }
      queue = started;
      offline.value = started;
      if (navigator.onLine) {
        await started.replay();
      }
    };
    // Back online, or the staff socket (re)connected: a queue that could not start starts now.
    const online = () => void (queue ? queue.replay() : begin());
    reconnected.current = online;
    addEventListener('online', online);
    void begin();
    return () => {
      stopped = true;
      removeEventListener('online', online);
      reconnected.current = undefined;
      offline.value = null;
    };
  }, [userId]);
  const connections = live.value?.connections.value ?? 0;
  useEffect(() => {
    if (connections > 0) {
      reconnected.current?.();
    }
  }, [connections]);

  // A new screen takes the focus, as a page load would: a keyboard or screen reader user starts
  // at its top, not on the link that led there.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) {
      document.getElementById('content')?.focus();
    }
    moved.current = true;
  }, [path]);

  // Links inside the console move between screens without a page load.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const anchor = (event.target as Element).closest?.('a');
      if (
        !anchor ||
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        anchor.target ||
        anchor.origin !== location.origin ||
        !anchor.pathname.startsWith('/console')
      ) {
        return;
      }
      event.preventDefault();
      router.navigate(anchor.pathname.slice('/console'.length) || '/');
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const open = OPEN_SCREENS[path];
  if (open) {
    return <Framed>{open()}</Framed>;
  }
  if (state === 'checking') {
    return <p class="loading">{t('app.loading')}</p>;
  }
  if (state === 'unreachable') {
    return (
      <Framed>
        <p class="notice warning" role="status">
          {t('offline.unreachable')}
        </p>
      </Framed>
    );
  }
  // Signing in again over an ended session, second factor included, happens over the screen,
  // which stays as it was (typing included) underneath.
  const resuming = session.ended.value && (state === 'signedIn' || state === 'secondFactor');
  if (state !== 'signedIn' && !resuming) {
    return (
      <Framed>
        <SignIn />
      </Framed>
    );
  }
  const screen = SCREENS.map((each) => ({ each, params: match(each.pattern, path) })).find(
    (found) => found.params,
  );
  // Who a screen is for is the route table's to say: anyone else reads so, and none of the
  // screen's code is fetched nor its queries sent.
  const shown = !screen ? (
    <NotFound />
  ) : mayOpen(screen.each, session.me.value, screen.params!) ? (
    screen.each.render(screen.params!)
  ) : (
    <NotForRole />
  );
  return (
    <>
      <div inert={session.ended.value} aria-hidden={session.ended.value}>
        <Shell>{shown}</Shell>
      </div>
      {session.ended.value && (
        <div class="overlay" role="dialog" aria-modal="true" aria-label={t('signIn.title')}>
          <SignIn ended />
        </div>
      )}
    </>
  );
}

/** A screen outside the shell (sign-in, token forms): the language switch only. */
function Framed({ children }: { children: preact.ComponentChildren }) {
  return (
    <>
      <header class="top">
        <LanguagePicker />
      </header>
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

function NotFound() {
  const t = useT();
  const { router } = useConsole();
  return (
    <p class="notice warning" role="alert">
      {t('error.NOT_FOUND')} <a href={router.href('/')}>{t('nav.shelters')}</a>
    </p>
  );
}
