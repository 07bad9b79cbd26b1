import { format } from '@albergue/i18n';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../clients/chromium.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { staffAt, type Person } from './factories/staff.factory.js';
import { consoleFor, consoleWords, PHONE } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

interface Member {
  name: string;
  birthYear?: string;
  age?: string;
  /** The name of the member who is this minor's guardian. */
  guardian?: string;
  languages?: string[];
  /** When not the household's. */
  nationality?: string;
  /** Typed as ISO 639 codes. */
  otherLanguages?: string;
}

describe('The staff console: the gate (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let shelterId: string;
  let countsShelterId: string;
  let volunteer: Person;
  let coordinator: Person;
  let healthWorker: Person;
  const contexts: BrowserContext[] = [];

  /** Each person on their own phone, whose clock is the shelter's (the server's TIME_ZONE). */
  const newContext = async (locale = 'es-MX') => {
    const context = await browser.newContext({ locale, timezoneId: 'America/Mexico_City' });
    contexts.push(context);
    return context;
  };
  const gatePath = (id = shelterId) => `/console/shelters/${id}/gate`;

  const households = async (id = shelterId) =>
    (
      await app.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM household WHERE shelter_id = $1',
        [id],
      )
    )[0].n;

  /** The residents of the shelter as its coordinator reads them through the API. */
  const residents = async () => {
    const answer = await coordinator.gql<{
      residentsOf: {
        id: string;
        name: string;
        householdId: string;
        guardianId: string | null;
        birthYear: number;
        languages: string[];
        nationality: string;
      }[];
    }>(
      'query($id: ID!) { residentsOf(shelterId: $id) { id name householdId guardianId birthYear languages nationality } }',
      {
        id: shelterId,
      },
    );
    return answer.data!.residentsOf;
  };

  const occupants = async () => {
    const answer = await coordinator.gql<{
      bedBoard: { id: string; use: { kind: string; residentId: string | null } | null }[];
    }>('query($id: ID!) { bedBoard(shelterId: $id) { id use { kind residentId } } }', {
      id: shelterId,
    });
    return answer
      .data!.bedBoard.filter((bed) => bed.use?.kind === 'stay')
      .map((bed) => bed.use!.residentId);
  };

  /** Fills the gate's form as a volunteer does: group, nationality, each member, the basis. */
  const fillHousehold = async (
    page: Page,
    members: Member[],
    { population = 'FAMILIES', explainedIn = 'ht' } = {},
  ) => {
    await page.selectOption('#gate-population', population);
    await page.selectOption('#gate-nationality', 'HT');
    for (const [index, member] of members.entries()) {
      if (index > 0) {
        await page.click('button.add-member');
      }
      await page.fill(`input[name=member-${index}-name]`, member.name);
      if (member.birthYear) {
        await page.fill(`input[name=member-${index}-birthYear]`, member.birthYear);
      }
      if (member.age) {
        await page.fill(`input[name=member-${index}-age]`, member.age);
      }
      for (const code of member.languages ?? []) {
        await page.check(`input[name=member-${index}-language-${code}]`);
      }
      if (member.nationality) {
        await page.selectOption(`select[name=member-${index}-nationality]`, member.nationality);
      }
      if (member.otherLanguages) {
        await page.fill(`input[name=member-${index}-otherLanguages]`, member.otherLanguages);
      }
    }
    // Guardians once every member is there: the choice lists the adults by name.
    for (const [index, member] of members.entries()) {
      if (member.guardian) {
        await page.selectOption(`select[name=member-${index}-guardian]`, {
          label: member.guardian,
        });
      }
    }
    await page.selectOption('#gate-explained-in', explainedIn);
    await page.check('input[name=consentIndependent]');
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
    shelterId = await shelterFor(app, { name: 'Casa Tochan', populations: ['FAMILIES', 'MEN'] });
    countsShelterId = await shelterFor(app, { name: 'Casa Arcoíris', populations: ['LGBTQ'] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterIds: [shelterId, countsShelterId] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    healthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId });
    await bedsAt(coordinator, shelterId, 8, ['FAMILIES', 'MEN']);
    // Someone already on record here, whom a newcomer's name may match.
    const known = await volunteer.gql(REGISTER, {
      input: householdInput(shelterId, [adult('Marie-Claire Louis', { birthYear: 1987 })]),
    });
    expect(known.errors).toBeUndefined();
  });

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
    await browser?.close();
    await app?.close();
  });

  it('registers and checks in a household of three, the child with her guardian, in one act', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    // The consent is explained in the person's language, with the bed not depending on it.
    await page.selectOption('#gate-explained-in', 'ht');
    await page.waitForSelector('.consent-text[lang=ht]');
    expect(await page.textContent('.consent-text')).toBe(
      (await consoleWords('ht'))['gate.basis.consentText'],
    );
    await fillHousehold(page, [
      { name: 'Marie Joseph', birthYear: '1990', languages: ['ht', 'fr'] },
      { name: 'Jean Pierre', age: '36', languages: ['ht'], otherLanguages: 'wo' },
      { name: 'Lucie Pierre', birthYear: '2018', guardian: 'Marie Joseph', nationality: 'CL' },
    ]);
    await page.click('button.register-submit');
    await page.waitForSelector('.placed');
    expect(await page.textContent('.placed')).toContain('Lucie Pierre');
    expect(await page.textContent('.placed')).toContain(words['gate.placedBeds'].split(':')[0]);

    const people = await residents();
    const [marie, jean, lucie] = ['Marie Joseph', 'Jean Pierre', 'Lucie Pierre'].map((name) =>
      people.find((person) => person.name === name)!,
    );
    expect(new Set([marie.householdId, jean.householdId, lucie.householdId]).size).toBe(1);
    expect(lucie.guardianId).toBe(marie.id);
    // Born on the way: her own nationality, the others the household's.
    expect([marie.nationality, jean.nationality, lucie.nationality]).toEqual(['HT', 'HT', 'CL']);
    expect(jean.guardianId).toBeNull();
    // The age given became a birth year; the languages ticked (a new member starts with the
    // first one's) and typed are all kept.
    expect(jean.birthYear).toBe(new Date().getFullYear() - 36);
    expect(jean.languages).toEqual(['ht', 'fr', 'wo']);
    expect(await occupants()).toEqual(expect.arrayContaining([marie.id, jean.id, lucie.id]));
    // The day's figures are the coordinators' to read: a volunteer's gate does not ask for them.
    expect(await page.$('.turnaway-today')).toBeNull();
  });

  it('registers once when the button is tapped twice, or the form sent twice at once', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    await page.waitForSelector('form.register');
    const before = await households();
    await fillHousehold(page, [{ name: 'Rose Etienne', birthYear: '1985' }]);
    await page.dblclick('button.register-submit');
    await page.waitForSelector('.placed');
    expect(await households()).toBe(before + 1);

    // Two sends in the same instant, before the page can disable its button.
    await fillHousehold(page, [{ name: 'Wilner Dorval', birthYear: '1979' }], {
      population: 'MEN',
    });
    await page.$eval('form.register', (form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
    });
    await page.waitForSelector('.placed >> text=Wilner Dorval');
    expect(await households()).toBe(before + 2);
    expect((await residents()).filter((person) => person.name === 'Wilner Dorval')).toHaveLength(1);
  });

  it('shows a known person as a likely match, and registers as new on request', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    const before = await households();
    await fillHousehold(page, [{ name: 'Marie-Claire Louis', birthYear: '1987' }]);
    await page.click('button.register-submit');
    await page.waitForSelector('.duplicates .match');
    expect(await page.textContent('.duplicates h3')).toBe(words['gate.duplicate.title']);
    expect(await page.textContent('.duplicates .match')).toContain('Marie-Claire Louis');
    expect(await households()).toBe(before);

    await page.click('button.register-new');
    await page.waitForSelector('.placed');
    expect(await households()).toBe(before + 1);
    expect(
      (await residents()).filter((person) => person.name === 'Marie-Claire Louis'),
    ).toHaveLength(2);
  });

  /** Everyone on record under a name, at any shelter (the database's count, not a caller's view). */
  const records = async () =>
    (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0].n;

  it('checks in a returning person as the person on record: no second record', async () => {
    // Yves stayed here before: registered, checked in, checked out.
    const first = await volunteer.gql<{ registerAndCheckIn: { residentId: string }[] }>(
      'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { residentId } }',
      {
        input: householdInput(shelterId, [
          adult('Yves Saint-Fleur', { birthYear: 1975, population: 'MEN' }),
        ]),
      },
    );
    expect(first.errors).toBeUndefined();
    const yves = first.data!.registerAndCheckIn[0].residentId;
    const out = await volunteer.gql(
      'mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }',
      { input: { requestId: randomUUID(), residentId: yves } },
    );
    expect(out.errors).toBeUndefined();
    expect(await occupants()).not.toContain(yves);

    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    const before = { records: await records(), households: await households() };
    await fillHousehold(page, [{ name: 'Yves Saint-Fleur', birthYear: '1975' }], {
      population: 'MEN',
    });
    await page.click('button.register-submit');
    const button = 'li.match:has-text("Yves Saint-Fleur") button.check-in-known';
    await page.waitForSelector(button);
    expect(await page.textContent(button)).toBe(
      format(words['gate.known.checkIn'], { name: 'Yves Saint-Fleur' }, 'es'),
    );
    await page.dblclick(button);
    await page.waitForSelector('.placed >> text=Yves Saint-Fleur');
    // The same record, in a bed again; nothing new registered; the form is ready for the next.
    expect(await occupants()).toContain(yves);
    expect(await records()).toBe(before.records);
    expect(await households()).toBe(before.households);
    expect((await residents()).filter((person) => person.name === 'Yves Saint-Fleur')).toEqual([
      expect.objectContaining({ id: yves }),
    ]);
    expect(await page.$('.duplicates')).toBeNull();
    expect(await page.inputValue('input[name=member-0-name]')).toBe('');

    // Back again while still in a bed: the refusal is said in words, nothing changes.
    await fillHousehold(page, [{ name: 'Yves Saint-Fleur', birthYear: '1975' }], {
      population: 'MEN',
    });
    await page.click('button.register-submit');
    await page.click(button);
    await page.waitForSelector(
      `.duplicates .notice.error >> text=${words['gate.refused.ALREADY_IN_A_BED']}`,
    );
    expect(await records()).toBe(before.records);
  });

  it('checks in the known member of a household, and registers the others after', async () => {
    const known = await volunteer.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      { input: householdInput(shelterId, [adult('Josué Alexis', { birthYear: 1980 })]) },
    );
    expect(known.errors).toBeUndefined();
    const josue = known.data!.registerHousehold.members[0].id;
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    await page.waitForSelector('form.register');
    const before = await records();
    await fillHousehold(page, [
      { name: 'Josué Alexis', birthYear: '1980' },
      { name: 'Mireille Dorsainvil', birthYear: '1983' },
    ]);
    await page.click('button.register-submit');
    await page.click('li.match:has-text("Josué Alexis") button.check-in-known');
    await page.waitForSelector('.placed >> text=Josué Alexis');
    expect(await occupants()).toContain(josue);
    // The other member stays in the form, alone now, with no match left to answer.
    expect(await page.$('.duplicates')).toBeNull();
    expect(await page.inputValue('input[name=member-0-name]')).toBe('Mireille Dorsainvil');
    expect(await page.$('input[name=member-1-name]')).toBeNull();
    await page.click('button.register-submit');
    await page.waitForSelector('.placed >> text=Mireille Dorsainvil');
    expect(await records()).toBe(before + 1);
    expect((await residents()).filter((person) => person.name === 'Josué Alexis')).toHaveLength(1);
  });

  it('offers no check-in for a match registered at another shelter, and says why', async () => {
    const elsewhere = await volunteer.gql(REGISTER, {
      input: householdInput(countsShelterId, [
        adult('Nadège Beauvoir', { birthYear: 1992, population: 'LGBTQ' }),
      ]),
    });
    expect(elsewhere.errors).toBeUndefined();
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    await fillHousehold(page, [{ name: 'Nadège Beauvoir', birthYear: '1992' }]);
    await page.click('button.register-submit');
    const match = 'li.match:has-text("Nadège Beauvoir")';
    await page.waitForSelector(match);
    expect(await page.textContent(match)).toContain(words['gate.known.elsewhere']);
    expect(await page.$(`${match} button`)).toBeNull();
  });

  it('keeps no browser form history for personal data', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    await page.waitForSelector('form.register');
    await page.fill('input[name=member-0-birthYear]', '2015');
    await page.check('input[name=member-0-unaccompanied]');
    for (const field of ['name', 'birthYear', 'age', 'otherLanguages', 'authority', 'caseNumber']) {
      expect(await page.getAttribute(`input[name=member-0-${field}]`, 'autocomplete')).toBe('off');
    }
  });

  it('records a turnaway in three taps, counted in the day’s figures', async () => {
    const page = await consoleFor(await newContext(), app, coordinator, gatePath());
    await page.waitForSelector('.turnaway .turnaway-today');
    const words = await consoleWords('es');
    const before = await app.sql<{ n: number }>(
      'SELECT coalesce(sum(count), 0)::int AS n FROM turnaway WHERE shelter_id = $1',
      [shelterId],
    );
    await page.click('.turnaway [data-count="3"]');
    await page.click('.turnaway [data-population="MEN"]');
    await page.click('.turnaway [data-reason="NO_SPACE"]');
    await page.waitForSelector('.turnaway .notice.success');
    expect(await page.textContent('.turnaway .notice.success')).toContain(words['group.MEN']);
    const after = await app.sql<{ n: number }>(
      'SELECT coalesce(sum(count), 0)::int AS n FROM turnaway WHERE shelter_id = $1',
      [shelterId],
    );
    expect(after[0].n).toBe(before[0].n + 3);
    // The coordinator's count of today, from dailyFigures, follows.
    await page.waitForFunction(
      (text) => document.querySelector('.turnaway-today')?.textContent === text,
      format(words['gate.turnaway.today'], { n: before[0].n + 3 }, 'es'),
    );
    // Back at the first step for the next one.
    expect(await page.isVisible('.turnaway [data-count="1"]')).toBe(true);
  });

  it('places on a chosen bed; a bed taken meanwhile is explained and the list refreshed', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    await fillHousehold(page, [{ name: 'Ti Paul Noel', birthYear: '1980' }], {
      population: 'MEN',
    });
    await page.check('input[name=beds][value=chosen]');
    await page.waitForSelector('select[name=bed-0] option:nth-child(3)', { state: 'attached' });
    const beds = await page.$$eval('select[name=bed-0] option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
    );
    await page.selectOption('select[name=bed-0]', beds[0]);
    // Another gate takes that bed a second before this one sends.
    const other = await coordinator.gql(
      'mutation($input: RegisterAndCheckInInput!) { registerAndCheckIn(input: $input) { id } }',
      {
        input: householdInput(shelterId, [adult('Frantz Celestin', { population: 'MEN' })], {
          bedIds: [beds[0]],
        }),
      },
    );
    expect(other.errors).toBeUndefined();
    await page.click('button.register-submit');
    await page.waitForSelector(`.notice.error >> text=${words['gate.refused.BED_TAKEN']}`);
    await page.waitForFunction(
      (taken) =>
        [...document.querySelectorAll('select[name=bed-0] option')].every(
          (option) => (option as HTMLOptionElement).value !== taken,
        ),
      beds[0],
    );
    await page.selectOption('select[name=bed-0]', beds[1]);
    await page.click('button.register-submit');
    await page.waitForSelector('.placed');
    // The next household's choice no longer offers the bed just taken.
    await page.check('input[name=beds][value=chosen]');
    await page.waitForFunction(
      (taken) =>
        document.querySelectorAll('select[name=bed-0] option').length > 1 &&
        [...document.querySelectorAll('select[name=bed-0] option')].every(
          (option) => (option as HTMLOptionElement).value !== taken,
        ),
      beds[1],
    );
    const paul = (await residents()).find((person) => person.name === 'Ti Paul Noel')!;
    const board = await coordinator.gql<{
      bedBoard: { id: string; use: { residentId: string | null } | null }[];
    }>('query($id: ID!) { bedBoard(shelterId: $id) { id use { residentId } } }', {
      id: shelterId,
    });
    expect(board.data!.bedBoard.find((bed) => bed.id === beds[1])?.use?.residentId).toBe(paul.id);
  });

  it('registers at a counts-mode shelter without a bed, and says the report counts them', async () => {
    const page = await consoleFor(await newContext(), app, volunteer, gatePath(countsShelterId));
    const words = await consoleWords('es');
    await page.waitForSelector('form.register');
    expect(await page.isVisible('.beds-choice')).toBe(false);
    const before = await households(countsShelterId);
    await fillHousehold(page, [{ name: 'Dani Morales', birthYear: '1996' }], {
      population: 'LGBTQ',
    });
    await page.click('button.register-submit');
    await page.waitForSelector('.placed');
    expect(await page.textContent('.placed')).toContain(words['gate.countsReminder']);
    expect(await households(countsShelterId)).toBe(before + 1);
  });

  it('gives a health worker no gate: no link, no controls, as the API gives them no gate acts', async () => {
    const denied = await healthWorker.gql(
      'mutation($input: TurnawayInput!) { recordTurnaway(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          count: 1,
          population: 'MEN',
          reason: 'OTHER',
        },
      },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const page = await consoleFor(await newContext(), app, healthWorker, gatePath());
    const words = await consoleWords('es');
    await page.waitForSelector('.gate .notice');
    expect(await page.textContent('.gate .notice')).toBe(words['gate.notYours']);
    expect(await page.$$('.gate form, .gate button, .gate input, .gate select')).toHaveLength(0);
    expect(await page.$(`.sections a[href$="/gate"]`)).toBeNull();
    // A volunteer has the link.
    const mine = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterId}`,
    );
    await mine.waitForSelector(`.sections a[href$="/gate"]`);
  });

  it.each(['es', 'ht'])(
    'has no serious or critical axe finding on the gate in %s, and fits 360 px',
    async (lang) => {
      const page = await consoleFor(await newContext(), app, volunteer, gatePath(), lang);
      await page.waitForSelector('form.register');
      expect(await axeFindings(page)).toEqual([]);
      // A household with a minor, beds chosen, and the problems shown.
      await page.click('button.add-member');
      await page.fill('input[name=member-1-birthYear]', '2016');
      await page.check('input[name=member-1-unaccompanied]');
      await page.check('input[name=beds][value=chosen]');
      await page.click('button.register-submit');
      await page.waitForSelector('.problems');
      expect(await axeFindings(page)).toEqual([]);
      // The duplicate choice.
      await page.reload();
      await page.waitForSelector('form.register');
      await fillHousehold(page, [{ name: 'Marie-Claire Louis', birthYear: '1987' }]);
      await page.click('button.register-submit');
      await page.waitForSelector('.duplicates .match');
      expect(await axeFindings(page)).toEqual([]);
      // The turnaway's steps.
      await page.click('.turnaway [data-count="2"]');
      expect(await axeFindings(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
    },
  );
});
