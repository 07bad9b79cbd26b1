import { type PopulationName, SERVICES, type ServiceName } from '@albergue/contracts';
import { LANGUAGES, type MessageKey } from '@albergue/i18n';
import { showHttpsNotice } from './https-notice';
import { catalogue as inUse, languageNames, preferredLanguage, t, useLanguage } from './i18n';
import type { Connection } from './live';
import type { MapLayer } from './map-layer';
import type { Point } from './nearest';
import { rank } from './rank';
import { listenForReports } from './report';
import type { HealthService } from './health';
import { ageText, cardHtml, detailHtml, escapeHtml, type View } from './render';
import { Store, type SavedSnapshot } from './store';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const store = new Store();
const filters: {
  group: PopulationName | null;
  service: ServiceName | null;
  from: Point | null;
} = {
  group: null,
  service: null,
  from: null,
};
let connection: Connection = 'reconnecting';
let openId: string | null = null;
/**
 * The public health services near each shelter whose sheet was opened (issue 20), asked for when
 * the sheet opens: 'loading', the list (with when it came), or 'failed' (offline: the sheet says
 * so, with a button to try again). The chunk that asks and writes them is loaded then too.
 */
const health = new Map<string, 'loading' | 'failed' | { services: HealthService[]; at: number }>();
let healthChunk: Promise<typeof import('./health')> | null = null;
/** The chunk once loaded: a list is written in the same pass as its sheet. */
let healthModule: typeof import('./health') | null = null;
/** A list older than this is asked for again when its sheet opens again. */
const HEALTH_FRESH_MS = 5 * 60_000;
/** The map and Leaflet are loaded when the map is first shown: a phone opens on the list. */
let layer: Promise<MapLayer> | null = null;
/** Side by side from here on; on a phone the list comes first and the map is a second view. */
const wide = window.matchMedia('(min-width: 48rem)');

async function fetchSnapshot(cache: RequestCache = 'no-store'): Promise<SavedSnapshot> {
  const response = await fetch('/availability.json', { cache });
  return (await response.json()) as SavedSnapshot;
}

// Asked for before anything else is awaited: the shelters are what the page is for. The page's
// head has already asked (vite.config.ts); a plain request takes that answer.
const firstSnapshot = fetchSnapshot('default');

function view(): View {
  return {
    group: filters.group,
    service: filters.service,
    freshness: { staleAfterMs: store.staleAfterMs, now: store.clock.now() },
  };
}

/** The texts that do not depend on data, in the chosen language. */
function translateShell(): void {
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((element) => {
    element.textContent = t(element.dataset.t as MessageKey);
  });
  document.querySelectorAll<HTMLElement>('[data-t-label]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.tLabel as MessageKey));
  });
  document.title = t('title');
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${value}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  $('service').innerHTML =
    option('', t('finder.anyService'), !filters.service) +
    SERVICES.map((s) => option(s, t(`service.${s}`), filters.service === s)).join('');
}

function renderConnection(): void {
  const element = $('connection');
  element.dataset.state = connection;
  if (connection === 'live' && !store.fromSavedCopy) {
    element.textContent = `● ${t('live')}`;
  } else if (connection === 'offline' || store.fromSavedCopy) {
    element.textContent = t('offline', { age: ageText(store.lastServerTime, store.clock.now()) });
  } else {
    element.textContent = t('reconnecting');
  }
}

/**
 * The answer first: shelters with space for the group, nearest first when the person gave a
 * point; said plainly when there are none, or only a few places; then the others.
 */
function renderLists(): void {
  const current = view();
  const { space, others } = rank(store.shelters.values(), current, filters.from);
  $('answer-title').textContent = t(filters.from ? 'finder.nearest' : 'finder.space');
  $('status').textContent = t('count', { n: space.length });
  const note = $('answer-note');
  note.textContent =
    space.length === 0
      ? t(filters.group ? 'nearest.none' : 'finder.none')
      : space.every((entry) => entry.band === 'FEW')
        ? t('finder.fewOnly')
        : '';
  note.hidden = note.textContent === '';
  $('answer').innerHTML = space.map((entry) => cardHtml(entry, current)).join('');
  $('others-title').hidden = others.length === 0;
  $('others').innerHTML = others.map((entry) => cardHtml(entry, current)).join('');
}

