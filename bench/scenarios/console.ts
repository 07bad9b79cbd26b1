import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Cookie } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../clients/chromium.js';
import { anonymous, signIn, type SignedIn } from '../../clients/graphql-client.js';
import { createStaff } from '../../clients/staff-accounts.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/api/src/demo/demo-users.js';
import { type BenchProcess, spawnApi } from '../harness.js';
import { measureNetworkView, type NetworkRepaintRow } from './console-network.js';

/** The project root, from dist/bench/scenarios (where this file runs). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A phone's screen, and its CPU four times slower than this machine's (as first-screen). */
const PHONE = { width: 360, height: 740 };
const CPU_SLOWDOWN = 4;
const BENCH_PASSWORD = 'a bench passphrase long enough';
/** The measured board and its peer, in beds; rooms of 20 beds each. */
export const BOARD_SIZES = [200, 20] as const;
const BEDS_PER_ROOM = 20;

export type FirstViewPage = 'console' | 'console board (200 beds)' | 'public map';

export interface FirstViewRow {
  page: FirstViewPage;
  path: string;
  runs: number;
  /** Every byte on the wire (headers included, compressed as sent) until the network is quiet, median. */
  bytes: number;
  bytesRange: [number, number];
  requests: number;
}

export interface BoardRepaintRow {
  beds: number;
  events: number;
  /** From the `board` event's arrival on the page's socket to the frame after its bed changed. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface ConsoleReport {
  cpuSlowdown: number;
  /** Shelters on the public map (its first view carries them all). */
  shelters: number;
  firstView: FirstViewRow[];
  board: BoardRepaintRow[];
  /** The figures' plots (issue 19): a year of daily figures, and a fortnight as the peer. */
  plots?: PlotRenderRow[];
  /** The network view (issue 19): a report's repaint with 1,000 shelters, and with 100 (the peer). */
  network?: NetworkRepaintRow[];
}

/**
 * "console": (a) the staff console's first view after sign-in, cold (no cache, no service
 * worker), in bytes on the wire until the network is quiet, beside the public map's first view
 * in the same run; (b) the live bed board in Chromium (phone screen, CPU slowed 4×): the time from
 * a `/staff` `board` event, caused by a real check-out through the API, to the frame after the
 * changed bed's row repainted, median and p95 over `events` check-outs, on a 200-bed board and
 * on a 20-bed board (the peer) in the same run. Albergue runs as `npm start` in its own process,
 * on the bench's seeded network (the demo network and the seeded shelters), two shelters added.
 * (c) The network view (issue 19, console-network.ts): a report's repaint in the table at 1,000
 * shelters against 100, on a database of its own.
 */
export async function consoleBench({
  databaseUrl,
  runs,
  events,
}: {
  databaseUrl: string;
  /** Cold loads per page for the bytes. */
  runs: number;
  /** Check-outs measured per board. */
  events: number;
}): Promise<ConsoleReport> {
  if (!existsSync(path.join(root, 'apps/web/dist/console/index.html'))) {
    throw new Error('apps/web/dist/console is missing: run `npm run build:web` before the bench');
  }
  // The bench's seeded network (migrated, the demo network in it): an instance starts at once.
  const api = await spawnApi(databaseUrl);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const staff = await benchStaff(api.url);
    const boards = [];
    for (const size of BOARD_SIZES) {
      boards.push(await boardOf(staff, size));
    }
    const cookies = await signInThrough(browser, api.url, staff.email);
    const firstView = await measureFirstViews(browser, api, cookies, boards[0].shelterId, runs);
    const samples = new Map<number, number[]>(BOARD_SIZES.map((size) => [size, []]));
    // Two passes, the boards in turn and in reverse, so that neither always goes first.
    for (const order of [boards, [...boards].reverse()]) {
      for (const board of order) {
        samples
          .get(board.size)!
          .push(
            ...(await measureBoard(browser, api.url, cookies, staff.session, board, events / 2)),
          );
      }
    }
    const plots = await measurePlots(browser, api.url, cookies, boards[0].shelterId, runs);
    const snapshot = (await (await fetch(`${api.url}/availability.json`)).json()) as {
      shelters: unknown[];
    };
    // The network view, on a database of its own (its size is the measure): issue 19.
    const network = await measureNetworkView(browser, databaseUrl, {
      events,
      cpuSlowdown: CPU_SLOWDOWN,
    });
    return {
      cpuSlowdown: CPU_SLOWDOWN,
      shelters: snapshot.shelters.length,
      plots,
      firstView,
      network,
      board: BOARD_SIZES.map((size) => {
        const times = [...samples.get(size)!].sort((a, b) => a - b);
        return {
          beds: size,
          events: times.length,
          medianMs: quantile(times, 0.5),
          p95Ms: quantile(times, 0.95),
          maxMs: times[times.length - 1],
        };
      }),
    };
  } finally {
    await browser.close();
    await api.stop();
  }
}

