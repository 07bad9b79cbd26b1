import { randomUUID } from 'node:crypto';
import { format } from '@albergue/i18n';
import type { BrowserContext, Page } from 'playwright-core';
import { healthServiceRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { consoleBrowser, type ConsoleBrowser } from './helpers/console-bench.js';
import { consoleFor, consoleWords } from './helpers/console-page.js';
import { axeFindings } from './helpers/finder-page.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

type Registered = { registerHousehold: { members: { id: string }[] } };

interface Followed {
  id: string;
  state: string;
  residentId: string | null;
  alias: string | null;
  basis: string | null;
  basisBy: string | null;
  consentLanguage: string | null;
  shares: string[] | null;
  capacityOverride: string | null;
  serviceId: string | null;
  fieldVisit: boolean | null;
}

const FOLLOWED = `query($s: ID!) { referralsOf(shelterId: $s) { id state residentId alias basis basisBy
  consentLanguage shares capacityOverride serviceId fieldVisit } }`;

describe('The staff console: a health worker refers a person (e2e, Chromium)', () => {
  let app: TestApp;
  let browser: ConsoleBrowser;
  let shelterId: string;
  let health: Person;
  let volunteer: Person;
  let coordinator: Person;
  /** Marie speaks Haitian Creole and French: her slip is in Creole. */
  let marie: string;
  let clinic: string;
  let full: string;
  const REASON = 'Fiebre de tres días y tos';

  const newContext = () => browser.newContext();

  const followed = async (): Promise<Followed[]> => {
    const answer = await health.gql<{ referralsOf: Followed[] }>(FOLLOWED, { s: shelterId });
    if (!answer.data) {
      throw new Error(`referralsOf failed: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data.referralsOf;
  };

  /** The refer flow for Marie, opened from the health page as a health worker does. */
  const referMarie = async (context: BrowserContext, lang = 'es'): Promise<Page> => {
    const page = await consoleFor(
      context,
      app,
      health,
      `/console/shelters/${shelterId}/health`,
      lang,
    );
    await page.click(`.refer-subject[data-resident="${marie}"] a.button`);
    await page.waitForSelector('#refer-title');
    return page;
  };

  /** Category, urgency and service chosen, the service's fit for the person shown. */
  const chooseService = async (page: Page, urgency: string, serviceId: string) => {
    await page.selectOption('select[name=category]', 'ACUTE_ILLNESS');
    await page.check(`input[name=urgency][value=${urgency}]`);
    await page.check(`input[name=serviceId][value="${serviceId}"]`);
    await page.waitForSelector('.refer-fit [data-fit=language] strong');
  };

  const consentGiven = async (page: Page, shares: string[]) => {
    await page.check('input[name=consent][value=GIVEN]');
    for (const share of shares) {
      await page.check(`input[name=share][value=${share}]`);
    }
  };

  beforeAll(async () => {
    app = await startTestApp();
    browser = await consoleBrowser();
    shelterId = await shelterFor(app, { name: 'Casa Tochan', populations: ['FAMILIES'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    health = await staffAt(app, {
      role: 'HEALTH_WORKER',
      shelterId,
      displayName: 'Dra. Paula Ruiz',
    });
    const registered = await coordinator.gql<Registered>(REGISTER, {
      input: householdInput(shelterId, [adult('Marie Joseph', { languages: ['ht', 'fr'] })]),
    });
    if (!registered.data) {
      throw new Error(`registerHousehold failed: ${JSON.stringify(registered.errors)}`);
    }
    marie = registered.data.registerHousehold.members[0].id;
    clinic = await healthServiceRow(app, {
      name: 'Clínica Tláloc',
      category: 'clinic',
      languages: ['es', 'ht'],
    });
    await app.sql(
      `UPDATE health_service SET street = 'Calle Tláloc 12', phone = '55 5555 0101',
              requirements = '{no_id_needed,referral_letter_needed}' WHERE id = $1`,
      [clinic],
    );
    full = await healthServiceRow(app, {
      name: 'Hospital Lleno',
      category: 'hospital',
      capacityStatus: 'not_accepting',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refers a registered resident to an accepting service with consent: the referral is sent', async () => {
    const words = await consoleWords('es');
    const page = await referMarie(await newContext());
    expect(await page.locator('#refer-title').textContent()).toBe(
      format(words['refer.title'], { name: 'Marie' }, 'es'),
    );
    await page.selectOption('select[name=category]', 'ACUTE_ILLNESS');
    await page.check('input[name=urgency][value=ROUTINE]');
    // The chooser says each service's capacity in words, and its requirements.
    const offered = page.locator(`.refer-service[data-service="${clinic}"]`);
    expect(await offered.locator('.capacity strong').textContent()).toBe(
      words['referral.capacity.ACCEPTING'],
    );
    expect(await offered.textContent()).toContain(words['referral.requirement.NO_ID_NEEDED']);
    await page.check(`input[name=serviceId][value="${clinic}"]`);
    // Marie speaks Creole, spoken there: met. Her group is served (everyone): met.
    await page.waitForSelector('.refer-fit [data-fit=language] strong');
    expect(await page.locator('.refer-fit [data-fit=language] strong').textContent()).toBe(
      words['refer.fit.MET'],
    );
    expect(await page.locator('.refer-fit [data-fit=capacity] strong').textContent()).toBe(
      words['refer.fit.MET'],
    );
    await page.fill('textarea[name=reason]', REASON);
    expect(await page.locator('#refer-reason-count').textContent()).toBe(
      format(words['refer.reasonCount'], { n: REASON.length, max: 2000 }, 'es'),
    );
    await consentGiven(page, ['REASON_WITH_SERVICE', 'OUTCOME_WITH_SHELTER']);
    // Explained by the signed-in health worker, in Marie's language, with her bed never at stake.
    expect(await page.locator('.refer-consent').textContent()).toContain('Dra. Paula Ruiz');
    expect(await page.locator('.refer-consent .bed-not-affected').textContent()).toBe(
      words['refer.consent.bed'],
    );
    const creole = await consoleWords('ht');
    await page.waitForSelector('.consent-text[lang=ht]');
    expect(await page.locator('.consent-text').textContent()).toContain(
      creole['refer.consent.text'],
    );
    expect(await page.locator('.refer-send').textContent()).toBe(words['refer.send']);
    await page.click('.refer-send');
    await page.waitForSelector('.refer-done .notice.success');

    const [sent] = (await followed()).filter((each) => each.residentId === marie);
    expect(sent).toMatchObject({
      state: 'SENT',
      serviceId: clinic,
      basis: 'CONSENT',
      basisBy: health.userId,
      consentLanguage: 'ht',
    });
    expect([...(sent.shares ?? [])].sort()).toEqual([
      'OUTCOME_WITH_SHELTER',
      'REASON_WITH_SERVICE',
    ]);
    expect(await page.locator('.refer-done .notice.success').textContent()).toContain(
      sent.id.slice(0, 8),
    );
  });

  it('asks why before sending to a service that is not accepting anyone', async () => {
    const words = await consoleWords('es');
    const before = (await followed()).length;
    const page = await referMarie(await newContext());
    await chooseService(page, 'URGENT', full);
    expect(await page.locator('.refer-fit [data-fit=capacity] strong').textContent()).toBe(
      words['refer.fit.NOT_MET'],
    );
    expect(await page.locator('.refer-override legend').textContent()).toBe(
      words['refer.override.title'],
    );
    await page.fill('textarea[name=reason]', REASON);
    await consentGiven(page, ['REASON_WITH_SERVICE']);
    await page.click('.refer-send');
    await page.waitForSelector('.refer-missing');
    expect(await page.locator('.refer-missing').textContent()).toContain(
      words['refer.missing.override'],
    );
    expect((await followed()).length).toBe(before);

    await page.check('input[name=capacityOverride][value=CALLED_AND_AGREED]');
    await page.click('.refer-send');
    await page.waitForSelector('.refer-done .notice.success');
    const sent = (await followed()).find((each) => each.serviceId === full);
    expect(sent).toMatchObject({ state: 'SENT', capacityOverride: 'CALLED_AND_AGREED' });
  });

  it('says "call 911" at once for an emergency, and sends it under vital interest decided by the caller', async () => {
    const words = await consoleWords('es');
    const page = await referMarie(await newContext());
    await page.selectOption('select[name=category]', 'INJURY');
    expect(await page.locator('.refer-911').count()).toBe(0);
    await page.check('input[name=urgency][value=EMERGENCY]');
    // At once, before any service is chosen: big, in words.
    const now = page.locator('.refer-911 .now');
    expect(await now.textContent()).toBe(words['refer.emergency.now']);
    const size = await now.evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);

    await page.check(`input[name=serviceId][value="${clinic}"]`);
    await page.fill('textarea[name=reason]', 'Herida abierta en la pierna');
    await page.check('input[name=consent][value=VITAL_INTEREST]');
    expect(await page.locator('.refer-consent .notice.warning').textContent()).toContain(
      'Dra. Paula Ruiz',
    );
    await page.click('.refer-send');
    await page.waitForSelector('.refer-done .refer-911');
    const sent = (await followed()).find(
      (each) => each.basis === 'VITAL_INTEREST' && each.residentId === marie,
    );
    expect(sent).toMatchObject({ state: 'SENT', basisBy: health.userId });
  });

  it('keeps a referral without consent as a draft that has not left the shelter', async () => {
    const words = await consoleWords('es');
    const staff = await serviceStaffAt(app, clinic);
    const page = await referMarie(await newContext());
    await chooseService(page, 'ROUTINE', clinic);
    await page.fill('textarea[name=reason]', 'Control de presión');
    await page.check('input[name=consent][value=NOT_NOW]');
    expect(await page.locator('.refer-send').textContent()).toBe(words['refer.saveDraft']);
    await page.click('.refer-send');
    await page.waitForSelector('.refer-done');
    expect(await page.locator('.refer-done [role=status]').textContent()).toBe(
      words['refer.done.draft'],
    );
    const drafts = (await followed()).filter((each) => each.state === 'DRAFT');
    expect(drafts).toHaveLength(1);
    // Nothing reached the service.
    const inbox = await staff.gql<{ serviceReferrals: { id: string }[] }>(
      'query($s: ID!) { serviceReferrals(serviceId: $s) { id } }',
      { s: clinic },
    );
    expect(inbox.data!.serviceReferrals.map((each) => each.id)).not.toContain(drafts[0].id);
  });

  it('refers at a field visit with no connection from the start: chosen offline, queued, sent when it returns', async () => {
    const words = await consoleWords('es');
    const context = await newContext();
    const page = await consoleFor(
      context,
      app,
      health,
      `/console/shelters/${shelterId}/health/refer`,
    );
    await page.waitForSelector('#refer-title');
    // The directory is read once, while the form opens online; then the connection goes, before
    // anything is chosen.
    await page.waitForSelector('.refer-chooser[data-directory=read]');
    await context.setOffline(true);
    await page.fill('input[name=alias]', 'Wilner');
    await page.selectOption('select[name=ageBracket]', 'ADULT');
    await page.check('input[name=language][value=ht]');
    // A category never asked for online: its services come from the directory on the device.
    await page.selectOption('select[name=category]', 'DENTAL');
    await page.check('input[name=urgency][value=ROUTINE]');
    expect(await page.locator(`.refer-service[data-service="${clinic}"]`).count()).toBe(0);
    await page.selectOption('select[name=category]', 'ACUTE_ILLNESS');
    await page.check(`input[name=serviceId][value="${clinic}"]`);
    // The fit cannot be asked offline: said in words, the worker chooses.
    await page.waitForSelector('.refer-fit-offline');
    expect(await page.locator('.refer-fit-offline').textContent()).toBe(
      words['referFix.fit.offline'],
    );
    expect(
      await page.locator(`.refer-service[data-service="${clinic}"] .capacity strong`).textContent(),
    ).toBe(words['referral.capacity.ACCEPTING']);
    await page.fill('textarea[name=reason]', 'Dolor de muelas');
    await consentGiven(page, ['REASON_WITH_SERVICE']);
    // The consent read out in his language, though that language was never shown online.
    const creole = await consoleWords('ht');
    await page.waitForSelector('.consent-text[lang=ht]');
    expect(await page.locator('.consent-text').textContent()).toContain(
      creole['refer.consent.text'],
    );
    await page.click('.refer-send');
    await page.waitForSelector('.refer-done [role=status]');
    expect(await page.locator('.refer-done [role=status]').textContent()).toBe(
      words['refer.done.queued'],
    );
    expect(await page.locator('.refer-queued-check').textContent()).toBe(
      words['referFix.done.queuedCheck'],
    );
    expect(await page.locator('.pending-act').textContent()).toContain(
      words['offline.kind.referral'],
    );
    expect((await followed()).some((each) => each.alias === 'Wilner')).toBe(false);
    await context.setOffline(false);
    await page.waitForFunction(() => !document.querySelector('.pending-count'));
    const sent = (await followed()).filter((each) => each.alias === 'Wilner');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ state: 'SENT', residentId: null, serviceId: clinic });
  });

  it('asks for the sex at birth once it is ticked as clinically needed', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      health,
      `/console/shelters/${shelterId}/health/refer`,
    );
    await page.waitForSelector('.refer-chooser[data-directory=read]');
    await page.fill('input[name=alias]', 'Rose');
    await page.selectOption('select[name=ageBracket]', 'ADULT');
    await page.check('input[name=sexNeeded]');
    await chooseService(page, 'ROUTINE', clinic);
    await page.fill('textarea[name=reason]', 'Control prenatal');
    await consentGiven(page, ['REASON_WITH_SERVICE']);
    await page.click('.refer-send');
    await page.waitForSelector('.refer-missing');
    expect(await page.locator('.refer-missing li').allTextContents()).toEqual([
      words['referFix.missing.sex'],
    ]);
    expect((await followed()).some((each) => each.alias === 'Rose')).toBe(false);
  });

  it('does not show the health section to a volunteer', async () => {
    const words = await consoleWords('es');
    const page = await consoleFor(
      await newContext(),
      app,
      volunteer,
      `/console/shelters/${shelterId}`,
    );
    await page.waitForSelector('nav.sections');
    expect(await page.locator('nav.sections').textContent()).not.toContain(words['refer.nav']);
    expect(await page.locator(`nav.sections a[href$="/health"]`).count()).toBe(0);
    await page.goto(`${app.url}/console/shelters/${shelterId}/health?lang=es`);
    await page.waitForSelector(`text=${words['app.notForRole']}`);
    expect(await page.locator('.refer-subject').count()).toBe(0);
  });

  it('prints the slip in the person’s language on A4, without the reason unless she asks', async () => {
    const created = await health.gql<{ createReferral: { id: string; reference: string } }>(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id reference } }`,
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentId: marie,
          serviceId: clinic,
          category: 'CHRONIC_ILLNESS',
          urgency: 'ROUTINE',
          reason: 'Diabetes sin medicina desde hace un mes',
          consent: { basis: 'CONSENT', language: 'ht', shares: ['REASON_WITH_SERVICE'] },
        },
      },
    );
    const { id, reference } = created.data!.createReferral;
    const staff = await serviceStaffAt(app, clinic);
    await staff.gql(
      'mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { id } }',
      {
        input: { referralId: id, requestId: randomUUID() },
      },
    );
    const scheduled = await staff.gql(
      'mutation($input: ScheduleReferralInput!) { scheduleReferral(input: $input) { id state } }',
      {
        input: {
          referralId: id,
          requestId: randomUUID(),
          scheduledFor: new Date(Date.now() + 26 * 3_600_000).toISOString(),
          place: 'Consultorio 3',
        },
      },
    );
    expect(scheduled.errors).toBeUndefined();

    const words = await consoleWords('es');
    const creole = await consoleWords('ht');
    const page = await consoleFor(
      await newContext(),
      app,
      health,
      `/console/shelters/${shelterId}/health/referrals/${id}/slip`,
    );
    await page.waitForSelector('.refer-slip[lang=ht]');
    const slip = page.locator('.refer-slip');
    expect(await slip.locator('.reference strong').textContent()).toBe(reference);
    expect(await slip.locator('.slip-service').textContent()).toBe('Clínica Tláloc');
    expect(await slip.locator('.slip-where').textContent()).toContain('Calle Tláloc 12');
    expect(await slip.locator('.slip-phone').textContent()).toBe('55 5555 0101');
    expect(await slip.locator('.slip-when').textContent()).toContain('Consultorio 3');
    expect(await slip.locator('.slip-bring').textContent()).toContain(
      creole['refer.bring.REFERRAL_LETTER_NEEDED'],
    );
    expect(await slip.textContent()).not.toContain('Diabetes');
    expect(await page.locator('input[name=withReason]').isChecked()).toBe(false);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: words['refer.slip.print'] }).isVisible()).toBe(
      false,
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    const boxes = [
      ...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ];
    expect(boxes.length).toBeGreaterThan(0);
    for (const [, width, height] of boxes) {
      expect(Math.round(Number(width))).toBe(595);
      expect(Math.round(Number(height))).toBe(842);
    }
    await page.emulateMedia({ media: 'screen' });

    // The person asks for the reason on her slip: then, and only then, it is printed.
    await page.check('input[name=withReason]');
    await page.waitForSelector('.slip-reason');
    expect(await page.locator('.slip-reason').textContent()).toBe(
      'Diabetes sin medicina desde hace un mes',
    );
    // Another language chosen for her: the slip follows.
    await page.selectOption('select[name=slipLanguage]', 'fr');
    await page.waitForSelector('.refer-slip[lang=fr]');
  });

  it('gives a sensitive service’s area and phone only on the slip, never its street', async () => {
    const refuge = await healthServiceRow(app, {
      name: 'Centro Violeta',
      category: 'sexual_reproductive_health',
      sensitive: true,
      languages: ['es', 'fr'],
    });
    await app.sql(
      `UPDATE health_service SET street = 'Calle Secreta 9', phone = '55 5555 0909' WHERE id = $1`,
      [refuge],
    );
    const created = await health.gql<{ createReferral: { id: string } }>(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          residentId: marie,
          serviceId: refuge,
          category: 'VIOLENCE',
          urgency: 'URGENT',
          reason: 'Atención después de una agresión',
          consent: { basis: 'CONSENT', language: 'fr', shares: [] },
        },
      },
    );
    const { id } = created.data!.createReferral;
    const creole = await consoleWords('ht');
    const page = await consoleFor(
      await newContext(),
      app,
      health,
      `/console/shelters/${shelterId}/health/referrals/${id}/slip`,
    );
    await page.waitForSelector('.refer-slip[lang=ht]');
    const where = await page.locator('.slip-where').textContent();
    expect(where).toContain('Cuauhtémoc');
    expect(where).toContain(creole['refer.slip.areaOnly']);
    expect(await page.locator('.slip-phone').textContent()).toBe('55 5555 0909');
    expect(await page.locator('.refer-slip').textContent()).not.toContain('Calle Secreta');
    expect(await page.locator('.refer-slip').textContent()).not.toContain('agresión');
  });

  it.each(['es', 'ht'])(
    'has no serious or critical axe finding on its screens at 360 px in %s',
    async (lang) => {
      const page = await consoleFor(
        await newContext(),
        app,
        health,
        `/console/shelters/${shelterId}/health`,
        lang,
      );
      await page.waitForSelector('.refer-subject');
      expect(await axeFindings(page)).toEqual([]);
      await page.click(`.refer-subject[data-resident="${marie}"] a.button`);
      await page.waitForSelector('#refer-title');
      await page.selectOption('select[name=category]', 'ACUTE_ILLNESS');
      await page.check('input[name=urgency][value=EMERGENCY]');
      await page.check(`input[name=serviceId][value="${full}"]`);
      await page.waitForSelector('.refer-fit [data-fit=language] strong');
      await page.check('input[name=consent][value=GIVEN]');
      await page.waitForSelector('.consent-text');
      await page.click('.refer-send');
      await page.waitForSelector('.refer-missing');
      expect(await axeFindings(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await page.goto(`${app.url}/console/shelters/${shelterId}/health/refer?lang=${lang}`);
      await page.waitForSelector('input[name=alias]');
      await page.check('input[name=sexNeeded]');
      expect(await axeFindings(page)).toEqual([]);
      const [slip] = (await followed()).filter((each) => each.state === 'SENT');
      await page.goto(
        `${app.url}/console/shelters/${shelterId}/health/referrals/${slip.id}/slip?lang=${lang}`,
      );
      await page.waitForSelector('.refer-slip');
      expect(await axeFindings(page)).toEqual([]);
    },
  );
});
