import { sampleNetwork } from './factories/network.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const LANGUAGES = ['es', 'ht', 'fr', 'en', 'pt'];
const TITLES: Record<string, string> = {
  es: 'Albergues con lugar hoy',
  ht: 'Abri ki gen plas aswè a',
  fr: 'Foyers avec de la place ce soir',
  en: 'Shelters with space tonight',
  pt: 'Abrigos com vaga hoje',
};

interface Feature {
  id: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: { name: string; approximate: boolean; address: { borough: string | null } };
}

describe('Pages without a smartphone, and the open-data feed (e2e)', () => {
  // These tests read the sample network made in beforeAll (shelters with space in several
  // boroughs, sensitive ones among them) and change nothing.
  let app: TestApp;
  let boroughWithSpace: string;

  const page = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${app.url}${path}`, { headers });
    const body = await response.text();
    return { response, body, bytes: Buffer.byteLength(body) };
  };

  beforeAll(async () => {
    app = await startTestApp();
    await sampleNetwork(app, 12);
    const feed = (await (await fetch(`${app.url}/shelters.geojson`)).json()) as {
      features: (Feature & { properties: { availability: { band: string } } })[];
    };
    boroughWithSpace = feed.features.find((f) =>
      ['SPACE', 'FEW'].includes(f.properties.availability.band),
    )!.properties.address.borough!;
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(LANGUAGES)(
    '/text in %s: no script, under 15 KB, boroughs then shelters with space',
    async (lang) => {
      const index = await page(`/text?lang=${lang}`);
      expect(index.response.status).toBe(200);
      expect(index.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.body).toContain(`<html lang="${lang}"`);
      expect(index.body).toContain(TITLES[lang]);
      expect(index.body).not.toMatch(/<script|<img|<link/i);
      expect(index.bytes).toBeLessThan(15 * 1024);
      const borough = await page(
        `/text?lang=${lang}&borough=${encodeURIComponent(boroughWithSpace)}`,
      );
      expect(borough.bytes).toBeLessThan(15 * 1024);
      expect(borough.body).toMatch(/<ol><li><b>/);
      expect(borough.body).not.toMatch(/<script/i);
    },
  );

  it('chooses the language from the browser when the link does not say, and survives nonsense', async () => {
    const creole = await page('/text', { 'accept-language': 'ht-HT,fr;q=0.8' });
    expect(creole.body).toContain(TITLES.ht);
    expect(creole.response.headers.get('content-language')).toBe('ht');
    const odd = await page(`/text?lang=xx&borough=${'%00'.repeat(3)}&group=DROP%20TABLE`);
    expect(odd.response.status).toBe(200);
    expect(odd.body).toContain(TITLES.es);
  });

  it('/text names a borough in its heading only when the network has it', async () => {
    const odd = await page(`/text?lang=es&borough=${encodeURIComponent('Llame al 5512345678')}`);
    expect(odd.response.status).toBe(200);
    expect(odd.body).not.toContain('5512345678');
    const known = await page(`/text?lang=es&borough=${encodeURIComponent(boroughWithSpace)}`);
    expect(known.body).toContain(`<h2>`);
    expect(known.body).toContain(boroughWithSpace);
  });

  it.each(LANGUAGES)(
    '/print in %s: an A4 sheet with a QR code to the map in that language',
    async (lang) => {
      const sheet = await page(`/print?lang=${lang}`);
      expect(sheet.response.status).toBe(200);
      expect(sheet.body).toContain('size: A4');
      expect(sheet.body).toMatch(/<svg[^>]*>.*<\/svg>/s);
      expect(sheet.body).toContain(`${app.url}/?lang=${lang}`);
      expect(sheet.body).toContain(`<html lang="${lang}"`);
      expect(sheet.body).toMatch(/<tr><td><b>/);
    },
  );

  it('publishes every shelter as GeoJSON with cache headers, sensitive ones at their approximate point', async () => {
    const feed = await fetch(`${app.url}/shelters.geojson`);
    expect(feed.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('public, max-age=30');
    const body = (await feed.json()) as { type: string; features: Feature[] };
    expect(body.type).toBe('FeatureCollection');
    const rows = await app.sql<{
      id: string;
      public_lat: number;
      public_lng: number;
      lat: number;
      sensitive: boolean;
    }>('SELECT id, public_lat, public_lng, lat, sensitive FROM shelter');
    expect(body.features).toHaveLength(rows.length);
    for (const row of rows) {
      const feature = body.features.find((f) => f.id === row.id)!;
      expect(feature.geometry.coordinates).toEqual([row.public_lng, row.public_lat]);
      expect(feature.properties.approximate).toBe(row.sensitive);
    }
    const sensitive = rows.filter((row) => row.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain(String(sensitive[0].lat));
  });
});