interface Staff {
  email: string;
  session: SignedIn;
  id: string;
  organisationId: string;
  admin: SignedIn;
}

async function benchStaff(url: string): Promise<Staff> {
  const admin = await signIn(url, 'admin@demo.example', DEMO_PASSWORD, DEMO_TOTP_SECRET);
  const email = `bench-${randomUUID()}@bench.example`;
  const id = await createStaff(admin, anonymous(url), {
    email,
    password: BENCH_PASSWORD,
    displayName: 'Bench',
  });
  const organisationId = (
    await admin.gql<{ organisations: { id: string }[] }>('{ organisations { id } }')
  ).data!.organisations[0].id;
  return { email, id, organisationId, admin, session: await signIn(url, email, BENCH_PASSWORD) };
}

interface Board {
  size: number;
  shelterId: string;
  /** Bed ids in the board's order, and the person checked into each. */
  beds: string[];
  residents: string[];
}

function must<T>(step: string, result: { data: T | null; errors?: unknown }): T {
  if (!result.data) {
    throw new Error(`${step} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** A beds-mode shelter of `size` beds in rooms of 20, every bed taken by a registered person. */
async function boardOf(staff: Staff, size: number): Promise<Board> {
  const { createShelter } = must(
    'createShelter',
    await staff.admin.gql<{ createShelter: { id: string } }>(
      'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          organisationId: staff.organisationId,
          name: `Bench board ${size}`,
          location: { lat: 19.3 + size / 5000, lng: -99.2 },
          capacity: [{ population: 'MEN', totalBeds: size }],
        },
      },
    ),
  );
  const shelterId = createShelter.id;
  must(
    'setMembership',
    await staff.admin.gql(
      'mutation($input: MembershipInput!) { setMembership(input: $input) { id } }',
      { input: { userId: staff.id, shelterId, role: 'COORDINATOR' } },
    ),
  );
  const session = staff.session;
  for (let room = 0; room < size / BEDS_PER_ROOM; room += 1) {
    const { createRoom } = must(
      'createRoom',
      await session.gql<{ createRoom: { id: string } }>(
        'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
        {
          input: {
            requestId: randomUUID(),
            shelterId,
            name: `Dorm ${String(room + 1).padStart(2, '0')}`,
          },
        },
      ),
    );
    must(
      'addBeds',
      await session.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
        input: {
          requestId: randomUUID(),
          roomId: createRoom.id,
          count: BEDS_PER_ROOM,
          kind: 'BUNK',
          population: 'MEN',
        },
      }),
    );
  }
  must(
    'switchToBedsMode',
    await session.gql(
      'mutation($input: BedsModeInput!) { switchToBedsMode(input: $input) { id } }',
      {
        input: { requestId: randomUUID(), shelterId },
      },
    ),
  );
  const beds = must(
    'bedBoard',
    await session.gql<{ bedBoard: { id: string }[] }>(
      'query($id: ID!) { bedBoard(shelterId: $id) { id } }',
      { id: shelterId },
    ),
  ).bedBoard.map((bed) => bed.id);
  const residents: string[] = [];
  for (let first = 0; first < size; first += BEDS_PER_ROOM) {
    const { registerHousehold } = must(
      'registerHousehold',
      await session.gql<{ registerHousehold: { members: { id: string }[] } }>(
        'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { members { id } } }',
        {
          input: {
            requestId: randomUUID(),
            shelterId,
            members: Array.from({ length: BEDS_PER_ROOM }, (_, i) => ({
              name: `Bench Person ${size}-${first + i}`,
              birthYear: 1990,
              nationality: 'HT',
              population: 'MEN',
            })),
            legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
            confirmNew: true,
          },
        },
      ),
    );
    const ids = registerHousehold.members.map((member) => member.id);
    must(
      'checkIn',
      await session.gql('mutation($input: CheckInInput!) { checkIn(input: $input) { id } }', {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentIds: ids,
          bedIds: beds.slice(first, first + ids.length),
        },
      }),
    );
    residents.push(...ids);
  }
  return { size, shelterId, beds, residents };
}

/** The session cookie a person gets by signing in through the console's own form. */
async function signInThrough(browser: Browser, origin: string, email: string): Promise<Cookie[]> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'es-MX' });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/console/?lang=es`);
    await page.fill('.sign-in input[name=email]', email);
    await page.fill('.sign-in input[name=password]', BENCH_PASSWORD);
    await page.click('.sign-in form button[type=submit]');
    await page.waitForSelector('header.top .connection');
    return await context.cookies();
  } finally {
    await context.close();
  }
}