function renderMap(): void {
  void layer?.then((map) => map.show(store.shelters.values(), view()));
}

function renderAll(): void {
  renderLists();
  renderMap();
  renderDetail();
  renderConnection();
}

function renderDetail(): void {
  const sheet = $('detail');
  const shelter = openId ? store.shelters.get(openId) : undefined;
  if (!shelter) {
    sheet.hidden = true;
    return;
  }
  // The list goes in with the sheet, so that redrawing the sheet (every 30 s, on new figures) does
  // not make its live region speak again; only a change of state does (renderHealth).
  sheet.innerHTML = detailHtml(shelter, view(), healthInner());
  sheet.hidden = false;
}

/** The open sheet's health services, in the language chosen now ('' before they are asked for). */
function healthInner(): string {
  const state = openId ? health.get(openId) : undefined;
  if (!state) {
    return '';
  }
  if (state === 'loading') {
    return `<p class="note">${escapeHtml(t('health.loading'))}</p>`;
  }
  if (state === 'failed' || !healthModule) {
    return `<p class="note">${escapeHtml(t('health.failed'))}</p><button type="button" id="health-retry">${escapeHtml(t('health.retry'))}</button>`;
  }
  return healthModule.healthListHtml(inUse(), state.services, store.clock.now(), t('health.none'));
}

/** A change of the list's state, told once by its live region. */
function renderHealth(): void {
  const list = document.getElementById('health-list');
  if (list) {
    list.innerHTML = healthInner();
  }
}

/** Asks when a sheet opens, unless a recent list is there; near the shelter's public point. */
function loadHealth(id: string): void {
  const shelter = store.shelters.get(id);
  const known = health.get(id);
  if (
    !shelter ||
    known === 'loading' ||
    (typeof known === 'object' && store.clock.now() - known.at < HEALTH_FRESH_MS)
  ) {
    return;
  }
  health.set(id, 'loading');
  renderHealth();
  const chunk = (healthChunk ??= import('./health'));
  // Offline before the chunk was ever saved: load it again on the next try.
  chunk.catch(() => {
    healthChunk = null;
  });
  const { lat, lng } = shelter.location;
  chunk
    .then((module) => {
      healthModule = module;
      return module.loadNear({ lat, lng });
    })
    .then(
      (services) => health.set(id, { services, at: store.clock.now() }),
      () => health.set(id, 'failed'),
    )
    .finally(() => {
      if (openId === id) {
        renderHealth();
      }
    });
}

/** The sheet opens on the shelter's name: read first, and in view. */
function openDetail(id: string): void {
  openId = id;
  renderDetail();
  loadHealth(id);
  $('detail').scrollTop = 0;
  $('detail-name')?.focus();
}

function closeDetail(): void {
  const id = openId;
  openId = null;
  renderDetail();
  document.querySelector<HTMLElement>(`.cards .open[data-shelter-id="${id}"]`)?.focus();
}

function showMap(): Promise<MapLayer> {
  layer ??= Promise.all([
    import('./map-layer'),
    fetch('/config.json').then(
      (r) => r.json() as Promise<{ tileUrl: string; tileAttribution: string }>,
    ),
  ]).then(([{ MapLayer }, config]) => {
    const map = new MapLayer($('map'), config, openDetail, pickOnMap, $('map-notice'));
    map.fit([...store.shelters.values()].map((shelter) => shelter.location));
    if (filters.from) {
      map.mark(filters.from);
    }
    map.show(store.shelters.values(), view());
    return map;
  });
  layer.catch(() => {
    // Offline before the map's chunk was ever saved: try again when asked again.
    layer = null;
  });
  return layer;
}

function showView(which: 'list' | 'map'): void {
  document.querySelector('main')!.dataset.view = which;
  $('show-list').setAttribute('aria-pressed', String(which === 'list'));
  $('show-map').setAttribute('aria-pressed', String(which === 'map'));
  if (which === 'map') {
    document.querySelector('.views')!.scrollIntoView();
    void showMap().then((map) => map.resize());
  } else {
    window.scrollTo(0, 0);
  }
}

