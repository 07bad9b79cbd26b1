import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser, staysAt } from './helpers/console-bench.js';
import { consoleFor, consoleWords, signInThrough } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { sendOver } from './helpers/holds.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * What the device keeps of the offline queues: per record (`userId/requestId`, one per act), the
 * sealed bytes as latin1 text.
 */
async function storedQueues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const request = indexedDB.open('albergue-console', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('offline-queue');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const records = request.result
            .transaction('offline-queue', 'readonly')
            .objectStore('offline-queue');
          const all: Record<string, string> = {};
          const cursor = records.openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) {
              request.result.close();
              resolve(all);
              return;
            }
            const sealed = at.value as { data: ArrayBuffer };
            all[String(at.key)] = String.fromCharCode(...new Uint8Array(sealed.data));
            at.continue();
          };
        };
      }),
  );
}

/**
 * Waits until the device holds `count` records: a record is written after the act shows as pending
 * (it is sealed first), and removed only once its act is answered.
 */
async function untilStored(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Object.keys(await storedQueues(page)).length !== count) {
    if (Date.now() > deadline) {
      throw new Error(`the device did not come to hold ${count} queued acts within 20 s`);
    }
    await page.waitForTimeout(100);
  }
}

/** The service worker controls the page and keeps the console's page (what a reload offline needs). */
async function keptForOffline(page: Page): Promise<void> {
  await page.waitForFunction(
    async () =>
      navigator.serviceWorker.controller !== null &&
      (await caches.match('/console/')) !== undefined &&
      (await caches.keys()).length > 0,
    undefined,
    { polling: 100 },
  );
}

