import { request } from 'node:http';
import { shelterFor } from './factories/shelter.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A made-up name for the laptop on a shelter's network, which Chromium is told to find here. */
const LAN_HOST = 'albergue-lan.test';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('Installable, and reachable over plain http on a local network (e2e, Chromium)', () => {
  // These tests share two apps that they only read: one as it starts by default (a laptop on a
  // shelter's network, which Chromium reaches by a made-up name), and one behind a reverse proxy
  // (TRUST_PROXY=1).
  let lan: TestApp;
  let proxied: TestApp;

  /** The policy of the page, as asked with these headers (fetch would not send another Host). */
  const policy = (app: TestApp, headers: Record<string, string> = {}) =>
    new Promise<string>((resolve, reject) => {
      request(`${app.url}/`, { headers }, (response) => {
        response.resume();
        resolve(String(response.headers['content-security-policy']));
      })
        .on('error', reject)
        .end();
    });

  beforeAll(async () => {
    lan = await startTestApp();
    proxied = await startTestApp({ TRUST_PROXY: '1' });
    await shelterFor(lan, { name: 'Albergue de la red local', populations: ['MEN'] });
  });

  afterAll(async () => {
    await lan?.close();
    await proxied?.close();
  });

  it('has a web manifest with a name, a start, a display and icons that answer with their types and sizes', async () => {
    const response = await fetch(`${lan.url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = JSON.parse(await response.text()) as Manifest;
    expect(manifest).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        short_name: expect.any(String),
        start_url: '/',
        display: 'standalone',
      }),
    );
    const sizes = new Set<string>();
    for (const icon of manifest.icons) {
      const answer = await fetch(new URL(icon.src, lan.url));
      expect({
        src: icon.src,
        status: answer.status,
        type: answer.headers.get('content-type'),
      }).toEqual({ src: icon.src, status: 200, type: expect.stringContaining(icon.type) });
      const bytes = Buffer.from(await answer.arrayBuffer());
      if (icon.type === 'image/png') {
        expect(pngSize(bytes)).toBe(icon.sizes);
        sizes.add(icon.sizes);
      } else {
        expect(bytes.toString('utf8')).toMatch(/^<svg /);
      }
    }
    // What Chrome asks of an installable page.
    expect([...sizes].sort()).toEqual(['192x192', '512x512']);
    const page = await (await fetch(`${lan.url}/`)).text();
    expect(page).toContain('<link rel="manifest" href="/manifest.webmanifest"');
  });

  it('answers /favicon.ico with an icon, not a 404', async () => {
    const response = await fetch(`${lan.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // An ICO header (reserved 0, type 1) holding at least one image.
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
  });

  it('asks browsers to upgrade to https only when the request came over https', async () => {
    const lanHost = await policy(lan, { host: '192.168.1.20:3000' });
    expect(lanHost).toMatch(/default-src 'self'/);
    expect(lanHost).not.toMatch(/upgrade-insecure-requests/);
    // Without a trusted proxy, a caller cannot claim https.
    expect(await policy(lan, { 'x-forwarded-proto': 'https' })).not.toMatch(
      /upgrade-insecure-requests/,
    );
    expect(await policy(proxied)).not.toMatch(/upgrade-insecure-requests/);
    const throughProxy = await policy(proxied, { 'x-forwarded-proto': 'https' });
    expect(throughProxy).toMatch(/upgrade-insecure-requests/);
    expect(throughProxy).toMatch(/frame-ancestors 'none'/);
  });

  it('runs its scripts over plain http on a network address, and says that location and offline need https', async () => {
    const port = new URL(lan.url).port;
    const browser = await launchBrowser({
      args: [`--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`],
    });
    try {
      const page = await browser.context.newPage();
      const refused: string[] = [];
      page.on('requestfailed', (request) => refused.push(request.url()));
      await page.goto(`http://${LAN_HOST}:${port}/`);
      await page.waitForSelector('#list-view li', { timeout: 10_000 });
      expect(await page.locator('#list-view li').first().textContent()).toContain(
        'Albergue de la red local',
      );
      // (Tiles come from elsewhere, and this machine reaches nothing outside.)
      expect(refused.filter((url) => new URL(url).hostname === LAN_HOST)).toEqual([]);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      await expect(page.locator('#https-notice').textContent()).resolves.toMatch(/https/);
      await page.selectOption('#language', 'ht');
      await expect(page.locator('#https-notice').textContent()).resolves.toMatch(
        /^Koneksyon san https/,
      );
      // On the device itself (localhost is a secure context), no such line.
      const local = await browser.context.newPage();
      await local.goto(lan.url);
      await local.waitForSelector('#list-view li');
      expect(await local.locator('#https-notice').count()).toBe(0);
    } finally {
      await browser.close();
    }
  });
});
