import { signal } from '@preact/signals';
import { Provider } from '@urql/preact';
import { render } from 'preact';
import { App } from './app.js';
import { ConsoleContext, type ConsoleServices } from './core/context.js';
import type { Live } from './core/live.js';
import { applyLanguage, loadLanguage, preferredLanguage, storedLanguage } from './core/language.js';
import { createRouter } from './core/router.js';
import { createSession } from './core/session.js';
import { createClient } from './graphql/client.js';
import './console.css';

async function start(): Promise<void> {
  const language = signal(
    await loadLanguage(preferredLanguage(location.search, storedLanguage(), navigator.languages)),
  );
  applyLanguage(language.value);
  const session = createSession(() => client);
  const client = createClient(() => session.expired());
  const services: ConsoleServices = {
    client,
    router: createRouter(),
    session,
    language,
    async setLanguage(code) {
      language.value = await loadLanguage(code);
      applyLanguage(language.value);
    },
    live: signal<Live | null>(null),
  };
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

void start();
