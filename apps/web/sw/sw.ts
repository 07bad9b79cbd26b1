// The service worker: the page and its assets come from the network when there is one and from
// the cache when not; the last snapshot the page saved (store.ts) answers /availability.json
// offline. Map tiles are left to the browser's own cache. The staff console's page (one page at
// every /console/… address) is kept as last fetched, its assets (/assets/console/…) as fetched,
// so that it opens without a connection after one visit; a new console page from the network
// evicts the console files no longer used (older builds'). GraphQL answers are never cached: they
// are personal, and the console keeps nothing of them in the browser.
const worker = self as unknown as ServiceWorkerGlobalScope;

const SHELL = 'albergue-shell-v1';
const DATA = 'albergue-data-v1';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // Everything the page may load (scripts/web-postbuild.mjs lists the built assets, every
      // language included), so that a reload without network finds it all.
      const assets = (await (
        await fetch('/assets.json', { cache: 'no-store' })
      ).json()) as string[];
      await (await caches.open(SHELL)).addAll(['/', '/config.json', ...assets]);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(worker.clients.claim());
});

async function networkFirst(request: Request, cacheName: string, key: string): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && cacheName === SHELL) {
      await (await caches.open(cacheName)).put(key, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await (await caches.open(cacheName)).match(key);
    if (cached) {
      return cached;
    }
    throw error;
  }
}

const CONSOLE_ASSETS = '/assets/console/';

/**
 * Keeps of the console's files (/assets/console/…, never the public pages') only those the console
 * page `html` uses: those it names, and those named by the kept ones (a script's lazy chunks:
 * languages, the plot), so that each build's files do not pile up forever. A file the page names
 * but that is not kept yet is fetched now, to read what it names in turn.
 */
async function keepOnlyUsedBy(html: string): Promise<void> {
  const cache = await caches.open(SHELL);
  const cached = new Set(
    (await cache.keys())
      .map((request) => new URL(request.url).pathname)
      .filter((path) => path.startsWith(CONSOLE_ASSETS)),
  );
  const named = (text: string) =>
    [...text.matchAll(/[\w-][\w.-]*\.(?:js|css)\b/g)].map((found) => CONSOLE_ASSETS + found[0]);
  const used = new Set<string>();
  const toRead = [...html.matchAll(/\/assets\/console\/([\w.-]+)/g)].map(
    (found) => CONSOLE_ASSETS + found[1],
  );
  while (toRead.length > 0) {
    const path = toRead.pop()!;
    if (used.has(path)) {
      continue;
    }
    used.add(path);
    let response = await cache.match(path);
    if (!response && !cached.has(path) && html.includes(path)) {
      const fetched = await fetch(path);
      if (!fetched.ok) {
        // Not this build's after all (an error page): evict nothing rather than guess.
        return;
      }
      await cache.put(path, fetched.clone());
      response = fetched;
    }
    if (response && path.endsWith('.js')) {
      toRead.push(...named(await response.text()).filter((each) => cached.has(each)));
    }
  }
  await Promise.all(
    [...cached].filter((path) => !used.has(path)).map((path) => cache.delete(path)),
  );
}

/** The console's page: from the network (kept, and older builds' files evicted), or as kept. */
async function consolePage(event: FetchEvent): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const cached = await (await caches.open(SHELL)).match('/console/');
    if (cached) {
      return cached;
    }
    throw error;
  }
  if (response.ok) {
    const page = response.clone();
    const text = response.clone();
    event.waitUntil(
      (async () => {
        await (await caches.open(SHELL)).put('/console/', page);
        await keepOnlyUsedBy(await text.text());
      })().catch(() => undefined),
    );
  }
  return response;
}

// The console's first visit loads before this worker controls the page: the page then names what
// it loaded (its own page and /assets/console/ files only), to be kept as if fetched through here.
worker.addEventListener('message', (event) => {
  const keep = (event.data as { keep?: unknown } | null)?.keep;
  if (!Array.isArray(keep)) {
    return;
  }
  const urls = keep.filter(
    (url): url is string =>
      typeof url === 'string' && (url === '/console/' || /^\/assets\/console\/[\w.-]+$/.test(url)),
  );
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      await Promise.all(
        urls.map(async (url) => {
          if (!(await cache.match(url))) {
            await cache.add(url);
          }
        }),
      );
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== 'GET' ||
    url.origin !== worker.location.origin ||
    url.pathname.startsWith('/graphql') ||
    url.pathname.startsWith('/socket.io')
  ) {
    return;
  }
  if (url.pathname === '/availability.json') {
    event.respondWith(networkFirst(request, DATA, '/availability.json'));
  } else if (request.mode === 'navigate' && url.pathname === '/') {
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (request.mode === 'navigate' && url.pathname.startsWith('/console/')) {
    event.respondWith(consolePage(event));
  } else if (url.pathname === '/config.json') {
    // Not hashed: a changed setting (the console's TIME_ZONE) reaches the next load online.
    event.respondWith(networkFirst(request, SHELL, '/config.json'));
  } else if (url.pathname.startsWith('/assets/')) {
    // Hashed assets never change under one name: the cache first, the network to fill it.
    event.respondWith(
      caches.open(SHELL).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) {
          return cached;
        }
        const response = await fetch(request);
        if (response.ok) {
          await cache.put(request, response.clone());
        }
        return response;
      }),
    );
  }
});

export {};
