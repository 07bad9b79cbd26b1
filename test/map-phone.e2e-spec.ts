import { BOROUGHS } from '@albergue/contracts';
import { type Catalogue, LANGUAGES, loadCatalogue } from '@albergue/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';
import { sampleNetwork } from './factories/network.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { axeFindings, shownOnMap, zoomTo } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const PHONE = { width: 360, height: 740 };

describe('The public finder on a phone (e2e, Chromium, 360 × 740)', () => {
  // One app whose tiles never load (a port where nothing listens) and the sample network of 12
  // (see sampleNetwork: every band, sensitive ones, and no shelter with space for LGBTQ+
  // people); one browser context; each test opens its own page.
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let shelters: { id: string; name: string; populations: string[]; services: string[] }[];

  const catalogue = async (code: string): Promise<Catalogue> => (await loadCatalogue(code))!;
  const open = async (path = '/?lang=es'): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}${path}`);
    await page.waitForSelector('#answer li, #answer-note:not([hidden])');
    return page;
  };
  const showMap = async (page: Page) => {
    await page.click('#show-map');
    await page.waitForSelector('#map[data-zoom]');
  };

  beforeAll(async () => {
    app = await startTestApp({ TILE_URL: `http://127.0.0.1:${await freePort()}/{z}/{x}/{y}.png` });
    browser = await launchBrowser();
    context = browser.context;
    await sampleNetwork(app, 12);
    shelters = await app.sql(
      `SELECT id, name, populations::text[] AS populations, services::text[] AS services
         FROM shelter ORDER BY name`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each([...LANGUAGES])(
    'answers on the first screen in %s: three shelters with space, each with band, place, age and a call button',
    async (code) => {
      const words = (await catalogue(code)).strings;
      const page = await open(`/?lang=${code}`);
      expect(await page.locator('#answer-title').textContent()).toBe(words['finder.space']);
      const cards = page.locator('#answer li');
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < 3; i += 1) {
        const card = cards.nth(i);
        expect(shelters.map((s) => s.name)).toContain(await card.locator('.open').textContent());
        const band = (await card.locator('.band').textContent())!;
        expect([`✔ ${words['band.SPACE']}`, `! ${words['band.FEW']}`]).toContain(band);
        // Borough and the figures' age, in the page's language.
        const age = words['updated.minutes'].split('{n}')[0].trim();
        expect(await card.locator('small').textContent()).toMatch(
          new RegExp(`^.+ · (${age}|${words['updated.now']})`),
        );
        expect(await card.locator('a.call').getAttribute('href')).toMatch(/^tel:\+?\d+$/);
        const box = (await card.boundingBox())!;
        // On the first screen, without scrolling, and the call button a thumb can hit.
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
        const call = (await card.locator('a.call').boundingBox())!;
        expect(Math.min(call.width, call.height)).toBeGreaterThanOrEqual(44);
      }
      // Nothing wider than the phone; the language's own name whole in its control.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
      const cut = await page.$eval('#language', (select: HTMLSelectElement) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = context.measureText(select.selectedOptions[0].text).width;
        return text > select.clientWidth - parseFloat(style.paddingLeft);
      });
      expect(cut).toBe(false);
      if (code === 'ht') {
        expect(await page.locator('#language option:checked').textContent()).toBe('Kreyòl ayisyen');
      }
      await page.screenshot({ path: `test/results/finder-phone-${code}.png` });
      await page.close();
    },
  );

  it('says honestly when no shelter has space for the group, and when only a few places are left', async () => {
    const words = (await catalogue('es')).strings;
    const page = await open();
    await page.click('[data-group="LGBTQ"]');
    await page.waitForSelector('#answer-note:not([hidden])');
    expect(await page.locator('[data-group="LGBTQ"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#answer-note').textContent()).toBe(words['nearest.none']);
    expect(await page.locator('#answer li').count()).toBe(0);
    // The others still show, those that may have space (no recent data: call) first.
    const others = await page.locator('#others .band').allTextContents();
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((band) => !/Hay lugar|Pocos lugares/.test(band))).toBe(true);
    // Minors: one shelter, with two places: there is space, but say it is little.
    await page.click('[data-group="UNACCOMPANIED_MINORS"]');
    await page.waitForFunction(
      (text) => document.querySelector('#answer-note')?.textContent === text,
      words['finder.fewOnly'],
    );
    expect(await page.locator('#answer .band').allTextContents()).toEqual(['! Pocos lugares']);
    await page.screenshot({ path: 'test/results/finder-phone-none.png' });
    await page.close();
  });

  it('names the map’s own controls in the reader’s language, and again after a switch', async () => {
    const page = await open('/?lang=ht');
    await showMap(page);
    const zoomIn = page.locator('#map .leaflet-control-zoom-in');
    expect(await zoomIn.getAttribute('title')).toBe('Rapwoche');
    expect(await zoomIn.getAttribute('aria-label')).toBe('Rapwoche');
    await page.selectOption('#language', 'pt');
    await page.waitForFunction(
      () =>
        document.querySelector('#map .leaflet-control-zoom-out')?.getAttribute('title') ===
        'Afastar',
    );
    await page.close();
  });

  it('shows the map as a second view; a chosen group fades the others as "not for this group", never "full"', async () => {
    const page = await open();
    await page.click('[data-group="WOMEN"]');
    await showMap(page);
    expect(await page.locator('#list-view').isVisible()).toBe(false);
    // At the first zoom: dots and bubbles, no names; every shelter accounted for.
    expect(await shownOnMap(page)).toBe(shelters.length);
    expect(await page.locator('#map .marker .label').first().isVisible()).toBe(false);
    await page.screenshot({ path: 'test/results/finder-phone-map.png' });
    await zoomTo(page, 16);
    const notForWomen = shelters.filter((s) => !s.populations.includes('women'));
    expect(notForWomen.length).toBeGreaterThan(0);
    for (const shelter of notForWomen) {
      const marker = page.locator(`#map .marker[data-shelter-id="${shelter.id}"]`);
      expect(await marker.locator('.dot').getAttribute('class')).toBe('dot band-not-served');
      expect(await marker.locator('.dot').textContent()).toBe('⊘');
      expect(await marker.locator('.label .band').textContent()).toBe('⊘ No es para este grupo');
    }
    expect(await page.locator('#map .marker .label').first().isVisible()).toBe(true);
    // Sensitive shelters: an area, and on it a symbol and words, not colour alone.
    const area = page.locator('#map .marker.approximate').first();
    expect(await area.locator('.dot').textContent()).toMatch(/^[✔!✖—?⊘]$/);
    expect(await area.locator('.area-word').textContent()).toBe('Zona aproximada');
    expect(await page.locator('path.shelter-area').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test/results/finder-phone-map-zoomed.png' });
    await page.close();
  });

  it('filters the map by service as it filters the list', async () => {
    const page = await open();
    await page.selectOption('#service', 'LEGAL_AID');
    const withLegalAid = shelters.filter((s) => s.services.includes('legal_aid')).length;
    expect(withLegalAid).toBeGreaterThan(0);
    expect(withLegalAid).toBeLessThan(shelters.length);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.cards li').length === n,
      withLegalAid,
    );
    await showMap(page);
    expect(await shownOnMap(page)).toBe(withLegalAid);
    await page.selectOption('#service', '');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('#map .marker').length +
          [...document.querySelectorAll<HTMLElement>('#map .cluster')].reduce(
            (sum, bubble) => sum + Number(bubble.dataset.count),
            0,
          ) ===
        n,
      shelters.length,
    );
    await page.close();
  });

  it('opens the detail sheet on the shelter’s name, in view and focused; "full" said once', async () => {
    const page = await open();
    await page.locator('#answer .open').first().click();
    await page.waitForSelector('#detail:not([hidden]) #detail-name');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-name');
    const heading = (await page.locator('#detail-name').boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(0);
    expect(heading.y + heading.height).toBeLessThanOrEqual(PHONE.height);
    expect(await axeFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    // A full one: its band once, and no "0 free places" beside it.
    await page.locator('#others li:has(.band-full) .open').first().click();
    await page.waitForSelector('#detail:not([hidden]) #detail-name');
    const sheet = (await page.locator('#detail').textContent())!;
    expect(sheet.match(/Lleno/g)).toHaveLength(1);
    expect(sheet).not.toMatch(/\b0 lugares/);
    await page.close();
  });

  it('when tiles fail, names the boroughs on the map and says the background is unavailable; a tap there finds the nearest', async () => {
    const words = (await catalogue('es')).strings;
    const page = await open();
    await showMap(page);
    await page.waitForSelector('.borough-label');
    expect(await page.locator('#map-notice').isVisible()).toBe(true);
    expect(await page.locator('#map-notice').textContent()).toBe(words['finder.noTiles']);
    expect(await page.locator('.borough-label').count()).toBe(BOROUGHS.length);
    expect(await page.locator('.borough-label').allTextContents()).toContain('Iztapalapa');
    expect(await axeFindings(page)).toEqual([]);
    await page.screenshot({ path: 'test/results/finder-phone-no-tiles.png' });
    // "I am about here": a tap near a borough's name, the list again, nearest first.
    const label = (await page
      .locator('.borough-label', { hasText: 'Benito Juárez' })
      .boundingBox())!;
    await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2 + 12);
    await page.waitForSelector('#list-view:visible');
    expect(await page.locator('#answer-title').textContent()).toBe(words['finder.nearest']);
    expect(await page.locator('#answer li small').first().textContent()).toMatch(
      /^a \d+\.\d km · /,
    );
    await page.close();
  });

  it('with no tiles configured, draws the boroughs at once', async () => {
    // The app cannot be started with TILE_URL empty (its config counts empty as unset), so the
    // page is told so, on an origin where the other tests' service worker does not answer from
    // its cache, as a browser without service workers (whose own would answer too).
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await page.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { tileUrl: '', tileAttribution: '' } }),
    );
    await page.goto(`${app.url.replace('127.0.0.1', 'localhost')}/?lang=en`);
    await page.click('#show-map');
    await page.waitForSelector('.borough-label');
    expect(await page.locator('#map-notice').textContent()).toBe(
      (await catalogue('en')).strings['finder.noTiles'],
    );
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    await page.close();
  });

  it('passes an accessibility scan (axe-core) on the first screen with no serious or critical finding', async () => {
    const page = await open('/?lang=ht');
    await page.click('[data-group="FAMILIES"]');
    expect(await axeFindings(page)).toEqual([]);
    await page.close();
  });
});
