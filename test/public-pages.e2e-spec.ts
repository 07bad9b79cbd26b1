import type { Page } from 'playwright-core';
import { AvailabilityFeed } from '../apps/api/src/realtime/availability-feed.js';
import { sampleNetwork } from './factories/network.factory.js';
import {
  createOrganisation,
  makeMember,
  reportInput,
  shelterFor,
} from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { adminOf, startTestApp, type TestApp } from './helpers/test-app.js';

const LANGUAGES = ['es', 'ht', 'fr', 'en', 'pt'] as const;
type Lang = (typeof LANGUAGES)[number];
const TITLES: Record<Lang, string> = {
  es: 'Albergues con lugar hoy',
  ht: 'Abri ki gen plas aswè a',
  fr: 'Foyers avec de la place ce soir',
  en: 'Shelters with space tonight',
  pt: 'Abrigos com vaga hoje',
};
/** How each language counts shelters with space and free places: [1 shelter, 2 shelters, 1 place, 2 places]. */
const COUNTS: Record<Lang, [string, string, string, string]> = {
  es: ['1 albergue con lugar', '2 albergues con lugar', '1 lugar libre', '2 lugares libres'],
  ht: ['1 abri ki gen plas', '2 abri ki gen plas', '1 plas lib', '2 plas lib'],
  fr: ['1 foyer avec de la place', '2 foyers avec de la place', '1 place libre', '2 places libres'],
  en: ['1 shelter with space', '2 shelters with space', '1 free place', '2 free places'],
  pt: ['1 abrigo com vaga', '2 abrigos com vaga', '1 vaga livre', '2 vagas livres'],
};
const WEEK = {
  periods: [
    { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' },
    { days: [6, 7], opens: '09:30', closes: '14:00' },
  ],
};
/** WEEK in each language, and the languages es, ht and fr named in it. */
const SAID: Record<Lang, [string, string]> = {
  es: [
    'Lunes a viernes, de 8:00 a 20:00; sábado, domingo, de 9:30 a 14:00',
    'español, criollo haitiano, francés',
  ],
  ht: [
    'Lendi rive vandredi, depi 8:00 rive 20:00; samdi, dimanch, depi 9:30 rive 14:00',
    'panyòl, kreyòl ayisyen, franse',
  ],
  fr: [
    'Du lundi au vendredi, de 8:00 à 20:00; samedi, dimanche, de 9:30 à 14:00',
    'espagnol, créole haïtien, français',
  ],
  en: [
    'Monday to Friday, 8:00 AM to 8:00 PM; Saturday, Sunday, 9:30 AM to 2:00 PM',
    'Spanish, Haitian Creole, French',
  ],
  pt: [
    'De segunda-feira a sexta-feira, das 8:00 às 20:00; sábado, domingo, das 9:30 às 14:00',
    'espanhol, crioulo haitiano, francês',
  ],
};
/** How each language writes a time, and with which locale's formats (Haitian Creole: Haiti's French). */
const LOCALES: Record<Lang, string> = { es: 'es', ht: 'fr-HT', fr: 'fr', en: 'en', pt: 'pt' };

interface Feature {
  id: string;
  geometry: { type: string; coordinates: [number, number] };
  properties: {
    name: string;
    approximate: boolean;
    address: { borough: string | null; boroughCode: string | null };
  };
}

/** A page's text as a reader sees it (newer ICU puts a narrow no-break space before AM/PM). */
const plain = (text: string) => text.replace(/\u202f/g, ' ');

const page = async (app: TestApp, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${app.url}${path}`, { headers });
  const body = plain(await response.text());
  return { response, body, bytes: Buffer.byteLength(body) };
};

interface Made {
  fields: Record<string, unknown>;
  /** Free places per group, as reported. */
  counts: { population: string; freeBeds: number }[];
}

/** Free places for men only. */
const men = (freeBeds: number) => [{ population: 'MEN', freeBeds }];

/**
 * Shelters made by the admin and reported by a coordinator of theirs (`coordinator`, or one made
 * for them), through the API; the pages show them once the feed has read them, which it does
 * before this returns.
 */
async function withSpace(app: TestApp, shelters: Made[], coordinator?: Person): Promise<string[]> {
  const admin = await adminOf(app);
  const organisationId = await createOrganisation(admin);
  const ids: string[] = [];
  for (const { fields } of shelters) {
    ids.push(await shelterFor(app, { organisationId, populations: ['MEN'], ...fields }));
  }
  const reporter = coordinator ?? (await staffAt(app, { role: 'COORDINATOR', shelterIds: ids }));
  for (const [k, { counts }] of shelters.entries()) {
    if (coordinator) {
      await makeMember(admin, coordinator.userId, ids[k], 'COORDINATOR');
    }
    const reported = await reporter.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      { input: await reportInput(reporter, ids[k], counts) },
    );
    expect(reported.errors).toBeUndefined();
  }
  await app.app.get(AvailabilityFeed).sweep();
  return ids;
}

describe('Pages without a smartphone, and the open-data feed (e2e)', () => {
  // These tests read the sample network made in beforeAll (shelters with space in several
  // boroughs, sensitive ones among them) and a few of their own (two with 1 and 2 places in
  // Tecámac, one in Texcoco with hours and three languages, one in no borough), and change
  // nothing.
  let app: TestApp;
  let boroughWithSpace: Feature['properties']['address'];

  beforeAll(async () => {
    app = await startTestApp();
    await sampleNetwork(app, 12);
    await withSpace(app, [
      { counts: men(1), fields: { name: 'Albergue Uno', address: { boroughCode: 'mex-tecamac' } } },
      { counts: men(2), fields: { name: 'Albergue Dos', address: { boroughCode: 'mex-tecamac' } } },
      {
        counts: men(8),
        fields: {
          name: 'Albergue con horario',
          address: { boroughCode: 'mex-texcoco' },
          hours: WEEK,
          languages: ['es', 'ht', 'fr'],
        },
      },
      { counts: men(8), fields: { name: 'Albergue lejano', address: { city: 'Tijuana' } } },
    ]);
    const feed = (await (await fetch(`${app.url}/shelters.geojson`)).json()) as {
      features: (Feature & { properties: { availability: { band: string } } })[];
    };
    boroughWithSpace = feed.features.find(
      (f) =>
        ['SPACE', 'FEW'].includes(f.properties.availability.band) &&
        f.properties.address.boroughCode?.startsWith('cdmx-'),
    )!.properties.address;
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(LANGUAGES)(
    '/text in %s: no script, under 15 KB, boroughs then shelters with space',
    async (lang) => {
      const index = await page(app, `/text?lang=${lang}`);
      expect(index.response.status).toBe(200);
      expect(index.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(index.body).toContain(`<html lang="${lang}"`);
      expect(index.body).toContain(TITLES[lang]);
      expect(index.body).not.toMatch(/<script|<img|<link/i);
      expect(index.bytes).toBeLessThan(15 * 1024);
      const borough = await page(app, `/text?lang=${lang}&borough=${boroughWithSpace.boroughCode}`);
      expect(borough.bytes).toBeLessThan(15 * 1024);
      expect(borough.body).toMatch(/<ol><li><b>/);
      expect(borough.body).not.toMatch(/<script/i);
    },
  );

  it('chooses the language from the browser when the link does not say, and survives nonsense', async () => {
    const creole = await page(app, '/text', { 'accept-language': 'ht-HT,fr;q=0.8' });
    expect(creole.body).toContain(TITLES.ht);
    expect(creole.response.headers.get('content-language')).toBe('ht');
    const odd = await page(app, `/text?lang=xx&borough=${'%00'.repeat(3)}&group=DROP%20TABLE`);
    expect(odd.response.status).toBe(200);
    expect(odd.body).toContain(TITLES.es);
  });

  it('/text heads a list only with a borough of the catalogue, whatever the link says', async () => {
    const odd = await page(
      app,
      `/text?lang=es&borough=${encodeURIComponent('Llame al 5512345678')}`,
    );
    expect(odd.response.status).toBe(200);
    expect(odd.body).not.toContain('5512345678');
    expect(odd.body).not.toContain('<h2>');
    const known = await page(app, `/text?lang=es&borough=${boroughWithSpace.boroughCode}`);
    expect(known.body).toContain(`<h2>Albergues con lugar en ${boroughWithSpace.borough}</h2>`);
    // An alias or a name finds its borough too; one with no shelter says so honestly.
    const alias = await page(app, '/text?lang=es&borough=GAM');
    expect(alias.body).toContain('<h2>Albergues con lugar en Gustavo A. Madero</h2>');
    const empty = await page(app, `/text?lang=es&borough=${encodeURIComponent('Milpa Alta')}`);
    expect(empty.body).toContain('<h2>Albergues con lugar en Milpa Alta</h2>');
    expect(empty.body).toContain('Ahora no hay albergues con lugar aquí');
    const elsewhere = await page(app, '/text?lang=es&borough=other');
    expect(elsewhere.body).toContain('<h2>Otros lugares</h2>');
    expect(elsewhere.body).toContain('<b>Albergue lejano</b>');
  });

  it('/text lists the boroughs by the catalogue’s names, links them by code, and the others last', async () => {
    const index = await page(app, '/text?lang=es');
    const names = [
      ...index.body.matchAll(/<li><a href="[^"]*borough=([^&"]+)[^"]*">([^<]+)<\/a>/g),
    ];
    expect(names.map(([, , name]) => name)).toEqual(
      [...names.map(([, , name]) => name).slice(0, -1)]
        .sort((a, b) => a.localeCompare(b, 'es'))
        .concat('Otros lugares'),
    );
    expect(names).toContainEqual(expect.arrayContaining(['mex-tecamac', 'Tecámac']));
    expect(names.at(-1)?.[1]).toBe('other');
    expect(index.body).toContain('<option value="mex-texcoco">Texcoco</option>');
  });

  it.each(LANGUAGES)(
    '/text in %s counts with their unit and plural: 1 shelter, 2 shelters, 1 place, 2 places',
    async (lang) => {
      const [one, two, onePlace, twoPlaces] = COUNTS[lang];
      const index = await page(app, `/text?lang=${lang}`);
      expect(index.body).toContain(`>Tecámac</a>: ${two}</li>`);
      expect(index.body).toContain(`>Texcoco</a>: ${one}</li>`);
      const tecamac = await page(app, `/text?lang=${lang}&borough=mex-tecamac`);
      expect(tecamac.body).toContain(`<p>${two}</p>`);
      expect(tecamac.body).toContain(`: ${onePlace} (`);
      expect(tecamac.body).toContain(`: ${twoPlaces} (`);
    },
  );

  it.each(LANGUAGES)(
    '/text and /print in %s say the hours and the languages spoken in the reader’s language',
    async (lang) => {
      const [hours, languages] = SAID[lang];
      const texcoco = await page(app, `/text?lang=${lang}&borough=mex-texcoco`);
      expect(texcoco.body).toContain(`: ${hours}<br>`);
      expect(texcoco.body).toContain(`: ${languages}<br>`);
      const sheet = await page(app, `/print?lang=${lang}`);
      expect(sheet.body).toContain(` · ${hours}</div>`);
    },
  );

  it.each(LANGUAGES)(
    '/print in %s: an A4 sheet with a QR code to the map in that language',
    async (lang) => {
      const sheet = await page(app, `/print?lang=${lang}`);
      expect(sheet.response.status).toBe(200);
      expect(sheet.body).toContain('size: A4');
      expect(sheet.body).toMatch(/<svg[^>]*>.*<\/svg>/s);
      expect(sheet.body).toContain(`${app.url}/?lang=${lang}`);
      expect(sheet.body).toContain(`<html lang="${lang}"`);
      expect(sheet.body).toMatch(/<section><h2>[^<]+<\/h2><div class="shelter"><b>/);
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

/** Eight boroughs with long-ish names, for a sheet as full as a real one. */
const PRINT_BOROUGHS = [
  'cdmx-cuauhtemoc',
  'cdmx-gustavo-a-madero',
  'cdmx-iztapalapa',
  'cdmx-venustiano-carranza',
  'mex-nezahualcoyotl',
  'mex-ecatepec',
  'cdmx-magdalena-contreras',
  'mex-valle-de-chalco',
];

describe('The printed sheet and the text page in Chromium (e2e)', () => {
  // These tests share one app (with PUBLIC_URL and a time zone far from the server's) and one
  // browser, and follow each other: the first makes one shelter with space, the second 24 more.
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let coordinator: Person;
  const PUBLIC_URL = 'https://albergue.example.org';
  const TIME_ZONE = 'Asia/Kathmandu';

  beforeAll(async () => {
    app = await startTestApp({ PUBLIC_URL, TIME_ZONE });
    browser = await launchBrowser();
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [] });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A shelter as full of words as real ones: long names, a street, a note, two groups. */
  const shelter = (i: number): Made => ({
    counts: [
      { population: 'MEN', freeBeds: 3 + (i % 20) },
      { population: 'FAMILIES', freeBeds: 2 },
    ],
    fields: {
      name: `Albergue ${['San Juan Diego', 'Casa Tochan', 'Cafemin', 'Hermanos en el Camino'][i % 4]} ${i}`,
      sensitive: i % 6 === 5,
      capacity: [
        { population: 'MEN', totalBeds: 30 },
        { population: 'FAMILIES', totalBeds: 20 },
      ],
      address: {
        street: `Avenida de los Insurgentes Norte ${100 + i}`,
        neighbourhood: 'Colonia Guadalupe Tepeyac',
        boroughCode: PRINT_BOROUGHS[i % PRINT_BOROUGHS.length],
        city: 'Ciudad de México',
      },
      contact: { phone: `+52 55 5${String(1_000_000 + i * 7919).slice(0, 7)}` },
      hours: WEEK,
      openingHours: i % 3 === 0 ? 'Toque el timbre después de las 22:00' : undefined,
    },
  });
  const addShelters = (from: number, to: number) =>
    withSpace(
      app,
      Array.from({ length: to - from }, (_, k) => shelter(from + k)),
      coordinator,
    );

  /** The sheet as Chromium prints it on A4: its page count. */
  const printedPages = async (lang: Lang): Promise<number> => {
    const tab: Page = await browser.context.newPage();
    try {
      await tab.goto(`${app.url}/print?lang=${lang}`);
      const pdf = await tab.pdf({ preferCSSPageSize: true });
      return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    } finally {
      await tab.close();
    }
  };

  it.each(LANGUAGES)(
    '/print in %s counts 1 shelter, in the reader’s clock and TIME_ZONE, and links PUBLIC_URL',
    async (lang) => {
      if (lang === 'es') {
        await addShelters(0, 1);
      }
      const clock = (at: Date) =>
        plain(
          new Intl.DateTimeFormat(LOCALES[lang], {
            hour: 'numeric',
            minute: '2-digit',
            timeZone: TIME_ZONE,
          }).format(at),
        );
      const before = new Date();
      const sheet = await page(app, `/print?lang=${lang}`);
      const times = [clock(before), clock(new Date())];
      expect(sheet.body).toContain(`<b>${COUNTS[lang][0]}</b>`);
      expect(times.some((time) => sheet.body.includes(time))).toBe(true);
      expect(sheet.body).toContain(`${PUBLIC_URL}/?lang=${lang}`);
      expect(sheet.body).not.toContain(app.url);
      const text = await page(app, `/text?lang=${lang}`);
      expect(times.some((time) => text.body.includes(time))).toBe(true);
    },
  );

  it.each(LANGUAGES)('/print in %s fits 25 shelters with space on one A4 sheet', async (lang) => {
    if (lang === 'es') {
      await addShelters(1, 25);
    }
    const sheet = await page(app, `/print?lang=${lang}`);
    expect(sheet.body.match(/<div class="shelter">/g)).toHaveLength(25);
    expect(await printedPages(lang)).toBe(1);
  });

  it('/text gives every link and control a 44 px target on a small phone', async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.setViewportSize({ width: 360, height: 740 });
      for (const path of ['/text?lang=ht', `/text?lang=fr&borough=${PRINT_BOROUGHS[0]}`]) {
        await tab.goto(`${app.url}${path}`);
        const targets = await tab.$$eval('a, button, select', (elements) =>
          elements.map((element) => {
            const { width, height } = element.getBoundingClientRect();
            return { what: element.outerHTML.slice(0, 60), width, height };
          }),
        );
        expect(targets.length).toBeGreaterThan(10);
        expect(targets.filter(({ width, height }) => width < 44 || height < 44)).toEqual([]);
      }
    } finally {
      await tab.close();
    }
  });
});
