import { randomUUID } from 'node:crypto';
import { BOROUGHS } from '@albergue/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { sampleNetwork } from './factories/network.factory.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { axeFindings, shownOnMap, zoomTo } from './helpers/finder-page.js';
import { captureLogs } from './helpers/log-capture.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';
import { workplaces } from './helpers/staff.js';

/** Where the person "is" in these specs: it must never reach the server. */
const PERSON = { latitude: 19.40117, longitude: -99.15634 };

describe('The public finder (e2e, Chromium)', () => {
  // These tests share the network made in beforeAll (a sample of every kind of shelter, and one
  // for men with a coordinator, whose marker the second test moves) and one browser context,
  // whose saved data the offline test reloads; the last test reads what all the others sent.
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let coordinator: SignedIn;
  let shelterCount: number;
  const logs = captureLogs('info');
  /** Every URL and body the browser sent. */
  const sent: string[] = [];

  const open = async (path = '/'): Promise<Page> => {
    const page = await context.newPage();
    page.on('request', (request) => sent.push(`${request.url()} ${request.postData() ?? ''}`));
    await page.goto(`${app.url}${path}`);
    await page.waitForSelector('.cards li');
    return page;
  };
  const markerBand = (page: Page, shelterId: string) =>
    page.locator(`.marker[data-shelter-id="${shelterId}"] .label .band`).textContent();

  beforeAll(async () => {
    // Tiles from a port where nothing listens: the map must work without them.
    const deadTiles = `http://127.0.0.1:${await freePort()}/{z}/{x}/{y}.png`;
    app = await startTestApp({ TILE_URL: deadTiles, LOG_LEVEL: 'info' }, logs.logger);
    browser = await launchBrowser();
    context = browser.context;
    await context.grantPermissions(['geolocation'], { origin: app.url });
    await context.setGeolocation(PERSON);
    await sampleNetwork(app, 12);
    coordinator = await staffAt(app, {
      role: 'COORDINATOR',
      shelterId: await shelterFor(app, { name: 'Albergue del turno', populations: ['MEN'] }),
    });
    [{ count: shelterCount }] = await app.sql<{ count: number }>(
      'SELECT count(*)::int AS count FROM shelter',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows every shelter in the list and on the map beside it, each band in words and symbols, in a light first view', async () => {
    const page = await context.newPage();
    let bytes = 0;
    const failedTiles: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('.png')) {
        failedTiles.push(request.url());
      }
    });
    const snapshots: string[] = [];
    page.on('requestfinished', async (request) => {
      if (request.url().endsWith('/availability.json')) {
        snapshots.push(request.url());
      }
      if (!request.url().endsWith('.png')) {
        const sizes = await request.sizes();
        bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      }
    });
    await page.goto(app.url);
    await page.waitForSelector('.cards li');
    await page.waitForLoadState('networkidle');
    // Wide enough for both: the list (those with space first) and the map, side by side.
    expect(await page.locator('.cards li').count()).toBe(shelterCount);
    expect(await page.locator('#map').isVisible()).toBe(true);
    expect(await page.locator('.views').isVisible()).toBe(false);
    await page.waitForSelector('#map[data-zoom]');
    expect(await shownOnMap(page)).toBe(shelterCount);
    const withSpace = await page.locator('#answer li').count();
    expect(withSpace).toBeGreaterThan(0);
    expect(await page.locator('#status').textContent()).toBe(`${withSpace} albergues`);
    const labels = await page.locator('.cards .band').allTextContents();
    expect(
      labels.every((text) =>
        /^[✔!✖—?] (Hay lugar|Pocos lugares|Lleno|Cerrado|Sin datos recientes)$/.test(text),
      ),
    ).toBe(true);
    // The tiles failed: borough names instead, and the map says why.
    expect(failedTiles.length).toBeGreaterThan(0);
    await page.waitForSelector('.borough-label');
    expect(await page.locator('.borough-label').count()).toBe(BOROUGHS.length);
    expect(await page.locator('#map-notice').textContent()).toBe(
      'El fondo del mapa no está disponible. Los nombres son alcaldías: toque donde usted está.',
    );
    await page.waitForSelector('#connection[data-state="live"]');
    // The page's head asks for the snapshot early, and the script takes that answer: once.
    expect(await page.locator('link[rel="preload"][href="/availability.json"]').count()).toBe(1);
    expect(snapshots).toHaveLength(1);
    // Page, scripts, styles, the languages, config and snapshot, compressed on the wire.
    expect(bytes).toBeLessThan(150 * 1024);
    await page.screenshot({ path: 'test/results/map.png' });
    await page.close();
  });

  it('changes the right card and marker within two seconds of a check-in, without a reload', async () => {
    const [shelterId] = await workplaces(coordinator);
    await bedsAt(coordinator, shelterId, 3);
    const page = await open();
    await zoomTo(page, 16);
    await page.waitForFunction(
      ([id]) =>
        document
          .querySelector(`.cards li[data-shelter-id="${id}"] .facts`)
          ?.textContent?.endsWith(' · 3 lugares libres') &&
        document
          .querySelector(`.marker[data-shelter-id="${id}"] .label`)
          ?.textContent?.endsWith('· 3'),
      [shelterId],
    );
    const resident = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      {
        input: householdInput(shelterId, [adult('Llegada Nocturna', { population: 'MEN' })], {
          legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
        }),
      },
    );
    const checkIn = await coordinator.gql(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentIds: [resident.data!.registerHousehold.members[0].id],
        },
      },
    );
    expect(checkIn.errors).toBeUndefined();
    await page.waitForFunction(
      (id) =>
        document.querySelector(`.cards li[data-shelter-id="${id}"] .facts`)?.textContent ===
          '! Pocos lugares · 2 lugares libres' &&
        document
          .querySelector(`.marker[data-shelter-id="${id}"] .label`)
          ?.textContent?.endsWith('· 2'),
      shelterId,
      { timeout: 2_000 },
    );
    expect(await markerBand(page, shelterId)).toBe('! Pocos lugares · 2');
    await page.close();
  });

  it('switches to Haitian Creole, and finds the nearest shelter with space on the phone alone', async () => {
    const page = await open();
    await page.selectOption('#language', 'ht');
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Abri ki gen plas aswè a',
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('ht');
    expect(await page.locator('#status').textContent()).toBe(
      `${await page.locator('#answer li').count()} abri`,
    );
    expect(await page.locator('#answer .band').first().textContent()).toMatch(/Gen plas|Kèk plas/);
    await page.click('[data-group="WOMEN"]');
    await page.click('#locate');
    await page.waitForFunction(
      () =>
        document.querySelector('#answer-title')?.textContent ===
        'Gen plas, sa ki pi pre a an premye',
    );
    // Nearest first: distances computed on the phone, in order.
    const distances = (await page.locator('#answer li small').allTextContents()).map((text) =>
      Number(/^a (\d+\.\d) km · /.exec(text)?.[1]),
    );
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await page.click('#answer .open');
    await page.waitForSelector('#detail:not([hidden]) #detail-name');
    expect(await page.locator('#detail').textContent()).toContain('Fèmen');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#detail[hidden]', { state: 'attached' });
    await page.close();
  });

  it('says "not for this group" on a shelter that does not take the chosen group', async () => {
    const groups = ['MEN', 'WOMEN', 'FAMILIES', 'LGBTQ', 'UNACCOMPANIED_MINORS'];
    const shelters = await app.sql<{ id: string; populations: string[] }>(
      'SELECT id, populations::text[] AS populations FROM shelter WHERE NOT sensitive ORDER BY name',
    );
    const [other] = shelters.flatMap((shelter) =>
      groups
        .filter((group) => !shelter.populations.includes(group.toLowerCase()))
        .map((group) => ({ id: shelter.id, group })),
    );
    expect(other).toBeDefined();
    const page = await open('/?lang=es');
    await page.click(`[data-group="${other.group}"]`);
    await zoomTo(page, 16);
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`.marker[data-shelter-id="${id}"] .label`)
          ?.textContent?.includes('No es para este grupo'),
      other.id,
    );
    // Its own words and symbol: neither full (it will not free up) nor unknown (nothing is missing).
    expect(await markerBand(page, other.id)).toBe('⊘ No es para este grupo');
    // Not in the lists either: they answer for the group.
    expect(await page.locator(`.cards li[data-shelter-id="${other.id}"]`).count()).toBe(0);
    await page.selectOption('#language', 'en');
    await page.waitForFunction(
      (id) =>
        document.querySelector(`.marker[data-shelter-id="${id}"] .label .band`)?.textContent ===
        '⊘ Not for this group',
      other.id,
    );
    await page.close();
  });

  it('reloads without network from what it saved, and says how old it is', async () => {
    const page = await open('/?lang=es');
    // The service worker controls the page and the page has saved what it holds (a second later).
    const ready = () =>
      page.evaluate(
        async () =>
          navigator.serviceWorker.controller !== null &&
          (await (await caches.open('albergue-data-v1')).match('/availability.json')) !== undefined,
      );
    for (let attempt = 0; attempt < 100 && !(await ready()); attempt += 1) {
      await page.waitForTimeout(100);
    }
    expect(await ready()).toBe(true);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('.cards li');
      expect(await page.locator('.cards li').count()).toBe(shelterCount);
      expect(await page.locator('#connection').textContent()).toMatch(
        /^Sin conexión\. Datos guardados, actualizado hace/,
      );
      expect(await page.locator('#connection').getAttribute('data-state')).not.toBe('live');
    } finally {
      await context.setOffline(false);
    }
    await page.close();
  });

  it('passes an accessibility scan (axe-core) with no serious or critical violation', async () => {
    const page = await open();
    await page.waitForSelector('#map[data-zoom]');
    expect(await axeFindings(page)).toEqual([]);
    await page.click('#answer li .open');
    expect(await axeFindings(page)).toEqual([]);
    await page.close();
  });

  it('never sent the person’s location: not in a URL, a body, or the server log', () => {
    expect(sent.length).toBeGreaterThan(10);
    const coordinates = [String(PERSON.latitude), String(PERSON.longitude), '19.401', '-99.156'];
    const everything = `${sent.join('\n')}\n${logs.lines.join('')}`;
    for (const value of coordinates) {
      expect(everything).not.toContain(value);
    }
    expect(logs.lines.length).toBeGreaterThan(10);
  });
});
