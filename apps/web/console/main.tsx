import { signal } from '@preact/signals';
import { Provider } from '@urql/preact';
import { render } from 'preact';
import { App } from './app.js';
import { ConsoleContext, type ConsoleServices } from './core/context.js';
import type { Live } from './core/live.js';
import type { OfflineQueue } from './core/offline/queue.js';
import { applyLanguage, loadLanguage, preferredLanguage, storedLanguage } from './core/language.js';
import { createRouter } from './core/router.js';
import { createSession } from './core/session.js';
import { serverTimeZone } from './core/time-zone.js';
import { createClient } from './graphql/client.js';
import './console.css';

async function start(): Promise<void> {
  const [first, timeZone] = await Promise.all([
    loadLanguage(preferredLanguage(location.search, storedLanguage(), navigator.languages)),
    serverTimeZone(),
  ]);
  const language = signal(first);
  applyLanguage(language.value);
  const session = createSession(() => client);
  const client = createClient(() => session.expired());
  const services: ConsoleServices = {
    client,
    router: createRouter(),
    session,
    language,
    timeZone,
    async setLanguage(code) {
      language.value = await loadLanguage(code);
      applyLanguage(language.value);
    },
    live: signal<Live | null>(null),
    offline: signal<OfflineQueue | null>(null),
  };
  // The page and its assets load without a connection after one visit (sw.ts); never /graphql.
  if ('serviceWorker' in navigator) {
    void keepForOffline(navigator.serviceWorker).catch(() => undefined);
  }
  render(
    <ConsoleContext.Provider value={services}>
      <Provider value={client}>
        <App />
      </Provider>
    </ConsoleContext.Provider>,
    document.getElementById('console')!,
  );
  await session.refresh();
}

/**
 * Registers the service worker (sw.ts), and tells it the page and the console files this load
 * fetched before it controlled the page, so that the next load works without a connection.
 */
async function keepForOffline(container: ServiceWorkerContainer): Promise<void> {
  await container.register('/sw.js');
  const ready = await container.ready;
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/assets/console/'));
  ready.active?.postMessage({ keep: ['/console/', ...new Set(files)] });
}

void start();