describe('The staff console offline: the queue of acts made without a connection (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterA: string;
  let shelterB: string;
  let coordinator: Person;
  let volunteer: Person;
  let other: Person;

  const newContext = () => browser.newContext();
  /** Stays at B of these residents: each must be there exactly once, or not at all. */
  const staysAtB = (residentIds: string[]) => staysAt(app, shelterB, residentIds);
  /** The records of one user's queue on the device: one per act, under the user's id. */
  const recordsOf = (userId: string, count: number) =>
    Array.from({ length: count }, () => expect.stringMatching(new RegExp(`^${userId}/[\\w-]+$`)));

  const receiveOffline = async (context: BrowserContext, page: Page, holdId: string) => {
    await page.waitForSelector(`.hold.incoming[data-hold-id="${holdId}"] button.arrived`);
    await context.setOffline(true);
    await page.click(`[data-hold-id="${holdId}"] button.arrived`);
    await page.click(`[data-hold-id="${holdId}"] button.confirm-arrival`);
    const words = await consoleWords('es');
    await page.waitForSelector(
      `[data-hold-id="${holdId}"] .notice >> text=${words['offline.queued']}`,
    );
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await consoleBrowser();
    shelterA = await shelterFor(app, { name: 'Casa Tochan', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Casa Arcoíris', populations: ['MEN'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    await bedsAt(coordinator, shelterA, 8);
    await bedsAt(coordinator, shelterB, 8);
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterB });
    other = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterB });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hands each user their own queue key, the same after signing in again, to nobody signed out', async () => {
    const key = async (client: { gql: Person['gql'] }) =>
      (await client.gql<{ offlineQueueKey: string }>('{ offlineQueueKey }')).data?.offlineQueueKey;
    const first = await key(volunteer);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await key(await app.signIn(volunteer.email, volunteer.password))).toBe(first);
    expect(await key(other)).not.toBe(first);
    const nobody = await app.gql('{ offlineQueueKey }');
    expect(nobody.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('queues a check-in made offline, keeps it sealed through a reload, and sends it once on reconnect', async () => {
    const words = await consoleWords('es');
    const { holdId, residentIds } = await sendOver(coordinator, shelterA, shelterB, [
      'Persona Uno',
    ]);
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await keptForOffline(page);
    await receiveOffline(context, page, holdId);
    // Shown as pending, in the shell, with the count.
    expect(await page.locator('.pending-count').textContent()).toBe('1 por enviar');
    expect(await page.locator('.pending-act .state').textContent()).toBe(words['offline.waiting']);
    // Kept on the device for this user only, sealed: the hold's id is not in the clear.
    const kept = await storedQueues(page);
    expect(Object.keys(kept)).toEqual(recordsOf(volunteer.userId, 1));
    expect(Object.values(kept)[0]).not.toContain(holdId);
    expect(await staysAtB(residentIds)).toBe(0);
    // A reload without a connection: the page comes from the service worker, says it waits.
    await page.reload();
    await page.waitForSelector(`text=${words['offline.unreachable']}`);
    expect(Object.keys(await storedQueues(page))).toEqual(recordsOf(volunteer.userId, 1));
    // The connection returns: signed in again by the cookie, the key asked again, the act sent.
    await context.setOffline(false);
    // The shell shows before the queue has its key again (no count meanwhile): wait for the record
    // to leave the device, which it does only once the act is answered.
    await page.waitForSelector('header.top .connection');
    await untilStored(page, 0);
    expect(await staysAtB(residentIds)).toBe(1);
    await page.waitForFunction(() => !document.querySelector('.pending-count'));
  });

  it('queues an act that went through but lost its answer, and its replay acts no more', async () => {
    const { holdId, residentIds } = await sendOver(coordinator, shelterA, shelterB, [
      'Persona Cinco',
    ]);
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await page.waitForSelector(`.hold.incoming[data-hold-id="${holdId}"] button.arrived`);
    // The check-in reaches the API and is done; its answer is lost on the way back.
    await page.route(
      (url) => url.pathname === '/graphql',
      async (route) => {
        if (!(route.request().postData() ?? '').includes('ReceiveHold')) {
          return route.continue();
        }
        await route.fetch();
        return route.abort();
      },
    );
    await page.click(`[data-hold-id="${holdId}"] button.arrived`);
    await page.click(`[data-hold-id="${holdId}"] button.confirm-arrival`);
    await page.waitForSelector('.pending-count');
    await untilStored(page, 1);
    expect(await staysAtB(residentIds)).toBe(1);
    expect(Object.keys(await storedQueues(page))).toEqual(recordsOf(volunteer.userId, 1));
    // The connection comes back: the act is sent again with its requestId, and acts once.
    await page.unrouteAll();
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForFunction(() => !document.querySelector('.pending'));
    expect(await staysAtB(residentIds)).toBe(1);
    expect(await storedQueues(page)).toEqual({});
  });

  it('keeps an act refused on replay with the reason and what to do, until dismissed', async () => {
    const words = await consoleWords('es');
    const { holdId, residentIds } = await sendOver(coordinator, shelterA, shelterB, [
      'Persona Dos',
    ]);
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await receiveOffline(context, page, holdId);
    // Meanwhile the sending shelter cancels the hold.
    const cancelled = await coordinator.gql(
      'mutation($input: CancelHoldInput!) { cancelHold(input: $input) { id } }',
      { input: { requestId: randomUUID(), holdId } },
    );
    expect(cancelled.errors).toBeUndefined();
    await context.setOffline(false);
    const refused = page.locator('.pending-act.refused');
    await refused.waitFor();
    expect(await refused.locator('.state').textContent()).toBe(words['offline.refused']);
    expect(await refused.locator('.advice').textContent()).toBe(words['offline.advice.checkIn']);
    // Who it concerns, from the act itself.
    expect(await refused.locator('.about').textContent()).toBe('1 persona');
    // The hold ended meanwhile: said in words, not a code.
    expect(await refused.locator('.reason').textContent()).toBe(
      words['offline.reason.HOLD_EXPIRED'],
    );
    expect(await staysAtB(residentIds)).toBe(0);
    expect(await axeFindings(page)).toEqual([]);
    await page.selectOption('.language select', 'en');
    await page.waitForSelector('#pending-title >> text=1 act to send');
    expect(await axeFindings(page)).toEqual([]);
    await page.click('.pending-act.refused button');
    await page.waitForFunction(() => !document.querySelector('.pending'));
    expect(await storedQueues(page)).toEqual({});
  });

  it('says who a registration refused as a possible duplicate concerns, and what to do', async () => {
    const words = await consoleWords('es');
    const known = await coordinator.gql(REGISTER, {
      input: householdInput(shelterB, [adult('Jean Baptiste Pierre', { birthYear: 1990 })]),
    });
    expect(known.errors).toBeUndefined();
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/gate`);
    await page.waitForSelector('form.register');
    await context.setOffline(true);
    if ((await page.locator('#gate-population').count()) > 0) {
      await page.selectOption('#gate-population', 'MEN');
    }
    await page.selectOption('#gate-nationality', 'HT');
    await page.fill('input[name=member-0-name]', 'Jean Baptiste Pierre');
    await page.fill('input[name=member-0-birthYear]', '1990');
    await page.selectOption('#gate-explained-in', 'ht');
    await page.check('input[name=consentIndependent]');
    await page.click('button.register-submit');
    await page.waitForSelector('.pending-count');
    // Waiting, it names them by initials only (the list is on every screen).
    expect(await page.locator('.pending-act .about').textContent()).toBe('Personas: J. B. P.');
    await context.setOffline(false);
    const refused = page.locator('.pending-act.refused');
    await refused.waitFor();
    expect(await refused.locator('.reason').textContent()).toBe(
      words['offline.reason.POSSIBLE_DUPLICATE'],
    );
    expect(await refused.locator('.advice').textContent()).toBe(words['offline.advice.duplicate']);
    expect(await refused.locator('.about').textContent()).toContain('Jean Baptiste Pierre');
    expect(await axeFindings(page)).toEqual([]);
    await page.click('.pending-act.refused button');
    await page.waitForFunction(() => !document.querySelector('.pending'));
  });

  it('keeps a queue left at sign-out for its own user only; another user cannot open it', async () => {
    const { holdId, residentIds } = await sendOver(coordinator, shelterA, shelterB, [
      'Persona Tres',
    ]);
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await receiveOffline(context, page, holdId);
    // Back online, but the check-in gets no answer (a dead spot): it stays queued.
    const dead = (route: { abort(): Promise<void> }) => route.abort();
    await page.route(
      (url) => url.pathname === '/graphql',
      async (route) =>
        (route.request().postData() ?? '').includes('ReceiveHold') ? dead(route) : route.continue(),
    );
    await context.setOffline(false);
    await page.click('.pending .send-now');
    await page.waitForSelector('.pending .send-now:not([disabled])');
    expect(await page.locator('.pending-act').count()).toBe(1);
    // Signing out with an act waiting: the console says so and asks.
    await page.click('footer .link');
    await page.waitForSelector('.sign-out-ask');
    await page.click('.sign-out-ask button.keep');
    await page.waitForSelector('.sign-in');
    const sealed = await storedQueues(page);
    expect(Object.keys(sealed)).toEqual(recordsOf(volunteer.userId, 1));
    // Someone else signs in on the same browser: nothing of it shows, and their key cannot open it.
    await signInThrough(page, other);
    // A new person starts on a clean page (not the last one's address): they go to the holds.
    // The holds page's queue asks for its user only once it has loaded what this device keeps:
    // after that request, a leaked queue would show.
    const loaded = page.waitForRequest(
      (request) =>
        (request.postData()?.includes('QueueUser') ?? false) &&
        request.frame().url().endsWith('/holds'),
    );
    await page.goto(`${app.url}/console/shelters/${shelterB}/holds`);
    await page.waitForSelector('#holds-title');
    await loaded;
    expect(await page.locator('.pending').count()).toBe(0);
    const opened = await page.evaluate(
      async ({ userId }) => {
        const answer = (await (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ offlineQueueKey }' }),
          })
        ).json()) as { data: { offlineQueueKey: string } };
        const raw = Uint8Array.from(
          atob(answer.data.offlineQueueKey.replace(/-/g, '+').replace(/_/g, '/') + '='),
          (c) => c.charCodeAt(0),
        );
        const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
        const stored = await new Promise<{ iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }>(
          (resolve) => {
            const request = indexedDB.open('albergue-console', 1);
            request.onsuccess = () => {
              const get = request.result
                .transaction('offline-queue')
                .objectStore('offline-queue')
                .getAll(IDBKeyRange.bound(`${userId}/`, `${userId}/\uffff`));
              get.onsuccess = () =>
                resolve((get.result as { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer }[])[0]);
            };
          },
        );
        for (const as of [userId, 'any']) {
          try {
            await crypto.subtle.decrypt(
              {
                name: 'AES-GCM',
                iv: stored.iv,
                additionalData: new TextEncoder().encode(`offline-queue:${as}`),
              },
              key,
              stored.data,
            );
            return true;
          } catch {
            // Another key: as it should be.
          }
        }
        return false;
      },
      { userId: volunteer.userId },
    );
    expect(opened).toBe(false);
    await page.click('footer .link');
    await page.waitForSelector('.sign-in');
    // The same person signs in again on this device: the queue is theirs again, and goes.
    await page.unrouteAll();
    await signInThrough(page, volunteer);
    await untilStored(page, 0);
    expect(await staysAtB(residentIds)).toBe(1);
    await page.waitForFunction(() => !document.querySelector('.pending-count'));
    // Signing out with an empty queue asks nothing and leaves nothing on the device.
    await page.click('footer .link');
    await page.waitForSelector('.sign-in');
    expect(await storedQueues(page)).toEqual({});
  });

  it('queues a counts report made offline and sends it when the connection returns', async () => {
    const words = await consoleWords('es');
    const shelterC = await shelterFor(app, { name: 'Casa Cuenta', populations: ['MEN'] });
    const counter = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterC });
    const freeMen = async () =>
      (
        await counter.gql<{
          shelter: { availability: { byPopulation: { population: string; freeBeds: number }[] } };
        }>(
          'query($id: ID!) { shelter(id: $id) { availability { byPopulation { population freeBeds } } } }',
          {
            id: shelterC,
          },
        )
      ).data!.shelter.availability.byPopulation.find((each) => each.population === 'MEN')?.freeBeds;
    const context = await newContext();
    const page = await consoleFor(context, app, counter, `/console/shelters/${shelterC}`);
    await page.waitForSelector('form.report');
    await context.setOffline(true);
    await page.fill('input[name="MEN.freeBeds"]', '3');
    await page.click('form.report button[type=submit]');
    await page.waitForSelector(`form.report .notice >> text=${words['offline.queued']}`);
    expect(await page.locator('.pending-act strong').textContent()).toBe(
      words['offline.kind.report'],
    );
    expect(await freeMen()).not.toBe(3);
    await context.setOffline(false);
    await page.waitForFunction(() => !document.querySelector('.pending-count'));
    expect(await freeMen()).toBe(3);
  });

  it('evicts the console files of older builds when a new console page comes, and only those', async () => {
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await keptForOffline(page);
    const keptPaths = () =>
      page.evaluate(async () => {
        const paths: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) {
            paths.push(new URL(request.url).pathname);
          }
        }
        return paths.sort();
      });
    // What this build keeps once its files are in (the entry script, its styles, the language).
    await page.waitForFunction(
      async () =>
        (await (await caches.open('albergue-shell-v1')).keys()).filter((request) =>
          new URL(request.url).pathname.match(/^\/assets\/console\/es-/),
        ).length > 0,
      undefined,
      { polling: 100 },
    );
    const before = await keptPaths();
    // An older build's console file, and a public page's file the map keeps for offline use.
    await page.evaluate(async () => {
      const shell = await caches.open('albergue-shell-v1');
      await shell.put('/assets/console/console-OLDBUILD.js', new Response('old();'));
      await shell.put('/assets/map-OLDBUILD.js', new Response('map();'));
    });
    await page.reload();
    await page.waitForSelector('header.top .connection');
    await page.waitForFunction(
      async () => !(await caches.match('/assets/console/console-OLDBUILD.js')),
      undefined,
      { polling: 100 },
    );
    const after = await keptPaths();
    expect(after).toContain('/assets/map-OLDBUILD.js');
    // Nothing of this build's went (its lazy chunks neither, named by its scripts only).
    expect(after).toEqual(expect.arrayContaining(before));
    expect(before.some((path) => path.startsWith('/assets/console/'))).toBe(true);
  });

  it('never answers /graphql from the service worker’s cache', async () => {
    const context = await newContext();
    const page = await consoleFor(context, app, volunteer, `/console/shelters/${shelterB}/holds`);
    await keptForOffline(page);
    await page.evaluate(() => fetch('/graphql?query=%7B__typename%7D').then((r) => r.text()));
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) {
          urls.push(new URL(request.url).pathname);
        }
      }
      return urls;
    });
    expect(cached).toContain('/console/');
    expect(cached.some((path) => path.startsWith('/assets/console/'))).toBe(true);
    expect(cached.filter((path) => path.startsWith('/graphql'))).toEqual([]);
    await context.setOffline(true);
    try {
      const answers = await page.evaluate(async () => {
        const tryFetch = (init?: RequestInit) =>
          fetch('/graphql?query=%7B__typename%7D', init).then(
            () => 'answered',
            () => 'failed',
          );
        return [
          await tryFetch(),
          await tryFetch({
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ me { id } }' }),
          }),
        ];
      });
      expect(answers).toEqual(['failed', 'failed']);
    } finally {
      await context.setOffline(false);
    }
  });
});
