import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { anonymous, signIn, type SignedIn } from '../../clients/graphql-client.js';
import { createStaff } from '../../clients/staff-accounts.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/api/src/demo/demo-users.js';
import { recreateDatabase, spawnApi } from '../harness.js';

/** The measured network and its peer, in shelters (the demo network topped up). */
export const NETWORK_SIZES = [100, 1000] as const;
const NETWORK_DATABASE = 'albergue_bench_network';
const PASSWORD = 'a bench passphrase long enough';
const PHONE = { width: 360, height: 740 };

export interface NetworkRepaintRow {
  shelters: number;
  events: number;
  /** From sending reportAvailability (its commit is inside that request) to the row's repaint. */
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The part from the `shelter` message's arrival on the page's websocket to the same frame. */
  fromMessageMedianMs: number;
  fromMessageP95Ms: number;
}

interface NetworkMarks {
  /** Wall-clock ms (timeOrigin + now) of each `shelter` message on the page's websocket. */
  messages: number[];
  /** The frame after a row's data-version changed, in wall-clock ms. */
  repaints: { id: string; version: number; t: number }[];
  upgraded: boolean;
}

const wallClock = () => performance.timeOrigin + performance.now();

function must<T>(step: string, result: { data: T | null; errors?: unknown }): T {
  if (!result.data) {
    throw new Error(`${step} failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/**
 * The network view (issue 19) live: on a database of its own (the demo network, topped up with
 * plain shelters to 100, then to 1,000), a network admin's console open on /console/network on
 * a phone (CPU slowed `cpuSlowdown`×), a coordinator reporting one shelter's counts through the
 * API `events` times; per report, the time from sending it to the frame after that shelter's row
 * took the new version (a MutationObserver on data-version, then requestAnimationFrame; both
 * clocks are this machine's wall clock). The 100-shelter network, measured first in the same
 * run, is the peer: the ratio says what ten times the shelters cost.
 */
export async function measureNetworkView(
  browser: Browser,
  serverUrl: string,
  { events, cpuSlowdown }: { events: number; cpuSlowdown: number },
): Promise<NetworkRepaintRow[]> {
  const url = await recreateDatabase(serverUrl, NETWORK_DATABASE);
  const api = await spawnApi(url);
  try {
    const admin = await signIn(api.url, 'admin@demo.example', DEMO_PASSWORD, DEMO_TOTP_SECRET);
    const organisationId = must(
      'organisations',
      await admin.gql<{ organisations: { id: string }[] }>('{ organisations { id } }'),
    ).organisations[0].id;
    const shelterId = await addShelter(admin, organisationId, 'Bench network shelter', 0);
    const email = `bench-network-${randomUUID()}@bench.example`;
    const staffId = await createStaff(admin, anonymous(api.url), {
      email,
      password: PASSWORD,
      displayName: 'Bench network',
    });
    must(
      'setMembership',
      await admin.gql(
        'mutation($input: MembershipInput!) { setMembership(input: $input) { id } }',
        {
          input: { userId: staffId, shelterId, role: 'COORDINATOR' },
        },
      ),
    );
    const coordinator = await signIn(api.url, email, PASSWORD);
    const rows: NetworkRepaintRow[] = [];
    for (const size of NETWORK_SIZES) {
      await topUp(admin, organisationId, size);
      const times = await measure(browser, api.url, admin, coordinator, shelterId, {
        events,
        cpuSlowdown,
        size,
      });
      const total = times.map((each) => each.total).sort((a, b) => a - b);
      const fromMessage = times.map((each) => each.fromMessage).sort((a, b) => a - b);
      rows.push({
        shelters: size,
        events: total.length,
        medianMs: quantile(total, 0.5),
        p95Ms: quantile(total, 0.95),
        maxMs: total[total.length - 1],
        fromMessageMedianMs: quantile(fromMessage, 0.5),
        fromMessageP95Ms: quantile(fromMessage, 0.95),
      });
    }
    return rows;
  } finally {
    await api.stop();
  }
}

async function addShelter(
  admin: SignedIn,
  organisationId: string,
  name: string,
  index: number,
): Promise<string> {
  return must(
    'createShelter',
    await admin.gql<{ createShelter: { id: string } }>(
      'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          organisationId,
          name,
          // Spread over the city, as a network is.
          location: {
            lat: 19.2 + ((index * 37) % 400) / 1000,
            lng: -99.3 + ((index * 53) % 400) / 1000,
          },
          capacity: [
            { population: 'MEN', totalBeds: 50 },
            { population: 'WOMEN', totalBeds: 20, overflowTotal: 4 },
          ],
        },
      },
    ),
  ).createShelter.id;
}

/** Plain shelters until the network has `size`, four requests at a time. */
async function topUp(admin: SignedIn, organisationId: string, size: number): Promise<void> {
  const count = must(
    'networkShelters',
    await admin.gql<{ networkShelters: { id: string }[] }>('{ networkShelters { id } }'),
  ).networkShelters.length;
  let next = count;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < size) {
        next += 1;
        await addShelter(admin, organisationId, `Bench shelter ${next}`, next);
      }
    }),
  );
}

async function measure(
  browser: Browser,
  origin: string,
  admin: SignedIn,
  coordinator: SignedIn,
  shelterId: string,
  { events, cpuSlowdown, size }: { events: number; cpuSlowdown: number; size: number },
): Promise<{ total: number; fromMessage: number }[]> {
  const context = await browser.newContext({
    viewport: PHONE,
    locale: 'es-MX',
    serviceWorkers: 'block',
  });
  try {
    // The admin's session, past its second factor, as the console's own sign-in leaves it.
    const [name, value] = admin.cookie.split('=');
    await context.addCookies([{ name, value, url: origin }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const clock = () => performance.timeOrigin + performance.now();
      const marks: NetworkMarks = { messages: [], repaints: [], upgraded: false };
      (window as unknown as { networkMarks: NetworkMarks }).networkMarks = marks;
      const Native = window.WebSocket;
      class Watched extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (event: MessageEvent) => {
            if (typeof event.data === 'string' && event.data.includes('["shelter"')) {
              marks.messages.push(clock());
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
          const id = row.getAttribute('data-shelter-id');
          const version = Number(row.getAttribute('data-version'));
          if (id && version) {
            requestAnimationFrame(() => marks.repaints.push({ id, version, t: clock() }));
          }
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-version'] });
    });
    await page.goto(`${origin}/console/network?lang=es`);
    await page.waitForSelector(`tr[data-shelter-id="${shelterId}"]`, { timeout: 120_000 });
    const rows = await page.locator('table.network-table tbody tr').count();
    if (rows !== size) {
      throw new Error(`the network view shows ${rows} shelters, not ${size}`);
    }
    await page.waitForFunction(
      () => (window as unknown as { networkMarks: NetworkMarks }).networkMarks.upgraded,
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const times: { total: number; fromMessage: number }[] = [];
    for (let event = 0; event < events; event += 1) {
      const version = Number(
        await page.locator(`tr[data-shelter-id="${shelterId}"]`).getAttribute('data-version'),
      );
      const since = await page.evaluate(
        () => (window as unknown as { networkMarks: NetworkMarks }).networkMarks.messages.length,
      );
      const sent = wallClock();
      must(
        'reportAvailability',
        await coordinator.gql(
          'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
          {
            input: {
              requestId: randomUUID(),
              shelterId,
              knownVersion: version,
              counts: [
                { population: 'MEN', freeBeds: event % 50 },
                { population: 'WOMEN', freeBeds: event % 20, overflowFree: event % 4 },
              ],
            },
          },
        ),
      );
      const marks = await page.waitForFunction(
        ({ id, after, from }) => {
          const all = (window as unknown as { networkMarks: NetworkMarks }).networkMarks;
          const repaint = all.repaints.find((each) => each.id === id && each.version > after);
          const arrived = all.messages
            .slice(from)
            .filter((t) => repaint && t <= repaint.t)
            .pop();
          return repaint && arrived !== undefined ? { repaint: repaint.t, arrived } : false;
        },
        { id: shelterId, after: version, from: since },
        { timeout: 30_000 },
      );
      const { repaint, arrived } = (await marks.jsonValue()) as {
        repaint: number;
        arrived: number;
      };
      times.push({
        total: Math.round((repaint - sent) * 10) / 10,
        fromMessage: Math.round((repaint - arrived) * 10) / 10,
      });
    }
    return times;
  } finally {
    await context.close();
  }
}
