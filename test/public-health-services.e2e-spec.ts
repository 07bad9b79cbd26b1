import { randomUUID } from 'node:crypto';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';
import { healthServiceRow } from './factories/referral.factory.js';
import { MEXICO_CITY, shelterFor } from './factories/shelter.factory.js';
import { serviceStaffAt } from './factories/staff.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** A sensitive service's street and door: none may reach a public surface. */
const CANARY_STREET = 'CANARIO-CALLE-7731 Privada Secreta 9';
const DOOR = { lat: 19.4371234, lng: -99.1471234 };
/** Names of services the public must never see at all. */
const NOT_PUBLIC = 'CANARIO-PRIVADO Clínica interna';
const INACTIVE = 'CANARIO-CERRADO Clínica cerrada';
const CANARIES = [CANARY_STREET, 'CANARIO-CALLE', '19.4371234', '99.1471234', NOT_PUBLIC, INACTIVE];

const DAY = 24 * 3600_000;

function leaks(text: string): string[] {
  return CANARIES.filter((canary) => text.includes(canary));
}

const QUERY = `query($near: GeoPointInput, $borough: String) {
  publicHealthServices(near: $near, boroughCode: $borough, first: 10) {
    id name category sensitive street borough boroughCode lat lng distanceKm phone languages cost
    requirements populations capacity { status waitDays reportedAt stale }
  }
}`;

interface Service {
  id: string;
  name: string;
  sensitive: boolean;
  street: string | null;
  lat: number | null;
  lng: number | null;
  distanceKm: number | null;
  borough: string | null;
  capacity: { status: string; reportedAt: string | null; stale: boolean };
}

