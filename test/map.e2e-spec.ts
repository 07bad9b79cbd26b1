import type { BrowserContext } from 'playwright-core';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';
import { launchBrowser } from './helpers/browser.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('Public map page (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;

  beforeAll(async () => {
    // Tiles from a port where nothing listens: the map must work without them.
    const deadTiles = `http://127.0.0.1:${await freePort()}/{z}/{x}/{y}.png`;
    app = await startTestApp({ TILE_URL: deadTiles });
    browser = await launchBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows every demo shelter on the map and in the list, each band in words, even when tiles cannot load', async () => {
    const page = await context.newPage();
    const failedTiles: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('.png')) {
        failedTiles.push(request.url());
      }
    });
    await page.goto(app.url);
    await page.waitForSelector('#list li');
    expect(await page.locator('#list li').count()).toBe(40);
    expect(await page.locator('.leaflet-marker-icon').count()).toBe(40);
    expect(await page.locator('#status').textContent()).toBe('40 albergues');
    const labels = await page.locator('#list .band').allTextContents();
    expect(
      labels.every((text) =>
        /Hay lugar|Pocos lugares|Lleno|Cerrado|Sin datos recientes/.test(text),
      ),
    ).toBe(true);
    // Sensitive shelters are drawn as an area, not a point.
    expect(await page.locator('path.leaflet-interactive').count()).toBeGreaterThan(0);
    expect(failedTiles.length).toBeGreaterThan(0);
    await page.screenshot({ path: 'test/results/map.png' });
    await page.close();
  });
});
