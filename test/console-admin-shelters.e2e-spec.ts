import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, staffAt, type Person } from './factories/staff.factory.js';
import { consoleFor, consoleWords, screenChunksOf } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Words = Awaited<ReturnType<typeof consoleWords>>;

/** A catalogue message with its placeholders filled (no plurals: the spec reads plain ones). */
const say = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

interface PublicShelter {
  id: string;
  name: string;
  sensitive: boolean;
  trackingMode: string;
  location: { lat: number; lng: number; approximate: boolean };
  address: { street: string | null; postalCode: string | null; boroughCode: string | null };
}

const PUBLIC_FIELDS = `id name sensitive trackingMode location { lat lng approximate }
  address { street postalCode boroughCode }`;

describe('The staff console: an admin sets up organisations, shelters, rooms and beds (e2e, Chromium)', () => {
  // These tests run in order on one world: the admin's one session (a network role signs in with
  // a code, one per 30 s step: one sign-in for the whole file), the organisation and the shelter
  // each test leaves for the next.
  let app: TestApp;
  let browser: Browser;
  let admin: Person;
  let page: Page;
  let es: Words;
  let organisationId: string;
  let shelterId: string;
  const organisationName = `Red Esperanza ${randomUUID().slice(0, 6)}`;
  const shelterName = `Casa Refugio ${randomUUID().slice(0, 6)}`;
  const contexts: BrowserContext[] = [];

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'es-MX' });
    contexts.push(context);
    return context;
  };
  const go = async (path: string, lang = 'es') => {
    await page.goto(`${app.url}/console${path}?lang=${lang}`);
  };
  const publicShelter = async (id: string) =>
    (
      await app.gql<{ shelter: PublicShelter }>(
        `query($id: ID!) { shelter(id: $id) { ${PUBLIC_FIELDS} } }`,
        { id },
      )
    ).data!.shelter;
  const roomsOf = async (id: string) =>
    (
      await admin.gql<{
        rooms: {
          name: string;
          beds: { label: string; population: string; outOfServiceReason: string | null }[];
        }[];
      }>(
        'query($s: ID!) { rooms(shelterId: $s) { name beds { label population outOfServiceReason } } }',
        { s: id },
      )
    ).data!.rooms;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    es = await consoleWords('es');
    admin = await networkUser(app, 'ADMIN');
    page = await consoleFor(await newContext(), app, admin, '/console/admin/organisations');
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('shows an admin the administration sections on every screen', async () => {
    const links = await page
      .locator('nav.network a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(
      expect.arrayContaining(['/console/admin/organisations', '/console/admin/shelters']),
    );
  });

  it('creates an organisation, then edits it', async () => {
    await page.waitForSelector('#organisations-title');
    const form = page.locator('form[aria-labelledby="organisation-new"]');
    await form.locator('input[name=name]').fill(organisationName);
    await form.locator('select[name=kind]').selectOption('CHURCH');
    await form.locator('input[name=phone]').fill('+52 55 5555 0101');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector(
      `.notice.success:text("${say(es['orgs.created'], { name: organisationName })}")`,
    );
    const listed = (
      await app.gql<{ organisations: { id: string; name: string; kind: string; phone: string }[] }>(
        '{ organisations { id name kind phone } }',
      )
    ).data!.organisations.find((each) => each.name === organisationName)!;
    expect(listed).toMatchObject({ kind: 'CHURCH', phone: '+52 55 5555 0101' });
    organisationId = listed.id;

    const row = page.locator(`li[data-organisation="${organisationId}"]`);
    await row.locator('button').click();
    await row.locator('input[name=website]').fill('https://esperanza.example');
    await row.locator('button[type=submit]').click();
    await row.locator('form').waitFor({ state: 'detached' });
    const edited = await app.gql<{ organisation: { website: string; name: string } }>(
      'query($id: ID!) { organisation(id: $id) { name website } }',
      { id: organisationId },
    );
    expect(edited.data!.organisation).toEqual({
      name: organisationName,
      website: 'https://esperanza.example',
    });
  });

  it('creates a sensitive shelter, which the public then sees at an approximate area only', async () => {
    await go('/admin/shelters');
    await page.click(`a:text("${es['setup.shelters.new']}")`);
    await page.waitForSelector(`select[name=organisationId] option[value="${organisationId}"]`, {
      state: 'attached',
    });
    await page.selectOption('select[name=organisationId]', organisationId);
    await page.fill('input[name=name]', shelterName);
    await page.check('input[name="WOMEN.served"]');
    await page.fill('input[name="WOMEN.totalBeds"]', '6');
    await page.check('input[name="FAMILIES.served"]');
    await page.fill('input[name="FAMILIES.totalBeds"]', '4');
    await page.selectOption('select[name=boroughCode]', 'cdmx-cuauhtemoc');
    // A decimal comma, as a Spanish keyboard types it.
    await page.fill('input[name=lat]', '19,4326');
    await page.fill('input[name=lng]', '-99.1332');
    await page.fill('input[name=street]', 'Calle Reservada 5');
    await page.fill('input[name=postalCode]', '06000');
    await page.check('input[name=sensitive]');
    expect(await page.textContent('.shelter-form')).toContain(es['setup.sensitive.explain']);
    await page.check('input[name="service.MEALS"]');
    await page.fill('input[name=languages]', 'es, ht');
    await page.click('.shelter-form button[type=submit]');
    await page.waitForSelector('#setup-title');
    shelterId = /\/admin\/shelters\/([^/]+)\/setup/.exec(page.url())![1];

    const shelters = (
      await app.gql<{ shelters: PublicShelter[] }>(`{ shelters(first: 1000) { ${PUBLIC_FIELDS} } }`)
    ).data!.shelters;
    const seen = shelters.find((each) => each.id === shelterId)!;
    expect(seen).toMatchObject({
      name: shelterName,
      sensitive: true,
      location: { approximate: true },
      address: { street: null, postalCode: null, boroughCode: 'cdmx-cuauhtemoc' },
    });
    expect([seen.location.lat, seen.location.lng]).not.toEqual([19.4326, -99.1332]);
    const door = await admin.gql<{ networkShelter: { lat: number; lng: number } }>(
      'query($id: ID!) { networkShelter(id: $id) { lat lng } }',
      { id: shelterId },
    );
    expect(door.data!.networkShelter).toEqual({ lat: 19.4326, lng: -99.1332 });
  });

  it('sets up two rooms with beds; the preview says what is missing, then the figures; it switches', async () => {
    const addRoom = async (name: string) => {
      await page.fill('input[name=roomName]', name);
      await page.click('form.new-room button[type=submit]');
      await page.waitForSelector(`article[data-room="${name}"]`);
    };
    const addBeds = async (room: string, count: string, population: string, kind: string) => {
      const form = page.locator(`article[data-room="${room}"] form.add-beds`);
      await form.locator('input[name=count]').fill(count);
      await form.locator('select[name=kind]').selectOption(kind);
      await form.locator('select[name=population]').selectOption(population);
      await form.locator('button[type=submit]').click();
    };
    await page.waitForSelector(`.beds-mode :text("${es['setup.preview.noBeds']}")`);
    await addRoom('Dormitorio A');
    await addBeds('Dormitorio A', '6', 'WOMEN', 'BUNK');
    await page.waitForSelector('article[data-room="Dormitorio A"] tr[data-bed="Dormitorio A-6"]');

    // Families have no bed yet: said in words, with what to do, and no switch offered.
    const missing = say(es['setup.preview.missing'], { group: es['group.FAMILIES'] });
    await page.waitForSelector(`.beds-mode .missing li:text("${missing}")`);
    expect(await page.locator(`button:text("${es['setup.preview.switch']}")`).count()).toBe(0);

    // A second room of the same name: said in words, and the rooms stay as they are.
    await page.fill('input[name=roomName]', 'Dormitorio A');
    await page.click('form.new-room button[type=submit]');
    await page.waitForSelector(`form.new-room [role=alert]:text("${es['setup.room.taken']}")`);
    expect(await page.locator('article[data-room="Dormitorio A"]').count()).toBe(1);

    // Zero beds: the API's refusal in words, and nothing added.
    await addRoom('Cuarto familiar');
    await addBeds('Cuarto familiar', '0', 'FAMILIES', 'BED');
    const refusal = page.locator('article[data-room="Cuarto familiar"] .notice.error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(say(es['error.BAD_USER_INPUT'], { message: '' }));
    expect(
      (await roomsOf(shelterId)).find((room) => room.name === 'Cuarto familiar')!.beds,
    ).toEqual([]);

    await addBeds('Cuarto familiar', '4', 'FAMILIES', 'BED');
    await page.waitForSelector('.preview-figures tr[data-population=FAMILIES]');
    await page.waitForSelector('.beds-mode .missing', { state: 'detached' });
    const figures = await page
      .locator('.preview-figures tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent)),
      );
    expect(figures).toEqual([
      [es['group.WOMEN'], '6', '6', '—'],
      [es['group.FAMILIES'], '4', '4', '—'],
    ]);

    // A bed out of service, with its reason.
    const bed = page.locator('tr[data-bed="Dormitorio A-2"]');
    await bed.locator('button').click();
    await bed.locator('input[name=reason]').fill('Colchón roto');
    await bed.locator('button[type=submit]').click();
    await page.waitForSelector(
      `tr[data-bed="Dormitorio A-2"] :text("${say(es['setup.bed.outOfService'], { reason: 'Colchón roto' })}")`,
    );

    // Meanwhile the coordinator holds a place in counts mode: the switch is refused, said in
    // words, and the preview, read again, says what to do.
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    const reported = await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      {
        input: await reportInput(coordinator, shelterId, [
          { population: 'WOMEN', freeBeds: 6 },
          { population: 'FAMILIES', freeBeds: 4 },
        ]),
      },
    );
    expect(reported.errors).toBeUndefined();
    const hold = await coordinator.gql<{ placeHold: { holdId: string }[] }>(
      'mutation($input: PlaceHoldInput!) { placeHold(input: $input) { holdId } }',
      {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterId,
          shelterId,
          population: 'WOMEN',
          count: 1,
        },
      },
    );
    expect(hold.errors).toBeUndefined();
    await page.click(`button:text("${es['setup.preview.switch']}")`);
    expect(await page.textContent('.confirm')).toContain(es['setup.preview.confirm']);
    await page.click(`button:text("${es['setup.preview.yes']}")`);
    await page.waitForSelector(
      `.beds-mode [role=alert]:text("${es['setup.refused.HOLDS_WITHOUT_BEDS']}")`,
    );
    await page.waitForSelector('.beds-mode .missing li');
    expect(await page.locator(`button:text("${es['setup.preview.switch']}")`).count()).toBe(0);
    const cancelled = await coordinator.gql(
      'mutation($input: CancelHoldInput!) { cancelHold(input: $input) { id } }',
      { input: { requestId: randomUUID(), holdId: hold.data!.placeHold[0].holdId } },
    );
    expect(cancelled.errors).toBeUndefined();

    await page.reload();
    await page.click(`button:text("${es['setup.preview.switch']}")`);
    await page.click(`button:text("${es['setup.preview.yes']}")`);
    await page.waitForSelector(
      `.beds-mode .notice.success:text("${es['setup.preview.switched']}")`,
    );

    expect((await publicShelter(shelterId)).trackingMode).toBe('BEDS');
    const board = await coordinator.gql<{
      bedBoard: {
        label: string;
        roomName: string;
        population: string;
        outOfServiceReason: string | null;
      }[];
    }>(
      'query($s: ID!) { bedBoard(shelterId: $s) { label roomName population outOfServiceReason } }',
      {
        s: shelterId,
      },
    );
    expect(board.errors).toBeUndefined();
    const beds = board.data!.bedBoard;
    expect(beds).toHaveLength(10);
    expect(
      beds.filter((each) => each.roomName === 'Dormitorio A').map((each) => each.population),
    ).toEqual(Array(6).fill('WOMEN'));
    expect(beds.filter((each) => each.roomName === 'Cuarto familiar')).toHaveLength(4);
    expect(beds.find((each) => each.label === 'Dormitorio A-2')!.outOfServiceReason).toBe(
      'Colchón roto',
    );

    // Seen again, it says it is in beds mode already.
    await page.reload();
    await page.waitForSelector(`.beds-mode .notice.success:text("${es['setup.preview.already']}")`);
  });

  it('edits the shelter (name, sensitive off), and the change is visible over the API', async () => {
    await go('/admin/shelters');
    await page.click(`li[data-shelter="${shelterId}"] a[href$="/edit"]`);
    await page.waitForSelector('.shelter-form');
    expect(await page.inputValue('input[name=lat]')).toBe('19.4326');
    expect(await page.inputValue('input[name=street]')).toBe('Calle Reservada 5');
    expect(await page.isChecked('input[name=sensitive]')).toBe(true);
    // In beds mode the places come from the beds: not typed here.
    expect(await page.isDisabled('input[name="WOMEN.served"]')).toBe(true);
    await page.fill('input[name=name]', `${shelterName} (abierto)`);
    await page.uncheck('input[name=sensitive]');
    await page.click('.shelter-form button[type=submit]');
    await page.waitForSelector(`.notice.success:text("${es['setup.form.saved']}")`);
    expect(await publicShelter(shelterId)).toMatchObject({
      name: `${shelterName} (abierto)`,
      sensitive: false,
      location: { lat: 19.4326, lng: -99.1332, approximate: false },
      address: { street: 'Calle Reservada 5', postalCode: '06000' },
    });
  });

  it('shows a refusal of the API in words and changes nothing (a latitude off the globe)', async () => {
    await go(`/admin/shelters/${shelterId}/edit`);
    await page.waitForSelector('.shelter-form');
    await page.fill('input[name=lat]', '95');
    await page.fill('input[name=name]', 'No debe guardarse');
    await page.click('.shelter-form button[type=submit]');
    const refusal = page.locator('.shelter-form .notice.error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(say(es['error.BAD_USER_INPUT'], { message: '' }));
    expect(await refusal.textContent()).toContain('lat');
    expect(await publicShelter(shelterId)).toMatchObject({
      name: `${shelterName} (abierto)`,
      location: { lat: 19.4326 },
    });
  });

  it('shows neither a network coordinator nor a coordinator the admin sections; their addresses say so', async () => {
    const network = await networkUser(app, 'NETWORK_COORDINATOR');
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    for (const person of [network, coordinator]) {
      const context = await newContext();
      // The administration screens are a chunk of their own: someone they are not for never
      // fetches it.
      const fetched = screenChunksOf(context);
      const other = await consoleFor(context, app, person);
      expect(await other.locator('a[href^="/console/admin"]').count()).toBe(0);
      for (const path of [
        '/admin/organisations',
        '/admin/shelters',
        `/admin/shelters/${shelterId}/setup`,
      ]) {
        await other.goto(`${app.url}/console${path}?lang=es`);
        await other.waitForSelector(`[role=alert]:text("${es['app.notForRole']}")`);
        expect(await other.locator('form').count()).toBe(0);
      }
      expect(fetched).not.toContain('admin');
    }
    // The shelter's coordinator may set up its rooms and beds (the API lets them): a section of
    // their shelter, not of the network.
    const ownContext = await newContext();
    const ownChunks = screenChunksOf(ownContext);
    const own = await consoleFor(ownContext, app, coordinator, `/console/shelters/${shelterId}`);
    await own.click(`nav.sections a[href="/console/shelters/${shelterId}/setup"]`);
    await own.waitForSelector(`.beds-mode .notice.success:text("${es['setup.preview.already']}")`);
    expect(await own.locator('tr[data-bed]').count()).toBe(10);
    // The chunk comes when the set-up is opened (the page's request, and the service worker's
    // as it keeps it): the check above can tell it apart.
    expect(ownChunks).toContain('admin');
  }, 75_000);

  it.each(['es', 'ht'])(
    'has no serious or critical axe finding on its screens in %s',
    async (lang) => {
      // A shelter half set up: the preview's table and its list of what is missing on screen.
      const half = await shelterFor(app, {
        name: `Casa a medias ${lang}`,
        populations: ['MEN', 'LGBTQ'],
      });
      const room = await admin.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        { input: { requestId: randomUUID(), shelterId: half, name: 'Salón' } },
      );
      await admin.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
        input: {
          requestId: randomUUID(),
          roomId: room.data!.createRoom.id,
          count: 3,
          kind: 'MAT',
          population: 'MEN',
          overflow: true,
        },
      });
      const screens: [string, string][] = [
        ['/admin/organisations', '#organisations-title'],
        ['/admin/shelters', '#admin-shelters-title'],
        ['/admin/shelters/new', '.shelter-form'],
        [`/admin/shelters/${shelterId}/edit`, '.shelter-form'],
        [`/admin/shelters/${shelterId}/setup`, '.beds-mode'],
        [`/admin/shelters/${half}/setup`, '.beds-mode .missing'],
      ];
      for (const [path, ready] of screens) {
        await go(path, lang);
        await page.waitForSelector(ready);
        expect({ path, findings: await axeFindings(page) }).toEqual({ path, findings: [] });
      }
    },
  );
});