/** A cold context (no cache, no service worker) holding the session cookie; on a phone's screen. */
async function coldContext(browser: Browser, cookies: Cookie[]): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'es-MX',
    serviceWorkers: 'block',
  });
  await context.addCookies(cookies);
  return context;
}

async function measureFirstViews(
  browser: Browser,
  api: BenchProcess,
  cookies: Cookie[],
  boardShelterId: string,
  runs: number,
): Promise<FirstViewRow[]> {
  const pages: { page: FirstViewPage; path: string; ready: string }[] = [
    { page: 'console', path: '/console/?lang=es', ready: '#shelters-title' },
    {
      page: 'console board (200 beds)',
      path: `/console/shelters/${boardShelterId}/board?lang=es`,
      ready: 'li.bed',
    },
    { page: 'public map', path: '/?lang=es', ready: 'body' },
  ];
  const samples = new Map<FirstViewPage, { bytes: number; requests: number }[]>(
    pages.map((each) => [each.page, []]),
  );
  for (let run = 0; run < runs; run += 1) {
    for (const each of run % 2 === 0 ? pages : [...pages].reverse()) {
      samples.get(each.page)!.push(await firstView(browser, api.url, cookies, each));
    }
  }
  return pages.map((each) => {
    const bytes = samples.get(each.page)!.map((sample) => sample.bytes);
    return {
      page: each.page,
      path: each.path.replace(boardShelterId, ':shelterId'),
      runs,
      bytes: quantile(
        [...bytes].sort((a, b) => a - b),
        0.5,
      ),
      bytesRange: [Math.min(...bytes), Math.max(...bytes)],
      requests: samples.get(each.page)![0].requests,
    };
  });
}

/** One cold load, signed in: bytes on the wire (CDP's encodedDataLength) until the network is quiet. */
async function firstView(
  browser: Browser,
  origin: string,
  cookies: Cookie[],
  target: { path: string; ready: string },
): Promise<{ bytes: number; requests: number }> {
  const context = await coldContext(browser, cookies);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
      requests += 1;
    });
    await page.goto(`${origin}${target.path}`, { waitUntil: 'commit' });
    await page.waitForSelector(target.ready, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return { bytes, requests };
  } finally {
    await context.close();
  }
}

interface BoardMarks {
  /** performance.now() of each `board` message on the page's websocket. */
  messages: number[];
  /** The frame after a bed row's data-state changed. */
  repaints: { bed: string; state: string; t: number }[];
  upgraded: boolean;
}

/**
 * `count` check-outs on one board, each through the API while the board is open on a phone: the
 * time from the `board` message's arrival on the page's socket to the frame after its bed's row
 * said "free". The person is checked in again (not measured) before the next.
 */
