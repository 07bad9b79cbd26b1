// The service worker: the page and its assets come from the network when there is one and from
// the cache when not; the last snapshot the page saved (store.ts) answers /availability.json
// offline. Map tiles are left to the browser's own cache. The staff console's page (one page at
// every /console/… address) is kept as last fetched, its assets (/assets/console/…) as fetched,
// so that it opens without a connection after one visit. GraphQL answers are never cached: they
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
    event.respondWith(networkFirst(request, SHELL, '/console/'));
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
