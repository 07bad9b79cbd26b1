import { bedsAt } from './factories/occupancy.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser, staysAt } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { sendOver } from './helpers/holds.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('The staff console: transfers and holds (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterA: string;
  let shelterB: string;
  let sender: Person;
  let volunteer: Person;

  const newContext = () => browser.newContext();
  const staysAtB = (residentIds: string[]) => staysAt(app, shelterB, residentIds, { open: true });

  beforeAll(async () => {
    // Holds are checked for often, and every hold is "about to lapse" (HOLD_TIME is 4 h).
    app = await startTestApp({ STAFF_CHECK: '300ms', HOLD_WARNING: '5h' });
    browser = await consoleBrowser();
    shelterA = await shelterFor(app, { name: 'Casa Tochan', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Casa Arcoíris', populations: ['MEN'] });
    sender = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterA });
    const receiving = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterB });
    await bedsAt(sender, shelterA, 8);
    await bedsAt(receiving, shelterB, 8);
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterB });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('receives an incoming transfer in two taps, and the sending shelter sees them arrived', async () => {
    const words = await consoleWords('es');
    const { holdId, residentIds } = await sendOver(sender, shelterA, shelterB, [
      'Persona Uno',
      'Persona Uno Hermano',
    ]);
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterB}/holds`,
    );
    const hold = page.locator(`.hold.incoming[data-hold-id="${holdId}"]`);
    await hold.waitFor();
    // What the receiving shelter needs to know, as the API lets it read it.
    await hold.locator('.person >> text=Persona Uno Hermano').waitFor();
    // The sending shelter's name is asked of the API after the list shows.
    await hold.locator('text=Casa Tochan').waitFor();
    // So are the beds' labels.
    await hold.locator('.people >> text=cama ').first().waitFor();
    const text = await hold.textContent();
    expect(text).toContain(words['holds.state.waiting']);
    expect(text).toContain('2 lugares');
    expect(text).toMatch(/Vence dentro de \d+ horas/);
    expect(text).toContain('cama ');
    // First tap: only asks.
    await hold.locator('button.arrived').click();
    await hold.locator('button.confirm-arrival').waitFor();
    expect(await staysAtB(residentIds)).toBe(0);
    // Second tap: checked in on the hold's beds.
    await hold.locator('button.confirm-arrival').click();
    await page.waitForFunction(
      (id) => !document.querySelector(`.hold.incoming[data-hold-id="${id}"]`),
      holdId,
    );
    expect(await staysAtB(residentIds)).toBe(2);
    // The sending shelter's coordinator sees how it ended.
    const theirs = await consoleFor(
      await newContext(),
      app,
      sender,
      `/console/shelters/${shelterA}/holds`,
    );
    const sent = theirs.locator(`.hold.outgoing[data-hold-id="${holdId}"]`);
    await sent.waitFor();
    expect(await sent.locator('.hold-state strong').textContent()).toBe(
      words['holds.state.arrived'],
    );
    // The receiving shelter's name is asked of the API after the list shows.
    await sent.locator('text=Casa Arcoíris').waitFor();
  });

  it('declines a transfer with a reason that the sending shelter reads', async () => {
    const words = await consoleWords('es');
    const { holdId } = await sendOver(sender, shelterA, shelterB, ['Persona Dos']);
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterB}/holds`,
    );
    const hold = page.locator(`.hold.incoming[data-hold-id="${holdId}"]`);
    await hold.locator('button.decline').click();
    // No reason, no decline.
    expect(await hold.locator('button.confirm-decline').isDisabled()).toBe(true);
    await hold.locator(`label:has-text("${words['holds.reason.NO_ROOM']}")`).click();
    await hold.locator('button.confirm-decline').click();
    await page.waitForFunction(
      (id) => !document.querySelector(`.hold.incoming[data-hold-id="${id}"]`),
      holdId,
    );
    const seen = await sender.gql<{
      transfersFrom: { holdId: string; endReason: string; declineReason: string }[];
    }>('query($s: ID!) { transfersFrom(shelterId: $s) { holdId endReason declineReason } }', {
      s: shelterA,
    });
    expect(seen.data!.transfersFrom.filter((each) => each.holdId === holdId)).toEqual([
      { holdId, endReason: 'DECLINED', declineReason: 'NO_ROOM' },
    ]);
    const theirs = await consoleFor(
      await newContext(),
      app,
      sender,
      `/console/shelters/${shelterA}/holds`,
    );
    const sent = theirs.locator(`.hold.outgoing[data-hold-id="${holdId}"]`);
    await sent.waitFor();
    expect(await sent.locator('.hold-state strong').textContent()).toBe(
      words['holds.state.declined'],
    );
    expect(await sent.locator('.decline-reason').textContent()).toBe(words['holds.reason.NO_ROOM']);
  });

  it('shows holdArrived and holdExpiring as notices on any screen, each dismissible', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterB}`,
    );
    await page.waitForSelector('.connection-live');
    const { holdId } = await sendOver(sender, shelterA, shelterB, ['Persona Tres']);
    const arrived = page.locator('.hold-notice[data-kind=arrived]');
    const expiring = page.locator('.hold-notice[data-kind=expiring]');
    await arrived.waitFor();
    await expiring.waitFor();
    expect(await arrived.textContent()).toContain('Casa Arcoíris: nueva reserva');
    expect(await expiring.textContent()).toContain('Casa Arcoíris: una reserva vence pronto');
    // One notice per hold and kind, however many beds or checks.
    expect(await arrived.count()).toBe(1);
    expect(await axeFindings(page)).toEqual([]);
    await arrived.locator(`button >> text=${words['holds.dismiss']}`).click();
    await page.waitForFunction(() => !document.querySelector('.hold-notice[data-kind=arrived]'));
    // The notice leads to the holds, where this one waits.
    await expiring.locator('a').click();
    await page.waitForSelector(`.hold.incoming[data-hold-id="${holdId}"]`);
    await expiring.locator('button').click();
    await page.waitForFunction(() => !document.querySelector('.hold-notice'));
  });

  it('offers the release of a hold to the coordinator who placed it, never to a volunteer', async () => {
    const words = await consoleWords('es');
    const { holdId } = await sendOver(sender, shelterA, shelterB, ['Persona Cuatro']);
    const volunteerA = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    const theirs = await consoleFor(
      await newContext(),
      app,
      volunteerA,
      `/console/shelters/${shelterA}/holds`,
    );
    await theirs.locator(`.hold.outgoing[data-hold-id="${holdId}"]`).waitFor();
    expect(await theirs.locator('button.release-hold').count()).toBe(0);
    const page = await consoleFor(
      await newContext(),
      app,
      sender,
      `/console/shelters/${shelterA}/holds`,
    );
    const sent = page.locator(`.hold.outgoing[data-hold-id="${holdId}"]`);
    await sent.locator('button.release-hold').click();
    await sent.locator('button.confirm-release').click();
    await page.waitForFunction(
      ({ id, word }) =>
        document.querySelector(`.hold.outgoing[data-hold-id="${id}"] .hold-state strong`)
          ?.textContent === word,
      { id: holdId, word: words['holds.state.cancelled'] },
    );
    const [ended] = await app.sql<{ end_reason: string }>(
      `SELECT DISTINCT end_reason FROM bed_assignment WHERE group_id = $1`,
      [holdId],
    );
    expect(ended.end_reason).toBe('cancelled');
  });

  it.each(['es', 'en'])(
    'passes axe-core (no serious or critical finding) on the holds screen at 360 px, in %s',
    async (lang) => {
      await sendOver(sender, shelterA, shelterB, [`Persona Axe ${lang}`]);
      const page = await consoleFor(
        await newContext(),
        app,
        volunteer,
        `/console/shelters/${shelterB}/holds`,
        lang,
      );
      await page.waitForSelector('.hold.incoming button.arrived');
      await page.click('.hold.incoming button.decline');
      expect(await axeFindings(page)).toEqual([]);
      const theirs = await consoleFor(
        await newContext(),
        app,
        sender,
        `/console/shelters/${shelterA}/holds`,
        lang,
      );
      await theirs.waitForSelector('.hold.outgoing');
      expect(await axeFindings(theirs)).toEqual([]);
    },
  );
});
