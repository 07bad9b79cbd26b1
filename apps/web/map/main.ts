import {
  bandFor,
  offersSpace,
  POPULATIONS,
  type PopulationName,
  type PublicShelter as Shelter,
  SERVICES,
  type ServiceName,
} from '@albergue/contracts';
import { LANGUAGES, type MessageKey } from '@albergue/i18n';
import { showHttpsNotice } from './https-notice';
import { languageNames, preferredLanguage, t, useLanguage } from './i18n';
import { connectLive, type Connection } from './live';
import { MapLayer } from './map-layer';
import { nearest, type Point } from './nearest';
import { listenForReports } from './report';
import { ageText, BAND_ORDER, detailHtml, escapeHtml, summaryHtml, type View } from './render';
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
let layer: MapLayer;

function view(): View {
  return {
    group: filters.group,
    service: filters.service,
    freshness: { staleAfterMs: store.staleAfterMs, now: store.clock.now() },
  };
}

function fits(shelter: Shelter): boolean {
  return (
    (!filters.group || shelter.populations.includes(filters.group)) &&
    (!filters.service || shelter.services.includes(filters.service))
  );
}

function hasSpace(shelter: Shelter, current: View): boolean {
  return offersSpace(bandFor(shelter, current.group, current.freshness));
}

/** The texts that do not depend on data, in the chosen language. */
function translateShell(): void {
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((element) => {
    element.textContent = t(element.dataset.t as MessageKey);
  });
  document.title = t('title');
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${value}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  $('group').innerHTML =
    option('', t('group.any'), !filters.group) +
    POPULATIONS.map((g) => option(g, t(`group.${g}`), filters.group === g)).join('');
  $('service').innerHTML =
    option('', t('service.any'), !filters.service) +
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

function renderList(): void {
  const current = view();
  const shown = [...store.shelters.values()].filter(fits);
  const ordered = filters.from
    ? nearest(shown, filters.from, () => true)
    : shown
        .sort(
          (a, b) =>
            BAND_ORDER.indexOf(bandFor(a, current.group, current.freshness)) -
              BAND_ORDER.indexOf(bandFor(b, current.group, current.freshness)) ||
            a.name.localeCompare(b.name),
        )
        .map((shelter) => ({ shelter, km: null }));
  $('list').innerHTML = ordered
    .map(
      ({ shelter, km }) =>
        `<li data-shelter-id="${shelter.id}">${summaryHtml(shelter, current, km)}</li>`,
    )
    .join('');
  $('status').textContent = t('count', { n: ordered.length });
  renderNearest(current);
}

function renderNearest(current: View): void {
  const target = $('nearest');
  if (!filters.from) {
    target.innerHTML = '';
    return;
  }
  const [best] = nearest(
    [...store.shelters.values()],
    filters.from,
    (s) => fits(s) && hasSpace(s, current),
  );
  target.innerHTML = best
    ? summaryHtml(best.shelter, current, best.km)
    : `<p>${escapeHtml(t('nearest.none'))}</p>`;
}

function renderAll(): void {
  const current = view();
  for (const shelter of store.shelters.values()) {
    layer.show(shelter, current);
  }
  renderList();
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
  sheet.innerHTML = detailHtml(shelter, view());
  sheet.hidden = false;
}

function openDetail(id: string): void {
  openId = id;
  renderDetail();
  $('detail-close')?.focus();
}

function closeDetail(): void {
  const id = openId;
  openId = null;
  renderDetail();
  document.querySelector<HTMLElement>(`#list [data-shelter-id="${id}"] .open`)?.focus();
}

function pick(point: Point): void {
  filters.from = point;
  layer.mark(point);
  renderList();
}

async function switchLanguage(code: string): Promise<void> {
  await useLanguage(code);
  const url = new URL(location.href);
  url.searchParams.set('lang', code);
  history.replaceState(null, '', url);
  translateShell();
  renderAll();
}

async function loadSnapshot(): Promise<void> {
  const response = await fetch('/availability.json', { cache: 'no-store' });
  store.load((await response.json()) as SavedSnapshot);
}

async function start(): Promise<void> {
  await useLanguage(preferredLanguage());
  showHttpsNotice();
  translateShell();
  const names = await languageNames();
  $('language').innerHTML = LANGUAGES.map(
    (code) =>
      `<option value="${code}" lang="${code}"${code === document.documentElement.lang ? ' selected' : ''}>${escapeHtml(names.get(code) ?? code)}</option>`,
  ).join('');
  const config = (await fetch('/config.json').then((r) => r.json())) as {
    tileUrl: string;
    tileAttribution: string;
  };
  layer = new MapLayer($('map'), config, openDetail, pick);
  store.onChange((changed) => {
    const current = view();
    changed.forEach((shelter) => layer.show(shelter, current));
    renderList();
    if (openId && changed.some((s) => s.id === openId)) {
      renderDetail();
    }
    renderConnection();
  });
  await loadSnapshot();
  layer.fit([...store.shelters.values()].map((shelter) => shelter.location));
  renderAll();
  connectLive(store, loadSnapshot, (state) => {
    connection = state;
    renderConnection();
  });

  $('language').addEventListener('change', (event) => {
    void switchLanguage((event.target as HTMLSelectElement).value);
  });
  $('group').addEventListener('change', (event) => {
    filters.group = ((event.target as HTMLSelectElement).value || null) as PopulationName | null;
    renderAll();
  });
  $('service').addEventListener('change', (event) => {
    filters.service = ((event.target as HTMLSelectElement).value || null) as ServiceName | null;
    renderAll();
  });
  $('locate').addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = { lat: position.coords.latitude, lng: position.coords.longitude };
        pick(point);
        layer.focus(point);
      },
      () => {
        $('nearest').innerHTML = `<p>${escapeHtml(t('nearest.denied'))}</p>`;
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
    }
  });
  listenForReports(renderDetail);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && openId) {
      closeDetail();
    }
  });
  // Ages move with time even when nothing changes.
  window.setInterval(renderAll, 30_000);
}

if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
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
