import { LANGUAGES } from '@albergue/i18n';
import { freePort } from '../apps/api/src/database/embedded-postgres.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** What a reader of each language must see: written here by hand, not taken from the catalogues. */
const PLACES: Record<string, [one: string, two: string]> = {
  en: ['1 free place', '2 free places'],
  es: ['1 lugar libre', '2 lugares libres'],
  fr: ['1 place libre', '2 places libres'],
  ht: ['1 plas lib', '2 plas lib'],
  pt: ['1 vaga livre', '2 vagas livres'],
};

describe('The finder counts places by each language’s plural rules (e2e, Chromium)', () => {
  // One app with two shelters (1 and 2 free places for men); each test opens its own page.
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const ids: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({ TILE_URL: `http://127.0.0.1:${await freePort()}/{z}/{x}/{y}.png` });
    browser = await launchBrowser();
    for (const free of [1, 2]) {
      const shelterId = await shelterFor(app, { name: `Albergue ${free}`, populations: ['MEN'] });
      const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
      const reported = await coordinator.gql(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, shelterId, [
            { population: 'MEN', freeBeds: free, overflowFree: 0 },
          ]),
        },
      );
      expect(reported.errors).toBeUndefined();
      ids.push(shelterId);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('has a line for every language the finder offers', () => {
    expect(Object.keys(PLACES).sort()).toEqual([...LANGUAGES]);
  });

  it.each([...LANGUAGES])('says one place and two places in %s', async (code) => {
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/?lang=${code}`);
    const facts = (id: string) => page.locator(`#list-view li[data-shelter-id="${id}"] .facts`);
    await facts(ids[1]).waitFor();
    expect(await facts(ids[0]).textContent()).toContain(PLACES[code][0]);
    expect(await facts(ids[1]).textContent()).toContain(PLACES[code][1]);
    await page.close();
  });
});
