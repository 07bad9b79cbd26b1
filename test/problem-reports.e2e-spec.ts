import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CONFIRM_AVAILABILITY,
  confirmArgs,
  makeMember,
  reportInput,
  shelterFor,
} from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { launchBrowser } from './helpers/browser.js';
import { axeFindings } from './helpers/finder-page.js';
import { captureLogs } from './helpers/log-capture.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { adminOf, startTestApp, type TestApp } from './helpers/test-app.js';

interface Counts {
  shelterId: string;
  days: { day: string; reason: string; count: number }[];
  figuresQuestionedAt: string | null;
}

/** What a reporter's request carries that must be kept nowhere: address, browser, cookie. */
const CANARY = {
  address: '198.51.100.77',
  userAgent: 'CanarioPhone/7.7 (reporter-canary-5521)',
  cookie: 'tracker=reporter-canary-cookie-0193',
};

const REPORTS = `query($s: ID, $days: Int) {
  problemReports(shelterId: $s, days: $days) { shelterId figuresQuestionedAt days { day reason count } }
}`;
const CONFIRM = CONFIRM_AVAILABILITY();
const REPORT_COUNTS =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { availabilityVersion } }';

describe('Problem reports from the public (e2e, real sockets and Chromium)', () => {
  // These tests share one app (behind one trusted proxy, so that each request names its address in
  // X-Forwarded-For) and its log. Each test reports about shelters of its own, so their counts
  // are its own; the staff and their sockets are shared, and the canary test reads every table
  // after the others wrote theirs.
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  const logs = captureLogs('info');
  const sockets: TestSocket[] = [];
  /** Shelters for men that showed space, each with a coordinator and a volunteer. */
  let coordinator: Person;
  let volunteer: Person;
  let network: Person;

  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${app.url}${path}`, { method: 'POST', headers, body });
  const report = (
    shelterId: string,
    reason: string,
    address: string,
    headers: Record<string, string> = {},
  ) =>
    post('/reports', JSON.stringify({ shelterId, reason }), {
      'content-type': 'application/json',
      'x-forwarded-for': address,
      ...headers,
    });
  const stored = async (shelterId: string) =>
    Object.fromEntries(
      (
        await app.sql<{ reason: string; n: number }>(
          'SELECT reason::text, count(*)::int AS n FROM problem_report WHERE shelter_id = $1 GROUP BY 1 ORDER BY 1',
          [shelterId],
        )
      ).map(({ reason, n }) => [reason, n]),
    );
  const countsFor = async (who: Person, shelterId: string | null) => {
    const result = await who.gql<{ problemReports: Counts[] }>(REPORTS, { s: shelterId });
    expect(result.errors).toBeUndefined();
    return result.data!.problemReports;
  };
  /** A shelter for men with 10 beds, `free` of them free as its coordinator reported. */
  const shelterShowing = async (free: number, name = `Albergue ${randomUUID().slice(0, 6)}`) => {
    const id = await shelterFor(app, { name, populations: ['MEN'] });
    const admin = await adminOf(app);
    await makeMember(admin, coordinator.userId, id, 'COORDINATOR');
    await makeMember(admin, volunteer.userId, id, 'VOLUNTEER');
    const reported = await coordinator.gql(REPORT_COUNTS, {
      input: await reportInput(coordinator, id, [{ population: 'MEN', freeBeds: free }]),
    });
    expect(reported.errors).toBeUndefined();
    return id;
  };
  const screen = async (person: Person) => {
    const socket = await connect(app.url, '/staff', { cookie: person.cookie });
    sockets.push(socket);
    return socket;
  };
  const countsOn = (socket: TestSocket, test: (counts: Counts) => boolean) =>
    socket.next<Counts>('problemReports', test);
  const count = (counts: Counts, reason: string) =>
    counts.days.filter((d) => d.reason === reason).reduce((sum, d) => sum + d.count, 0);

  beforeAll(async () => {
    app = await startTestApp(
      { TRUST_PROXY: '1', STAFF_CHECK: '200ms', LOG_LEVEL: 'info', BODY_LIMIT_KB: '16' },
      logs.logger,
    );
    coordinator = await staffAt(app, { role: 'COORDINATOR' });
    volunteer = await staffAt(app, { role: 'VOLUNTEER' });
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await browser?.close();
    await app?.close();
  });

  it('counts one report per address, shelter and hour, another shelter or address apart, and thanks each alike', async () => {
    const [here, there] = [await shelterShowing(6), await shelterShowing(6)];
    const answers = [
      await report(here, 'NO_ANSWER', '203.0.113.10'),
      // The same address again within the hour, for another reason: not counted.
      await report(here, 'CLOSED', '203.0.113.10'),
      await report(here, 'NO_ANSWER', '203.0.113.10'),
      await report(there, 'NO_ANSWER', '203.0.113.10'),
      await report(here, 'NO_ANSWER', '203.0.113.11'),
      // Another address of the same IPv6 network (/64) is the same subscriber.
      await report(here, 'WRONG_ADDRESS', '2001:db8:5:6::1'),
      await report(here, 'WRONG_ADDRESS', '2001:db8:5:6::2'),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, body: await answer.json() }).toEqual({
        status: 200,
        body: { received: true },
      });
    }
    expect(await stored(here)).toEqual({ no_answer: 2, wrong_address: 1 });
    expect(await stored(there)).toEqual({ no_answer: 1 });
    const [counts] = await countsFor(coordinator, here);
    expect(counts).toEqual({
      shelterId: here,
      figuresQuestionedAt: null,
      days: [
        { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'NO_ANSWER', count: 2 },
        { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: 'WRONG_ADDRESS', count: 1 },
      ],
    });
    // Network roles see every shelter with reports; a volunteer of the shelter sees it too.
    expect((await countsFor(network, null)).map((c) => c.shelterId)).toEqual(
      expect.arrayContaining([here, there]),
    );
    expect(await countsFor(volunteer, here)).toEqual([counts]);
  });

  it('answers a repeat without touching the database: no wait on the shelter’s lock that staff need', async () => {
    const here = await shelterShowing(6);
    expect((await report(here, 'NO_ANSWER', '203.0.113.20')).status).toBe(200);
    // A coordinator's update holds the shelter's row, as long as it takes.
    const staffUpdate = app.app.get(DataSource).createQueryRunner();
    await staffUpdate.connect();
    await staffUpdate.startTransaction();
    try {
      await staffUpdate.query('SELECT id FROM shelter WHERE id = $1 FOR UPDATE', [here]);
      const repeat = report(here, 'CLOSED', '203.0.113.20').then((answer) => answer.status);
      const waited = new Promise<string>((resolve) => setTimeout(() => resolve('waited'), 3_000));
      expect(await Promise.race([repeat, waited])).toBe(200);
    } finally {
      await staffUpdate.rollbackTransaction();
      await staffUpdate.release();
    }
    expect(await stored(here)).toEqual({ no_answer: 1 });
  });

  it('tells the shelter’s volunteers and coordinators and the network roles on /staff, and not another shelter’s staff', async () => {
    const here = await shelterShowing(6);
    const elsewhere = await shelterFor(app, { populations: ['MEN'] });
    const stranger = await staffAt(app, { role: 'COORDINATOR', shelterId: elsewhere });
    const [ours, theirs, networkScreen] = [
      await screen(volunteer),
      await screen(stranger),
      await screen(network),
    ];
    // Each screen is told its shelters' counts as it connects, none yet.
    await countsOn(ours, (c) => c.shelterId === here && c.days.length === 0);
    await countsOn(theirs, (c) => c.shelterId === elsewhere && c.days.length === 0);

    expect((await report(here, 'CLOSED', '203.0.113.20')).status).toBe(200);
    expect((await report(elsewhere, 'CLOSED', '203.0.113.20')).status).toBe(200);
    const told = await countsOn(ours, (c) => c.shelterId === here && count(c, 'CLOSED') === 1);
    expect(told.figuresQuestionedAt).toBeNull();
    await countsOn(networkScreen, (c) => c.shelterId === here && count(c, 'CLOSED') === 1);
    // The stranger is told of their own shelter's report, from the same check or a later one
    // than ours: by then, ours would have reached them too.
    await countsOn(theirs, (c) => c.shelterId === elsewhere && count(c, 'CLOSED') === 1);
    const leaked = theirs.received.filter(
      (r) => r.event === 'problemReports' && (r.payload as Counts).shelterId === here,
    );
    expect(leaked).toEqual([]);
    // Nor may they ask for it.
    const asked = await stranger.gql(REPORTS, { s: here });
    expect(asked.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('flags the figures to the coordinator after a burst of "turned away despite space", lowers nothing, and clears when a coordinator confirms', async () => {
    const here = await shelterShowing(6);
    const full = await shelterShowing(0);
    const ours = await screen(coordinator);
    const before = await app.sql<{ availability_version: string }>(
      'SELECT availability_version FROM shelter WHERE id = $1',
      [here],
    );
    for (const [i, shelterId] of [here, full, here, full, here, full].entries()) {
      expect((await report(shelterId, 'TURNED_AWAY_DESPITE_SPACE', `192.0.2.${i}`)).status).toBe(
        200,
      );
    }
    const flagged = await countsOn(ours, (c) => c.shelterId === here && !!c.figuresQuestionedAt);
    expect(count(flagged, 'TURNED_AWAY_DESPITE_SPACE')).toBe(3);
    const [queried] = await countsFor(coordinator, here);
    expect(queried.figuresQuestionedAt).toBe(flagged.figuresQuestionedAt);
    // Lowers nothing: the public sees the same band, version and places.
    const [shelter] = await app.sql<{ availability_version: string }>(
      'SELECT availability_version FROM shelter WHERE id = $1',
      [here],
    );
    expect(shelter).toEqual(before[0]);
    const snapshot = (await (await fetch(`${app.url}/availability.json`)).json()) as {
      shelters: { id: string; availability: { band: string; freeBeds: number } }[];
    };
    expect(snapshot.shelters.find((s) => s.id === here)!.availability).toMatchObject({
      band: 'SPACE',
      freeBeds: 6,
    });
    // A shelter that showed itself full is not flagged: the door told the truth.
    const [ofFull] = await countsFor(coordinator, full);
    expect({
      turnedAway: count(ofFull, 'TURNED_AWAY_DESPITE_SPACE'),
      flag: ofFull.figuresQuestionedAt,
    }).toEqual({ turnedAway: 3, flag: null });

    // A volunteer's confirmation does not answer the coordinator's flag; the coordinator's does.
    expect(
      (await volunteer.gql(CONFIRM, await confirmArgs(volunteer, here))).errors,
    ).toBeUndefined();
    expect((await countsFor(coordinator, here))[0].figuresQuestionedAt).toBe(
      flagged.figuresQuestionedAt,
    );
    expect(
      (await coordinator.gql(CONFIRM, await confirmArgs(coordinator, here))).errors,
    ).toBeUndefined();
    await countsOn(
      ours,
      (c) =>
        c.shelterId === here &&
        c.figuresQuestionedAt === null &&
        count(c, 'TURNED_AWAY_DESPITE_SPACE') === 3,
    );
    // The reports before the review no longer count towards a burst: one more flags nothing.
    expect((await report(here, 'TURNED_AWAY_DESPITE_SPACE', '192.0.2.50')).status).toBe(200);
    const [after] = await countsFor(coordinator, here);
    expect({
      turnedAway: count(after, 'TURNED_AWAY_DESPITE_SPACE'),
      flag: after.figuresQuestionedAt,
    }).toEqual({ turnedAway: 4, flag: null });
  });

  it('refuses bad input with a typed error and stores nothing', async () => {
    const here = await shelterShowing(6);
    const json = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' };
    const refusals = [
      ['unknown shelter', await report(randomUUID(), 'CLOSED', '203.0.113.99'), 404, 'NOT_FOUND'],
      [
        'not an id',
        await report('Albergue Central', 'CLOSED', '203.0.113.99'),
        400,
        'BAD_USER_INPUT',
      ],
      ['unknown reason', await report(here, 'TOO_NOISY', '203.0.113.99'), 400, 'BAD_USER_INPUT'],
      [
        'extra fields',
        await post(
          '/reports',
          JSON.stringify({ shelterId: here, reason: 'CLOSED', note: 'hola', lat: 19.4 }),
          json,
        ),
        400,
        'BAD_USER_INPUT',
      ],
      [
        'huge body',
        await post(
          '/reports',
          JSON.stringify({ shelterId: here, reason: 'CLOSED', pad: 'x'.repeat(20 * 1024) }),
          json,
        ),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      ['not JSON', await post('/reports', 'CLOSED', json), 400, 'BAD_REQUEST'],
      [
        'a type nobody reads',
        await post('/reports', '<reason>CLOSED</reason>', {
          ...json,
          'content-type': 'application/xml',
        }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        'another site',
        await report(here, 'CLOSED', '203.0.113.99', { 'sec-fetch-site': 'cross-site' }),
        403,
        'FORBIDDEN',
      ],
      [
        'unknown reason, by form',
        await post(
          '/text/report',
          new URLSearchParams({ shelterId: here, reason: 'NOPE' }).toString(),
          {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': '203.0.113.99',
          },
        ),
        400,
        'BAD_USER_INPUT',
      ],
    ] as const;
    const outcomes = [];
    for (const [what, response] of refusals) {
      const body = (await response.json()) as { code: string; message: string };
      // Messages name fields and rules, never what was sent.
      const echoes = /hola|TOO_NOISY|NOPE|Albergue Central/.test(body.message);
      outcomes.push({ what, status: response.status, code: body.code, echoes });
    }
    expect(outcomes).toEqual(
      refusals.map(([what, , status, code]) => ({ what, status, code, echoes: false })),
    );
    expect(await stored(here)).toEqual({});
    // The refusals used up nothing: the same address's first real report counts.
    expect((await report(here, 'CLOSED', '203.0.113.99')).status).toBe(200);
    expect(await stored(here)).toEqual({ closed: 1 });
  });

  it('reports from the map’s detail sheet in one tap, and thanks in the reader’s language', async () => {
    const here = await shelterShowing(6, 'Albergue del botón');
    const page = await browser.context.newPage();
    await page.goto(`${app.url}/?lang=fr`);
    await page.click(`#list-view .open[data-shelter-id="${here}"]`);
    await page.click(`#detail .report-reason[data-reason="NO_ANSWER"]`);
    await page.waitForSelector('#report-status:has-text("Merci")');
    expect(await page.locator('#report-status').textContent()).toBe(
      'Merci. Votre signalement est arrivé au réseau des foyers.',
    );
    // Thanked once: the buttons give way to the thanks, and it stays through a redraw.
    expect(await page.locator('#detail .report-reason').count()).toBe(0);
    expect(await stored(here)).toEqual({ no_answer: 1 });
    await page.close();
  });

  it('reports from /text without script: a link per shelter, a page of buttons, a page of thanks', async () => {
    const here = await shelterShowing(6, 'Albergue sin script');
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') {
        scripts.push(request.url());
      }
    });
    await page.goto(`${app.url}/text?lang=ht&borough=${encodeURIComponent('Cuauhtémoc')}`);
    await page.click(`a[href^="/text/report?shelter=${here}"]`);
    expect(await page.locator('h1').textContent()).toBe('Ou te gen yon pwoblèm ak abri sa a?');
    expect(await page.locator('b').textContent()).toBe('Albergue sin script');
    expect(await page.locator('form button').count()).toBe(4);
    // Screens of their own: nothing serious or critical for axe-core.
    expect(await axeFindings(page)).toEqual([]);
    await page.click('button[value="TURNED_AWAY_DESPITE_SPACE"]');
    await page.waitForSelector('h1:has-text("Mèsi")');
    expect(await page.locator('h1').textContent()).toBe('Mèsi. Rezo abri yo resevwa mesaj ou a.');
    expect(page.url()).toBe(`${app.url}/text/report`);
    expect(await page.content()).not.toMatch(/<script/i);
    expect(scripts).toEqual([]);
    expect(await axeFindings(page)).toEqual([]);
    expect(await stored(here)).toEqual({ turned_away_despite_space: 1 });
    await page.close();
  });

  it('keeps nothing of the reporter: not the address, the browser or a cookie, in any table or the log', async () => {
    const here = await shelterShowing(6);
    const headers = { 'user-agent': CANARY.userAgent, cookie: CANARY.cookie };
    expect((await report(here, 'NO_ANSWER', CANARY.address, headers)).status).toBe(200);
    const form = await post(
      '/text/report',
      new URLSearchParams({ shelterId: here, reason: 'CLOSED', lang: 'es' }).toString(),
      {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': `${CANARY.address}, ${CANARY.address.replace('77', '78')}`,
        ...headers,
      },
    );
    expect(form.status).toBe(200);
    expect(await stored(here)).toEqual({ closed: 1, no_answer: 1 });
    const tables = await app.sql<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    let everything = '';
    for (const { name } of tables) {
      const [{ text }] = await app.sql<{ text: string | null }>(
        `SELECT string_agg(t::text, E'\\n') AS text FROM "${name}" t`,
      );
      everything += `${name}\n${text ?? ''}\n`;
    }
    // The dump holds what was written (the reports), and the log the requests.
    expect(everything).toContain(here);
    expect(tables.map((t) => t.name)).toContain('audit_entry');
    const log = logs.lines.join('');
    expect(log).toContain('"path":"/reports"');
    expect(log).toContain('"path":"/text/report"');
    for (const canary of [CANARY.address, '198.51.100.78', CANARY.userAgent, 'reporter-canary']) {
      expect({
        canary,
        inDatabase: everything.includes(canary),
        inLog: log.includes(canary),
      }).toEqual({
        canary,
        inDatabase: false,
        inLog: false,
      });
    }
  });
});