async function measureBoard(
  browser: Browser,
  origin: string,
  cookies: Cookie[],
  session: SignedIn,
  board: Board,
  count: number,
): Promise<number[]> {
  const context = await coldContext(browser, cookies);
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const marks: BoardMarks = { messages: [], repaints: [], upgraded: false };
      (window as unknown as { boardMarks: BoardMarks }).boardMarks = marks;
      const Native = window.WebSocket;
      // socket.io's events arrive on this socket once upgraded (its first packets by polling).
      class Watched extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (event: MessageEvent) => {
            if (typeof event.data === 'string' && event.data.includes('["board"')) {
              marks.messages.push(performance.now());
            }
          });
        }

        override send(data: Parameters<WebSocket['send']>[0]): void {
          if (data === '5') {
            marks.upgraded = true;
          }
          super.send(data);
        }
      }
      window.WebSocket = Watched;
      new MutationObserver((records) => {
        for (const record of records) {
          const row = record.target as Element;
          const bed = row.getAttribute('data-bed');
          const state = row.getAttribute('data-state');
          if (bed && state) {
            requestAnimationFrame(() => marks.repaints.push({ bed, state, t: performance.now() }));
          }
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(`${origin}/console/shelters/${board.shelterId}/board?lang=es`);
    await page.waitForSelector(`li[data-bed="${board.beds[0]}"][data-state="occupied"]`, {
      timeout: 60_000,
    });
    await page.waitForFunction(
      () => (window as unknown as { boardMarks: BoardMarks }).boardMarks.upgraded,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const times: number[] = [];
    for (let event = 0; event < count; event += 1) {
      const index = event % board.size;
      const bedId = board.beds[index];
      const residentId = board.residents[index];
      const from = await page.evaluate(() => {
        const marks = (window as unknown as { boardMarks: BoardMarks }).boardMarks;
        return { messages: marks.messages.length, repaints: marks.repaints.length };
      });
      must(
        'checkOut',
        await session.gql('mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }', {
          input: { requestId: randomUUID(), residentId },
        }),
      );
      const ms = await page.waitForFunction(
        ({ bed, since }) => {
          const marks = (window as unknown as { boardMarks: BoardMarks }).boardMarks;
          const repaint = marks.repaints
            .slice(since.repaints)
            .find((each) => each.bed === bed && each.state === 'free');
          const arrived = marks.messages
            .slice(since.messages)
            .filter((t) => repaint && t <= repaint.t)
            .pop();
          return repaint && arrived !== undefined ? repaint.t - arrived : false;
        },
        { bed: bedId, since: from },
        { timeout: 30_000 },
      );
      times.push(Math.round(((await ms.jsonValue()) as number) * 10) / 10);
      must(
        'checkIn',
        await session.gql('mutation($input: CheckInInput!) { checkIn(input: $input) { id } }', {
          input: {
            requestId: randomUUID(),
            shelterId: board.shelterId,
            residentIds: [residentId],
            bedIds: [bedId],
          },
        }),
      );
      await page.waitForSelector(`li[data-bed="${bedId}"][data-state="occupied"]`);
    }
    return times;
  } finally {
    await context.close();
  }
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** The plots' spans in days: a year of daily figures, and a fortnight (the screen's default) as the peer. */
export const PLOT_SPANS = [365, 14] as const;
/** Loads per span for each `runs` of the first view (the plots are cheap to load). */
const PLOT_LOADS_PER_RUN = 3;

export interface PlotRenderRow {
  days: number;
  loads: number;
  /** Plots on the screen, each drawn by uPlot from the same dailyFigures answer. */
  plots: number;
  /**
   * All the plots' drawing: from the first plot's data (uPlot's chunk loaded) to the frame after
   * the last plot drew, median. The plots are made one after another in one task, so their own
   * spans overlap: this is the time the reader waits for all of them.
   */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** From navigation to the frame after the last plot (the page, the query, uPlot's chunk), median. */
  screenMedianMs: number;
}

/**
 * The figures' plots (issue 19) on a phone (360 × 740, CPU 4×): a shelter's own figures screen,
 * its coordinator signed in, opened cold with a range of a year and with a fortnight, alternating.
 * Each plot says in the page when uPlot began with its data (data-started-at) and when the frame
 * after it drew came (data-drawn-at): per load, the first beginning to the last frame.
 */
async function measurePlots(
  browser: Browser,
  origin: string,
  cookies: Cookie[],
  shelterId: string,
  runs: number,
): Promise<PlotRenderRow[]> {
  const loads = runs * PLOT_LOADS_PER_RUN;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Mexico_City' });
  const dayBefore = (day: string, n: number) =>
    new Date(Date.parse(`${day}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const samples = new Map<number, { drawing: number; screen: number; plots: number }[]>(
    PLOT_SPANS.map((days) => [days, []]),
  );
  for (let load = 0; load < loads; load += 1) {
    for (const days of load % 2 === 0 ? PLOT_SPANS : [...PLOT_SPANS].reverse()) {
      const context = await coldContext(browser, cookies);
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        const from = dayBefore(today, days - 1);
        await page.goto(
          `${origin}/console/shelters/${shelterId}/figures?from=${from}&to=${today}&lang=es`,
        );
        await page.waitForFunction(
          (want) => document.querySelectorAll('.figure-plot[data-render-ms]').length === want,
          4,
          { timeout: 60_000 },
        );
        const rows = await page.locator('#figures-occupancy-table tbody tr').count();
        if (rows !== days) {
          throw new Error(`figures: ${rows} days on screen, ${days} asked for`);
        }
        const marks = await page.$$eval('.figure-plot[data-render-ms]', (plots) =>
          plots.map((plot) => ({
            start: Number((plot as HTMLElement).dataset.startedAt),
            at: Number((plot as HTMLElement).dataset.drawnAt),
          })),
        );
        samples.get(days)!.push({
          drawing:
            Math.max(...marks.map((mark) => mark.at)) -
            Math.min(...marks.map((mark) => mark.start)),
          screen: Math.max(...marks.map((mark) => mark.at)),
          plots: marks.length,
        });
      } finally {
        await context.close();
      }
    }
  }
  return PLOT_SPANS.map((days) => {
    const taken = samples.get(days)!;
    const drawing = taken.map((sample) => sample.drawing).sort((a, b) => a - b);
    const screen = taken.map((sample) => sample.screen).sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      days,
      loads: taken.length,
      plots: taken[0]?.plots ?? 0,
      medianMs: round(quantile(drawing, 0.5)),
      p95Ms: round(quantile(drawing, 0.95)),
      maxMs: round(drawing[drawing.length - 1]),
      screenMedianMs: Math.round(quantile(screen, 0.5)),
    };
  });
}
