import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleFor, consoleWords, PHONE } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface BoardRow {
  id: string;
  label: string;
  use: { residentId: string | null } | null;
}

describe('The staff console: the live bed board (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let countsShelterId: string;
  let volunteer: Person;
  let coordinator: Person;
  /** Bed ids by number ("1"…"8" of "Dormitorio-1"…), in the one room bedsAt makes. */
  const bed: Record<string, string> = {};
  const contexts: BrowserContext[] = [];

  const newContext = async (locale = 'es-MX') => {
    const context = await browser.newContext({ locale, viewport: PHONE });
    contexts.push(context);
    return context;
  };

  const board = async (): Promise<BoardRow[]> =>
    (
      await coordinator.gql<{ bedBoard: BoardRow[] }>(
        'query($id: ID!) { bedBoard(shelterId: $id) { id label use { residentId } } }',
        { id: shelterId },
      )
    ).data!.bedBoard;

  /** A person registered at the shelter (as the gate does), and checked into `label`'s bed. */
  const personIn = async (name: string, label: string): Promise<string> => {
    const registered = await coordinator.gql<{
      registerHousehold: { members: { id: string }[] };
    }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { members { id } } }',
      {
        input: householdInput(shelterId, [adult(name, { population: 'MEN' })], {
          confirmNew: true,
        }),
      },
    );
    const residentId = registered.data!.registerHousehold.members[0].id;
    const checkedIn = await coordinator.gql(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentIds: [residentId],
          bedIds: [bed[label]],
        },
      },
    );
    if (checkedIn.errors) {
      throw new Error(JSON.stringify(checkedIn.errors));
    }
    return residentId;
  };

  const row = (page: Page, label: string) => page.locator(`li[data-bed="${bed[label]}"]`);
  const stateOf = (page: Page, label: string, state: string) =>
    page.waitForSelector(`li[data-bed="${bed[label]}"][data-state="${state}"]`);
  const openBoard = async (person: Person, lang = 'es', context?: BrowserContext) => {
    const page = await consoleFor(
      context ?? (await newContext()),
      app,
      person,
      `/console/shelters/${shelterId}/board`,
      lang,
    );
    await page.waitForSelector('li.bed');
    return page;
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa Tablero', populations: ['MEN'] });
    countsShelterId = await shelterFor(app, { name: 'Casa Conteo', populations: ['MEN'] });
    coordinator = await staffAt(app, {
      role: 'COORDINATOR',
      shelterIds: [shelterId, countsShelterId],
    });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    await bedsAt(coordinator, shelterId, 8, 'MEN');
    for (const each of await board()) {
      bed[each.label.replace(/^.*-/, '')] = each.id;
    }
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('shows the beds with their states in words and who holds them as initials, and follows another staff member’s check-out live, without reading the board again', async () => {
    const words = await consoleWords('es');
    const jean = await personIn('Jean Baptiste Pierre', '1');
    const rose = await personIn('Rose Marie', '2');
    // Someone registered here but in no bed: the board has no reason to read them.
    await coordinator.gql(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
      {
        input: householdInput(shelterId, [adult('Nadie Encama', { population: 'MEN' })], {
          confirmNew: true,
        }),
      },
    );
    const context = await newContext();
    const reads: { query: string; variables?: { id?: string; ids?: string[] } }[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.method() === 'POST') {
        reads.push(JSON.parse(request.postData() ?? '{}') as (typeof reads)[number]);
      }
    });
    const page = await openBoard(volunteer, 'es', context);
    await stateOf(page, '1', 'occupied');
    expect(await page.locator('li.bed').count()).toBe(8);
    expect(await page.locator('.room h2').textContent()).toContain('Dormitorio');
    expect(await row(page, '1').locator('.bed-state').textContent()).toBe(
      words['board.state.occupied'],
    );
    expect(await row(page, '3').locator('.bed-state').textContent()).toBe(
      words['board.state.free'],
    );
    // Initials only, once the names the role may read have come.
    await page.waitForFunction(
      (id) => document.querySelector(`li[data-bed="${id}"] .bed-detail`)?.textContent,
      bed['1'],
    );
    expect(await row(page, '1').locator('.bed-detail').textContent()).toBe('Persona: J. B. P.');
    expect(await page.locator('main').textContent()).not.toContain('Jean');
    await page.waitForFunction(
      (id) => document.querySelector(`li[data-bed="${id}"] .bed-detail`)?.textContent,
      bed['2'],
    );
    // Only the people on the board were read, in one request by their ids: not the shelter's list
    // (a third person is registered there, without a bed), nor a request per person.
    const lists = reads.filter((read) => read.query.includes('residentsOf'));
    expect(lists).toHaveLength(1);
    expect([...(lists[0].variables?.ids ?? [])].sort()).toEqual([jean, rose].sort());
    expect(reads.filter((read) => /\bresident\(/.test(read.query))).toEqual([]);
    // The summary is no live region: it would be read out again at every event.
    expect(await page.locator('.board-summary').getAttribute('role')).toBeNull();
    expect(await page.locator('.board-summary').getAttribute('aria-live')).toBeNull();

    // The same page, not a new one: a mark that a reload would lose.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    const boardReads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('bedBoard')) {
        boardReads.push(request.postData()!);
      }
    });
    const out = await coordinator.gql(
      'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId: jean } },
    );
    expect(out.errors).toBeUndefined();
    await stateOf(page, '1', 'free');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    // The event carried the board: nothing was read again.
    expect(boardReads).toEqual([]);
    expect(await page.locator('.board-summary').textContent()).toContain('Ocupadas: 1');
    // Someone checked in meanwhile at the gate: their bed, and their initials, come too.
    await personIn('Wilner Dorcelus', '1');
    await stateOf(page, '1', 'occupied');
    await page.waitForFunction(
      (id) =>
        document.querySelector(`li[data-bed="${id}"] .bed-detail`)?.textContent ===
        'Persona: W. D.',
      bed['1'],
    );
    expect(boardReads).toEqual([]);
  });

  it('checks a person out and moves another from the board; a volunteer has no out-of-service controls', async () => {
    const words = await consoleWords('es');
    await personIn('Marc Antoine', '3');
    await personIn('Luc Joseph', '4');
    const page = await openBoard(volunteer);
    await stateOf(page, '3', 'occupied');
    // A volunteer acts only on occupied beds: no control on free ones (out of service is a
    // coordinator's).
    expect(await page.locator('li[data-state="free"] .bed-toggle').count()).toBe(0);

    await row(page, '3').locator('.bed-toggle').click();
    await row(page, '3').locator(`button:text("${words['board.checkOut']}")`).click();
    await row(page, '3').locator('button.primary').click();
    await page.waitForSelector(`.notice.success:text("${words['board.done.checkOut']}")`);
    await stateOf(page, '3', 'free');

    await row(page, '4').locator('.bed-toggle').click();
    await row(page, '4').locator('select[name=bedId]').selectOption(bed['7']);
    await row(page, '4').locator('form.bed-move button[type=submit]').click();
    await page.waitForSelector(`.notice.success:text("${words['board.done.move']}")`);
    await stateOf(page, '7', 'occupied');
    await stateOf(page, '4', 'free');
    const rows = await board();
    expect(rows.find((each) => each.id === bed['4'])!.use).toBeNull();
    expect(rows.find((each) => each.id === bed['7'])!.use?.residentId).toBeTruthy();
  });

  it('lets a coordinator take a free bed out of service with a reason, and put it back', async () => {
    const words = await consoleWords('es');
    const page = await openBoard(coordinator);
    await row(page, '8').locator('.bed-toggle').click();
    await row(page, '8').locator('input[name=reason]').fill('Colchón roto');
    await row(page, '8').locator('form.bed-service button[type=submit]').click();
    await stateOf(page, '8', 'outOfService');
    expect(await row(page, '8').textContent()).toContain('Motivo: Colchón roto');
    expect(await row(page, '8').locator('.bed-state').textContent()).toBe(
      words['board.state.outOfService'],
    );
    await row(page, '8').locator('.bed-toggle').click();
    await row(page, '8').locator(`button:text("${words['board.backInService']}")`).click();
    await stateOf(page, '8', 'free');
  });

  it('explains a bed taken a second ago in words and shows the board as it is now', async () => {
    const words = await consoleWords('es');
    const mover = await personIn('Paul Henri', '5');
    expect(mover).toBeTruthy();
    // Board events to this page held back from now on, as on a slow connection: the page does
    // not yet know that the bed was taken when the volunteer acts.
    let holding = false;
    let upgraded!: () => void;
    const onWebSocket = new Promise<void>((resolve) => (upgraded = resolve));
    const context = await newContext();
    await context.routeWebSocket(/socket\.io/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        // socket.io's upgrade packet: from now on every event comes through this socket.
        if (message === '5') {
          upgraded();
        }
        server.send(message);
      });
      server.onMessage((message) => {
        if (!(holding && typeof message === 'string' && message.includes('"board"'))) {
          socket.send(message);
        }
      });
    });
    const page = await openBoard(volunteer, 'es', context);
    await onWebSocket;
    await stateOf(page, '6', 'free');
    await row(page, '5').locator('.bed-toggle').click();
    await row(page, '5').locator('select[name=bedId]').selectOption(bed['6']);
    holding = true;
    await personIn('Ana Lucía', '6');
    await row(page, '5').locator('form.bed-move button[type=submit]').click();
    await page.waitForSelector(`.notice.warning:text("${words['board.conflict']}")`);
    expect(await page.locator('.notice.warning').getAttribute('role')).toBe('alert');
    // Read again: bed 6 is taken, the person still in bed 5; no raw error anywhere.
    await stateOf(page, '6', 'occupied');
    await stateOf(page, '5', 'occupied');
    expect(await page.locator('.notice.error').count()).toBe(0);
  });

  it('never checks out whoever is in the bed now: a bed that changed hands under open actions closes them, and says why', async () => {
    const words = await consoleWords('es');
    const first = await personIn('Pierre Louis', '3');
    // Board events to this page held back, the last kept: as on a slow connection, the page
    // learns of the move and the new check-in at once, in one later event.
    let holding = false;
    const held: string[] = [];
    let onHeld = (): void => undefined;
    let upgraded!: () => void;
    const onWebSocket = new Promise<void>((resolve) => (upgraded = resolve));
    const context = await newContext();
    let client!: WebSocketRoute;
    await context.routeWebSocket(/socket\.io/, (socket) => {
      client = socket;
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        if (message === '5') {
          upgraded();
        }
        server.send(message);
      });
      server.onMessage((message) => {
        if (holding && typeof message === 'string' && message.includes('"board"')) {
          held.push(message);
          onHeld();
        } else {
          socket.send(message);
        }
      });
    });
    const page = await openBoard(volunteer, 'es', context);
    await onWebSocket;
    await stateOf(page, '3', 'occupied');
    await row(page, '3').locator('.bed-toggle').click();
    await row(page, '3').locator(`button:text("${words['board.checkOut']}")`).click();
    await row(page, '3').locator('button.primary').waitFor();

    holding = true;
    const moved = await coordinator.gql(
      'mutation($input: MoveInput!) { move(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId: first, bedId: bed['4'] } },
    );
    expect(moved.errors).toBeUndefined();
    const second = await personIn('Samuel Exantus', '3');
    // The event of that check-in, the last one, carries the board as it is now.
    await new Promise<void>((resolve) => {
      onHeld = () => {
        if (held.at(-1)?.includes(second)) {
          resolve();
        }
      };
      onHeld();
    });
    holding = false;
    client.send(held.at(-1)!);
    // The newer board has come (its holder's initials with it).
    await page.waitForFunction(
      (id) =>
        document.querySelector(`li[data-bed="${id}"] .bed-detail`)?.textContent ===
        'Persona: S. E.',
      bed['3'],
    );
    // The volunteer confirms what they opened, if the page still offers it.
    const confirm = row(page, '3').locator('button.primary');
    if ((await confirm.count()) > 0) {
      await confirm.click();
      await page.waitForSelector('.notice');
    }
    const rows = await board();
    expect(rows.find((each) => each.id === bed['3'])!.use?.residentId).toBe(second);
    expect(rows.find((each) => each.id === bed['4'])!.use?.residentId).toBe(first);
    // The page says why the actions closed, in words.
    expect(await page.locator('.notice.warning').textContent()).toBe(words['board.conflict']);
    expect(await row(page, '3').locator('.bed-panel').count()).toBe(0);
    expect(await row(page, '3').locator('.bed-toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('reads the board again when the connection comes back (events may have been missed)', async () => {
    const context = await newContext();
    const sockets: WebSocketRoute[] = [];
    let upgraded!: () => void;
    const onWebSocket = new Promise<void>((resolve) => (upgraded = resolve));
    await context.routeWebSocket(/socket\.io/, (socket) => {
      const server = socket.connectToServer();
      sockets.push(socket);
      socket.onMessage((message) => {
        // socket.io's upgrade packet: the websocket is now the connection (closing it before
        // would only fail the upgrade, the polling going on).
        if (message === '5') {
          upgraded();
        }
        server.send(message);
      });
      server.onMessage((message) => socket.send(message));
    });
    const page = await openBoard(volunteer, 'es', context);
    await onWebSocket;
    const reread = page.waitForRequest(
      (request) => request.url().endsWith('/graphql') && !!request.postData()?.includes('bedBoard'),
    );
    // The connection drops (a tunnel, a dead cell): socket.io connects again on its own.
    await sockets[0].close({ code: 4000, reason: 'dropped' });
    await reread;
    await page.waitForSelector('header.top .connection-live');
    expect(await page.locator('li.bed').count()).toBe(8);
  });

  it('tells a counts-mode shelter that the board needs beds mode', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      coordinator,
      `/console/shelters/${countsShelterId}/board`,
    );
    await page.waitForSelector('.board-counts');
    expect(await page.locator('.board-counts').textContent()).toBe(words['board.countsMode']);
    expect(await page.locator('li.bed').count()).toBe(0);
  });

  it('puts the board in the shelter’s sections for volunteers and coordinators', async () => {
    const words = await consoleWords('es');
    const page = await openBoard(volunteer);
    const link = page.locator(`nav.sections a[href="/console/shelters/${shelterId}/board"]`);
    expect(await link.textContent()).toBe(words['board.nav']);
    expect(await link.getAttribute('aria-current')).toBe('page');
  });

  it.each(['es', 'fr'])(
    'has no serious or critical axe finding on the board at 360 px in %s',
    async (lang) => {
      const page = await openBoard(coordinator, lang);
      await stateOf(page, '7', 'occupied');
      expect(await axeFindings(page)).toEqual([]);
      // With a bed's actions open (a coordinator's, on a free bed).
      await row(page, '8').locator('.bed-toggle').click();
      await row(page, '8').locator('input[name=reason]').waitFor();
      expect(await axeFindings(page)).toEqual([]);
    },
  );
});
