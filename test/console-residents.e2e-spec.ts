import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Registered = { registerHousehold: { members: { id: string; name: string }[] } };

describe('The staff console: residents, their asylum track and the morning plan (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let volunteer: Person;
  let coordinator: Person;
  /** Marie (pregnant, a survivor of violence: the second flag is for coordinators) and her son. */
  let marie: string;
  let junior: string;
  let rosa: string;
  const contexts: BrowserContext[] = [];

  const newContext = async () => {
    const context = await browser.newContext({ locale: 'es-MX', acceptDownloads: true });
    contexts.push(context);
    return context;
  };

  const register = async (members: Record<string, unknown>[]) => {
    const answer = await coordinator.gql<Registered>(REGISTER, {
      input: householdInput(shelterId, members),
    });
    if (!answer.data) {
      throw new Error(`registerHousehold failed: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data.registerHousehold.members.map((member) => member.id);
  };

  const appointment = async (
    residentId: string,
    kind: string,
    inMinutes: number,
    place: string,
    notes?: string,
  ) => {
    const answer = await volunteer.gql<{ addAppointment: { id: string } }>(
      'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          residentId,
          kind,
          startsAt: new Date(Date.now() + inMinutes * 60_000).toISOString(),
          place,
          notes,
        },
      },
    );
    if (!answer.data) {
      throw new Error(`addAppointment failed: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data.addAppointment.id;
  };

  const residentPage = async (person: Person, residentId: string, lang = 'es') => {
    const page = await consoleFor(
      await newContext(),
      app,
      person,
      `/console/shelters/${shelterId}/residents/${residentId}`,
      lang,
    );
    await page.waitForSelector('#resident-title');
    await page.waitForSelector('#history-title');
    return page;
  };

  const offeredSteps = (page: Page) =>
    page
      .locator('.next-step input[name=status]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));

  beforeAll(async () => {
    app = await startTestApp({ STAFF_CHECK: '300ms' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa Tochan', populations: ['FAMILIES'] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    await bedsAt(coordinator, shelterId, 4, 'FAMILIES');
    [marie, junior] = await register([
      adult('Marie Joseph', {
        birthYear: 1990,
        vulnerabilities: ['PREGNANT', 'SURVIVOR_OF_VIOLENCE'],
        documents: { comarFolio: 'CMX-2026-0042', passport: 'RA1234567' },
      }),
      adult('Junior Joseph', { birthYear: 2017, guardianIndex: 0 }),
    ]);
    [rosa] = await register([adult('Rosa Martínez', { birthYear: 1985, nationality: 'HN' })]);
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('finds a resident by name with birth year, by folio and by document', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterId}/residents`,
    );
    await page.waitForSelector('.resident-list li');
    expect(await page.locator('.resident-list li').count()).toBe(3);

    await page.fill('input[name=query]', 'marie');
    await page.fill('input[name=birthYear]', '1990');
    await page.click('.residents-search button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.resident-list li').length === 1);
    expect(await page.locator('.resident-list li').textContent()).toContain('Marie Joseph');

    await page.fill('input[name=birthYear]', '1991');
    await page.click('.residents-search button[type=submit]');
    await page.waitForSelector(`text=${words['residents.noMatch']}`);

    await page.check('input[name=by][value=folio]');
    await page.fill('input[name=query]', 'cmx-2026-0042');
    await page.click('.residents-search button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('.resident-list li').length === 1);
    expect(await page.locator('.resident-list li').textContent()).toContain('Marie Joseph');

    await page.check('input[name=by][value=document]');
    await page.fill('input[name=query]', 'RA1234567');
    // The last search's list stays until this one is answered: wait for its answer.
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().postData()?.includes('RA1234567') ?? false,
      ),
      page.click('.residents-search button[type=submit]'),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.resident-list li').length === 1);
    await page.click('.resident-list a');
    await page.waitForSelector('#resident-title');
    expect(await page.locator('#resident-title').textContent()).toBe('Marie Joseph');
    expect(page.url()).toContain(`/console/shelters/${shelterId}/residents/${marie}`);
  });

  it('offers only the allowed next steps, and a change shows in the history', async () => {
    const words = await consoleWords('es');
    const page = await residentPage(coordinator, marie);
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('NOT_STARTED');
    expect(await offeredSteps(page)).toEqual(['PRE_REGISTERED', 'ABANDONED']);

    await page.check('.next-step input[value=PRE_REGISTERED]');
    await page.click('.next-step button[type=submit]');
    await page.waitForSelector('.events li[data-kind=ASYLUM][data-to=PRE_REGISTERED]');
    expect(await page.locator('.events li[data-kind=ASYLUM]').first().textContent()).toContain(
      `${words['residents.status.NOT_STARTED']} → ${words['residents.status.PRE_REGISTERED']}`,
    );
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('PRE_REGISTERED');
    // The rows written at registration, in words too.
    expect(await page.locator('.events li[data-kind=CONSENT]').textContent()).toContain(
      `${words['residents.event.BASIS']}: ${words['residents.basis.CONSENT']}`,
    );
    // The next steps follow the new status, as the API gives them.
    await page.waitForFunction(
      () => document.querySelectorAll('.next-step input[name=status]').length === 3,
    );
    expect(await offeredSteps(page)).toEqual([
      'APPOINTMENT_SCHEDULED',
      'ABANDONED',
      'MOVED_TO_ANOTHER_OFFICE',
    ]);
    // None that skips a step is offered.
    expect(await page.locator('.next-step input[value=RECOGNISED]').count()).toBe(0);
  });

  it('will not send a correction without a reason, and keeps the reason in the history', async () => {
    const page = await residentPage(coordinator, rosa);
    await page.click('.correction summary');
    await page.selectOption('select[name=overrideStatus]', 'APPLICATION_FILED');
    await page.fill('.correction input[name=caseNumber]', 'EXP-2026-118');
    const submit = page.locator('.correction button[type=submit]');
    expect(await submit.isDisabled()).toBe(true);
    // Blank is no reason either.
    await page.fill('textarea[name=reason]', '   ');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.locator('.events li[data-kind=ASYLUM]').count()).toBe(0);

    await page.fill('textarea[name=reason]', 'Presentó la solicitud en Tapachula antes de llegar');
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await page.waitForSelector('.events li[data-kind=ASYLUM][data-to=APPLICATION_FILED]');
    const event = await page.locator('.events li[data-kind=ASYLUM]').first().textContent();
    expect(event).toContain('Presentó la solicitud en Tapachula antes de llegar');
    expect(event).toContain('(corrección)');
  });

  it('explains a step someone else made meanwhile, and offers the steps from the new status', async () => {
    const words = await consoleWords('es');
    const page = await residentPage(coordinator, junior);
    expect(await offeredSteps(page)).toEqual(['PRE_REGISTERED', 'ABANDONED']);
    // Another coordinator pre-registers him while this page is open.
    const elsewhere = await coordinator.gql(
      'mutation($input: ChangeAsylumStatusInput!) { changeAsylumStatus(input: $input) { id } }',
      { input: { residentId: junior, status: 'PRE_REGISTERED', comarFolio: 'CMX-2026-0043' } },
    );
    expect(elsewhere.errors).toBeUndefined();
    await page.check('.next-step input[value=PRE_REGISTERED]');
    await page.fill('.next-step input[name=comarFolio]', 'CMX-2026-0043');
    await page.click('.next-step button[type=submit]');
    await page.waitForSelector('.next-step .notice.warning');
    expect(await page.locator('.next-step .notice.warning').textContent()).toBe(
      words['residents.trackMoved'],
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-status]')?.getAttribute('data-status') === 'PRE_REGISTERED',
    );
    expect(await offeredSteps(page)).toEqual([
      'APPOINTMENT_SCHEDULED',
      'ABANDONED',
      'MOVED_TO_ANOTHER_OFFICE',
    ]);
    // One change on record, not two.
    expect(await page.locator('.events li[data-kind=ASYLUM]').count()).toBe(1);
  });

  it('shows a volunteer no coordinator controls and only the flags the API gives them', async () => {
    const words = await consoleWords('es');
    const asVolunteer = await residentPage(volunteer, marie);
    expect(
      await asVolunteer
        .locator('[data-flag]')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.flag)),
    ).toEqual(['PREGNANT']);
    expect(await asVolunteer.locator('.next-step, .correction, .records').count()).toBe(0);
    expect(await asVolunteer.getByText(words['residents.export']).count()).toBe(0);
    expect(await asVolunteer.getByText(words['residents.erase']).count()).toBe(0);
    // Appointments are a volunteer's work too.
    expect(await asVolunteer.locator('.new-appointment').count()).toBe(1);
    // Who changed her track is for coordinators: a volunteer sees that someone did.
    expect(await asVolunteer.locator('.events li[data-kind=ASYLUM]').count()).toBe(1);
    expect(await asVolunteer.locator('.events .by').count()).toBe(0);
    // The household: her son, by name, linked.
    expect(await asVolunteer.locator('.household').textContent()).toContain('Junior Joseph');

    const asCoordinator = await residentPage(coordinator, marie);
    expect(
      await asCoordinator
        .locator('[data-flag]')
        .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.flag)),
    ).toEqual(['PREGNANT', 'SURVIVOR_OF_VIOLENCE']);
    expect(await asCoordinator.locator('.records').count()).toBe(1);
    expect(await asCoordinator.locator('.events li[data-kind=ASYLUM] .by').count()).toBe(1);
  });

  it('adds an appointment and records how it went', async () => {
    const page = await residentPage(volunteer, junior);
    await page.click('.new-appointment summary');
    await page.selectOption('select[name=kind]', 'CONSULATE');
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await page.fill('input[name=startsAt]', local);
    await page.fill('input[name=place]', 'Consulado de Haití, Polanco');
    await page.click('.new-appointment button[type=submit]');
    await page.waitForSelector('.appointment-list li');
    expect(await page.locator('.appointment-list li').textContent()).toContain(
      'Consulado de Haití, Polanco',
    );
    await page.selectOption('.appointment-list select', 'RESCHEDULED');
    // The button is disabled while the act is on its way too: wait for the API's answer.
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().postData()?.includes('SetAppointmentOutcome') ?? false,
      ),
      page.click('.appointment-list .outcome button[type=submit]'),
    ]);
    const stored = await volunteer.gql<{ residentAppointments: { outcome: string }[] }>(
      'query($id: ID!) { residentAppointments(residentId: $id) { outcome } }',
      { id: junior },
    );
    expect(stored.data?.residentAppointments).toEqual([{ outcome: 'RESCHEDULED' }]);
  });

  it('exports a subject access file and erases a record only after a confirmation', async () => {
    const words = await consoleWords('es');
    const page = await residentPage(coordinator, rosa);
    await page.getByRole('button', { name: words['residents.export'] }).click();
    expect(await page.locator('.confirm').textContent()).toContain(
      words['residents.exportConfirm'],
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: words['residents.exportYes'] }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`resident-${rosa}.json`);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      resident: { name: string };
    };
    expect(exported.resident.name).toBe('Rosa Martínez');

    await page.getByRole('button', { name: words['residents.erase'] }).click();
    expect(await page.locator('.confirm').textContent()).toContain(words['residents.eraseConfirm']);
    // Cancel leaves the record as it was.
    await page.getByRole('button', { name: words['common.cancel'] }).click();
    expect(await page.locator('#resident-title').textContent()).toBe('Rosa Martínez');
    await page.getByRole('button', { name: words['residents.erase'] }).click();
    await page.getByRole('button', { name: words['residents.eraseYes'] }).click();
    await page.waitForSelector(`text=${words['residents.anonymised']}`);
    expect(await page.locator('#resident-title').textContent()).toBe(words['residents.unnamed']);
  });

  it('prints the morning plan on A4, one line per person with what to bring, kept live', async () => {
    const words = await consoleWords('es');
    await appointment(marie, 'COMAR', 90, 'COMAR, Versalles 49', 'Llevar la carta del médico');
    const page = await consoleFor(
      await newContext(),
      app,
      coordinator,
      `/console/shelters/${shelterId}/plan`,
    );
    await page.waitForSelector('.plan-line');
    expect(await page.locator('.plan-line').count()).toBe(1);
    // Another appointment made elsewhere: the /staff event brings it to the open plan.
    await appointment(junior, 'INM_TVRH', 60, 'INM, Ejército Nacional 862');
    await page.waitForFunction(() => document.querySelectorAll('.plan-line').length === 2);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: words['plan.print'] }).isVisible()).toBe(false);
    const lines = await page.locator('.plan-line').evaluateAll((rows) =>
      rows.map((row) => ({
        cells: [...row.children].map((cell) => cell.textContent ?? ''),
        height: row.getBoundingClientRect().height,
      })),
    );
    // By time: Junior's INM first, then Marie's COMAR.
    expect(lines[0].cells[1]).toBe('Junior Joseph');
    expect(lines[0].cells[2]).toContain('INM, Ejército Nacional 862');
    expect(lines[0].cells[3]).toBe(words['plan.bring.INM_TVRH']);
    expect(lines[1].cells[1]).toBe('Marie Joseph');
    expect(lines[1].cells[2]).toContain(words['plan.kind.COMAR']);
    expect(lines[1].cells[3]).toContain(words['plan.bring.COMAR']);
    expect(lines[1].cells[3]).toContain('Llevar la carta del médico');
    // One row per person, each cell in it: the row is one line of the sheet, not a stacked card.
    const cellsPerRow = await page
      .locator('.plan-line')
      .first()
      .evaluate(
        (row) => new Set([...row.children].map((cell) => cell.getBoundingClientRect().top)).size,
      );
    expect(cellsPerRow).toBe(1);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 x 842 points, on every page of the sheet.
    const boxes = [
      ...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, width, height] of boxes) {
      expect(Math.round(Number(width))).toBe(595);
      expect(Math.round(Number(height))).toBe(842);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it.each(['es', 'pt'])(
    'has no serious or critical axe finding on its screens at 360 px in %s',
    async (lang) => {
      const page = await consoleFor(
        await newContext(),
        app,
        coordinator,
        `/console/shelters/${shelterId}/residents`,
        lang,
      );
      await page.waitForSelector('.resident-list li');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/shelters/${shelterId}/residents/${marie}?lang=${lang}`);
      await page.waitForSelector('#history-title');
      await page.click('.correction summary');
      await page.click('.new-appointment summary');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto(`${app.url}/console/shelters/${shelterId}/plan?lang=${lang}`);
      await page.waitForSelector('.plan-line');
      expect(await axeFindings(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
    },
  );
});