describe('Public health services: the map’s sheet, /text and GraphQL (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let shelterId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ TILE_URL: `http://127.0.0.1:${await freePort()}/{z}/{x}/{y}.png` });
    browser = await launchBrowser();
    shelterId = await shelterFor(app, { name: 'Albergue Centro', populations: ['WOMEN'] });
    ids.open = await healthServiceRow(app, {
      name: 'Clínica Abierta',
      public: true,
      languages: ['es', 'ht'],
      lat: 19.434,
      lng: -99.135,
    });
    ids.sensitive = await healthServiceRow(app, {
      name: 'Centro Violeta de atención',
      category: 'sexual_reproductive_health',
      public: true,
      sensitive: true,
      ...DOOR,
    });
    ids.stale = await healthServiceRow(app, {
      name: 'Clínica Vieja',
      public: true,
      capacityReportedAt: new Date(Date.now() - 3 * DAY - 3600_000),
      lat: 19.44,
      lng: -99.14,
    });
    ids.far = await healthServiceRow(app, { name: 'Hospital Lejano', public: true, lat: 19.7 });
    ids.private = await healthServiceRow(app, { name: NOT_PUBLIC, public: false });
    ids.inactive = await healthServiceRow(app, { name: INACTIVE, public: true });
    // Columns the factory does not take: the canary street, phones, a waitlist, the closed one.
    await app.sql(
      `UPDATE health_service SET street = $2, phone = '+52 55 2000 1111' WHERE id = $1`,
      [ids.sensitive, CANARY_STREET],
    );
    await app.sql(
      `UPDATE health_service SET street = 'Calle Doctor Vértiz 10', phone = '+52 55 3000 2222',
              requirements = '{no_id_needed}', populations = '{women,families}' WHERE id = $1`,
      [ids.open],
    );
    await app.sql(`UPDATE health_service SET street = $2 WHERE id = $1`, [
      ids.private,
      CANARY_STREET,
    ]);
    await app.sql(`UPDATE health_service SET active = false WHERE id = $1`, [ids.inactive]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('GraphQL near a point: public, active ones nearest first; a sensitive one by its borough only', async () => {
    const answer = await app.gql<{ publicHealthServices: Service[] }>(QUERY, { near: MEXICO_CITY });
    expect(answer.errors).toBeUndefined();
    const services = answer.data!.publicHealthServices;
    expect(services.map((s) => s.name).sort()).toEqual(
      ['Centro Violeta de atención', 'Clínica Abierta', 'Clínica Vieja'].sort(),
    );
    const exact = services.filter((s) => !s.sensitive);
    expect(exact.map((s) => s.name)).toEqual(['Clínica Abierta', 'Clínica Vieja']);
    expect(exact.every((s) => s.distanceKm !== null && s.lat !== null)).toBe(true);
    const sensitive = services.find((s) => s.sensitive)!;
    expect(sensitive).toMatchObject({
      street: null,
      lat: null,
      lng: null,
      distanceKm: null,
      borough: 'Cuauhtémoc',
    });
    expect(leaks(JSON.stringify(answer))).toEqual([]);
  });

  it('GraphQL by borough: the far one too, never the private or closed one, nor a door', async () => {
    const answer = await app.gql<{ publicHealthServices: Service[] }>(QUERY, {
      borough: 'cdmx-cuauhtemoc',
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.publicHealthServices.map((s) => s.name)).toContain('Hospital Lejano');
    expect(answer.data!.publicHealthServices).toHaveLength(4);
    expect(leaks(JSON.stringify(answer))).toEqual([]);
  });

  it('a stale report reads UNKNOWN with its age', async () => {
    const answer = await app.gql<{ publicHealthServices: Service[] }>(QUERY, { near: MEXICO_CITY });
    const stale = answer.data!.publicHealthServices.find((s) => s.name === 'Clínica Vieja')!;
    expect(stale.capacity).toMatchObject({ status: 'UNKNOWN', stale: true });
    expect(Date.now() - Date.parse(stale.capacity.reportedAt!)).toBeGreaterThan(3 * DAY);
    const open = answer.data!.publicHealthServices.find((s) => s.name === 'Clínica Abierta')!;
    expect(open.capacity).toMatchObject({ status: 'ACCEPTING', stale: false });
  });

  it.each([
    [
      'es',
      'Servicios de salud en Cuauhtémoc',
      '✔ Recibe personas',
      'Cupo desconocido',
      'actualizado hace 3 días',
    ],
    [
      'ht',
      'Sèvis sante nan Cuauhtémoc',
      '✔ Ap resevwa moun',
      'Nou pa konnen si gen plas',
      'mete ajou sa gen 3 jou',
    ],
  ])(
    '/text in %s: a borough’s health services after its shelters, same rule',
    async (lang, heading, accepting, unknown, age) => {
      const response = await fetch(`${app.url}/text?lang=${lang}&borough=cdmx-cuauhtemoc`);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain(heading);
      expect(html).toContain('Clínica Abierta');
      expect(html).toContain('Calle Doctor Vértiz 10');
      expect(html).toContain(accepting);
      expect(html).toContain(unknown);
      expect(html).toContain(age);
      expect(html).toContain('Centro Violeta de atención');
      expect(html.indexOf(heading)).toBeGreaterThan(html.indexOf('Albergue Centro'));
      expect(leaks(html)).toEqual([]);
      // The boroughs' index stays as it was: no services there.
      expect(await (await fetch(`${app.url}/text?lang=${lang}`)).text()).not.toContain(
        'Clínica Abierta',
      );
    },
  );

  it('no other public surface carries a canary either', async () => {
    for (const path of [
      '/availability.json',
      '/shelters.geojson',
      '/print?lang=es',
      '/text?lang=es',
      '/text?lang=es&borough=other',
    ]) {
      const response = await fetch(`${app.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect({ path, leaks: leaks(await response.text()) }).toEqual({ path, leaks: [] });
    }
  });

  it.each(['es', 'ht'])(
    'the map’s sheet (%s) loads the services near the shelter when it opens, in words, accessible',
    async (lang) => {
      const page = await browser.context.newPage();
      // A phone, where the list comes first (the wide layout's map attribution is axe's own
      // finding, left to the map's issue).
      await page.setViewportSize({ width: 360, height: 740 });
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await page.goto(`${app.url}/?lang=${lang}`);
      const open = page.locator(`.cards .open[data-shelter-id="${shelterId}"]`);
      await open.waitFor();
      await page.waitForLoadState('networkidle');
      // Not in the first view: neither the chunk nor the query.
      expect(asked.filter((url) => /\/assets\/health-|\/graphql/.test(url))).toEqual([]);
      await open.click();
      const items = page.locator('#health-list .health-list li');
      await items.first().waitFor();
      expect(await items.count()).toBe(3);
      const text = (await page.locator('#health-list').textContent()) ?? '';
      expect(text).toContain('Clínica Abierta');
      expect(text).toContain(lang === 'es' ? '✔ Recibe personas' : '✔ Ap resevwa moun');
      expect(text).toContain(lang === 'es' ? '? Cupo desconocido' : '? Nou pa konnen si gen plas');
      expect(text).toContain(lang === 'es' ? 'hace 3 días' : 'sa gen 3 jou');
      expect(text).toContain(
        lang === 'es' ? 'Dirección no publicada por seguridad' : 'Adrès la pa pibliye pou sekirite',
      );
      expect(await page.locator('#health-title').textContent()).toBe(
        lang === 'es' ? 'Servicios de salud cercanos' : 'Sèvis sante ki tou pre',
      );
      expect(leaks(await page.content())).toEqual([]);
      expect(await axeFindings(page)).toEqual([]);
      await page.close();
    },
  );

  it('offline, the sheet says the services could not be loaded, and tries again when asked', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/?lang=es`);
    const open = page.locator(`.cards .open[data-shelter-id="${shelterId}"]`);
    await open.waitFor();
    await page.waitForLoadState('networkidle');
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await open.click();
    await page.locator('#health-retry').waitFor();
    expect(await page.locator('#health-list').textContent()).toContain(
      'No se pudieron cargar los servicios de salud',
    );
    await page.unroute('**/graphql');
    await page.locator('#health-retry').click();
    await page.locator('#health-list .health-list li').first().waitFor();
    expect(await page.locator('#health-list .health-list li').count()).toBe(3);
    await page.close();
  });

  // Last: it reports a capacity, which the tests above read as stale.
  it('/text reads the public services once per 30 s on an instance, at once after a change there', async () => {
    const text = async () =>
      (await fetch(`${app.url}/text?lang=es&borough=cdmx-cuauhtemoc`)).text();
    const reads = (sql: string[]) => sql.filter((query) => query.includes('health_service'));
    await text();
    // Twenty anonymous pages: no statement at all for the services (each read one before).
    expect(
      reads(
        await app.statements(async () => {
          for (let page = 0; page < 20; page += 1) {
            await text();
          }
        }),
      ),
    ).toEqual([]);
    // A report through this instance shows at once on its pages.
    expect(await text()).toContain('actualizado hace 3 días');
    const staff = await serviceStaffAt(app, ids.stale);
    const reported = await staff.gql(
      'mutation($input: ReportServiceCapacityInput!) { reportServiceCapacity(input: $input) { id } }',
      { input: { requestId: randomUUID(), serviceId: ids.stale, status: 'ACCEPTING' } },
    );
    expect(reported.errors).toBeUndefined();
    expect(await text()).not.toContain('actualizado hace 3 días');
  });
});