function locate(point: Point): void {
  filters.from = point;
  renderLists();
  void layer?.then((map) => map.mark(point));
}

/** A tap where the person is: on a phone, back to the list, which now starts with the nearest. */
function pickOnMap(point: Point): void {
  locate(point);
  if (!wide.matches) {
    showView('list');
  }
}

function chooseGroup(group: PopulationName | null): void {
  filters.group = group;
  document.querySelectorAll<HTMLElement>('[data-group]').forEach((button) => {
    button.setAttribute('aria-pressed', String((button.dataset.group || null) === group));
  });
  renderAll();
}

async function switchLanguage(code: string): Promise<void> {
  await useLanguage(code);
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  history.replaceState(null, '', url);
  translateShell();
  renderAll();
}

/** The switcher names each language in itself; all names need every catalogue, so after the list. */
async function fillLanguages(current: { code: string; name: string }): Promise<void> {
  const option = (code: string, name: string) =>
    `<option value="${code}" lang="${code}"${code === current.code ? ' selected' : ''}>${escapeHtml(name)}</option>`;
  $('language').innerHTML = option(current.code, current.name);
  const names = await languageNames();
  $('language').innerHTML = LANGUAGES.map((code) => option(code, names.get(code) ?? code)).join('');
}

async function loadSnapshot(): Promise<void> {
  store.load(await fetchSnapshot());
}

function listen(): void {
  $('language').addEventListener('change', (event) => {
    void switchLanguage((event.target as HTMLSelectElement).value);
  });
  document.querySelectorAll<HTMLElement>('[data-group]').forEach((button) => {
    button.addEventListener('click', () =>
      chooseGroup((button.dataset.group || null) as PopulationName | null),
    );
  });
  $('service').addEventListener('change', (event) => {
    filters.service = ((event.target as HTMLSelectElement).value || null) as ServiceName | null;
    renderAll();
  });
  $('show-list').addEventListener('click', () => showView('list'));
  $('show-map').addEventListener('click', () => showView('map'));
  wide.addEventListener('change', () => {
    if (wide.matches) {
      void showMap().then((map) => map.resize());
    }
  });
  $('locate').addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = { lat: position.coords.latitude, lng: position.coords.longitude };
        locate(point);
        void layer?.then((map) => map.focus(point));
      },
      () => {
        $('locate-note').textContent = t('nearest.denied');
      },
      { maximumAge: 60_000, timeout: 15_000 },
    );
  });
  document.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    const opener = target.closest<HTMLElement>('.open');
    if (opener?.dataset.shelterId) {
      openDetail(opener.dataset.shelterId);
    } else if (target.id === 'detail-close') {
      closeDetail();
    } else if (target.id === 'health-retry' && openId) {
      loadHealth(openId);
    }
  });
  listenForReports(renderDetail);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openId) {
      closeDetail();
    }
  });
}

async function start(): Promise<void> {
  const catalogue = await useLanguage(preferredLanguage());
  showHttpsNotice();
  translateShell();
  listen();
  store.load(await firstSnapshot);
  renderAll();
  store.onChange((changed) => {
    renderLists();
    renderMap();
    if (openId && changed.some((s) => s.id === openId)) {
      renderDetail();
    }
    renderConnection();
  });
  // What is not needed to read the list comes after it: the service worker (its install
  // downloads every asset for offline use), the map where the screen is wide enough, the other
  // languages' names, and live updates (socket.io is a chunk of its own).
  if ('serviceWorker' in navigator) {
    void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  }
  if (wide.matches) {
    void showMap();
  }
  void fillLanguages(catalogue);
  const { connectLive } = await import('./live');
  connectLive(store, loadSnapshot, (state) => {
    connection = state;
    renderConnection();
  });
  // Ages move with time even when nothing changes.
  window.setInterval(renderAll, 30_000);
}

start().catch(() => {
  let message = 'No se pudo cargar la información. Intente de nuevo.';
  try {
    message = t('loadFailed');
  } catch {
    // The catalogue itself did not load: Spanish, as written above.
  }
  $('status').textContent = message;
});
