import { randomUUID } from 'node:crypto';
import { SupplyPledges } from '@albergue/supplies';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import {
  NEED_FIELDS,
  PUBLISH_NEED,
  publishNeed,
  receiveStock,
  supplyItem,
  useStock,
} from './factories/supplies.factory.js';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.js';

interface Need {
  id: string;
  itemId: string | null;
  category: string;
  quantity: number | null;
  unit: string | null;
  priority: string;
  until: string | null;
  public: boolean;
  closedAt: string | null;
  closure: string | null;
}

interface NeedsJson {
  serverTime: string;
  network: { itemId: string | null; category: string; quantity: number | null; shelters: number }[];
  shelters: {
    id: string | null;
    name: string | null;
    borough: string | null;
    phone: string | null;
    needs: { itemId: string | null; priority: string }[];
  }[];
}

const SENSITIVE_NAME = 'CANARY-Refugio-Seguro-5e1';
const SENSITIVE_PHONE = '+52 55 0000 4242';

/** A day in Mexico City's calendar, `days` from today. */
const dayFromToday = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

/**
 * Needs lists (issue 21, item 7): coordinators publish, change and close what they ask donors
 * for; the public reads them on `/needs` (no script, five languages, a few KB) and `/needs.json`,
 * by item across the network and by shelter, with no person in them and a sensitive shelter by
 * its borough only unless it opts in.
 */
describe('Food and supplies: needs lists (e2e)', () => {
  let app: TestApp;
  let open: string;
  let sensitive: string;
  let coordinator: Person;
  let sensitiveCoordinator: Person;
  let volunteer: Person;
  let rice: string;
  let soap: string;

  const ok = <T>(result: GraphQLResponse<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const refusal = (result: GraphQLResponse) => {
    expect(result.errors).toHaveLength(1);
    return result.errors![0].extensions;
  };
  const publish = (by: Person, input: Record<string, unknown>) =>
    by.gql<{ publishNeed: Need }>(PUBLISH_NEED, { input: { requestId: randomUUID(), ...input } });
  const needs = async (by: Person, shelterId: string, history = false) =>
    ok(
      await by.gql<{ supplyNeeds: Need[] }>(
        `query($s: ID!, $h: Boolean!) { supplyNeeds(shelterId: $s, history: $h) { ${NEED_FIELDS} } }`,
        { s: shelterId, h: history },
      ),
    ).supplyNeeds;
  const json = async (): Promise<{ headers: Headers; body: NeedsJson }> => {
    const response = await fetch(`${app.url}/needs.json`);
    expect(response.status).toBe(200);
    return { headers: response.headers, body: (await response.json()) as NeedsJson };
  };

  beforeAll(async () => {
    app = await startTestApp();
    open = await shelterFor(app, { name: 'Casa Abierta Needs' });
    sensitive = await shelterFor(app, {
      name: SENSITIVE_NAME,
      sensitive: true,
      contact: { phone: SENSITIVE_PHONE },
    });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: open });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: open });
    sensitiveCoordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: sensitive });
    rice = await supplyItem(app, { name: 'Arroz needs' });
    soap = await supplyItem(app, {
      name: 'Jabón needs',
      category: 'HYGIENE',
      unit: 'PIECE',
      kcalPerUnit: null,
    });
  }, 60_000);

  afterAll(() => app?.close());

  it('publishes a need once per requestId, one open need per item, and changes and closes it', async () => {
    const input = {
      requestId: randomUUID(),
      shelterId: open,
      itemId: rice,
      quantity: 50,
      unit: 'KG',
      priority: 'HIGH',
      until: dayFromToday(10),
    };
    const first = ok(await coordinator.gql<{ publishNeed: Need }>(PUBLISH_NEED, { input }));
    const again = ok(await coordinator.gql<{ publishNeed: Need }>(PUBLISH_NEED, { input }));
    expect(again.publishNeed.id).toBe(first.publishNeed.id);
    expect(first.publishNeed).toMatchObject({
      itemId: rice,
      category: 'FOOD',
      quantity: 50,
      unit: 'KG',
      priority: 'HIGH',
      public: true,
      closedAt: null,
    });
    expect(
      refusal(await publish(coordinator, { ...input, requestId: randomUUID(), quantity: 5 })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'NEED_EXISTS', fields: ['input.itemId'] });

    const changed = ok(
      await coordinator.gql<{ updateNeed: Need }>(
        `mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { ${NEED_FIELDS} } }`,
        { input: { needId: first.publishNeed.id, quantity: 80, unit: 'KG', until: null } },
      ),
    ).updateNeed;
    expect(changed).toMatchObject({ quantity: 80, priority: 'HIGH', until: null });

    const close = (needId: string) =>
      coordinator.gql<{ closeNeed: Need }>(
        `mutation($input: CloseNeedInput!) { closeNeed(input: $input) { ${NEED_FIELDS} } }`,
        { input: { needId, closure: 'MET' } },
      );
    expect(ok(await close(first.publishNeed.id)).closeNeed).toMatchObject({
      closure: 'MET',
      public: false,
    });
    expect(refusal(await close(first.publishNeed.id))).toMatchObject({ reason: 'NEED_CLOSED' });
    expect((await needs(volunteer, open)).map((need) => need.id)).not.toContain(
      first.publishNeed.id,
    );
    expect((await needs(volunteer, open, true)).map((need) => need.id)).toContain(
      first.publishNeed.id,
    );
  });

  it('refuses a bad need with a typed error naming the field, and writes nothing', async () => {
    const before = await app.sql<{ n: string }>(
      'SELECT count(*) AS n FROM supply_need WHERE shelter_id = $1',
      [open],
    );
    const base = { shelterId: open, priority: 'LOW' };
    expect(
      refusal(await publish(coordinator, { ...base, itemId: rice, category: 'FOOD' })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NEED_INVALID',
      fields: ['input.itemId', 'input.category'],
    });
    expect(
      refusal(await publish(coordinator, { ...base, category: 'WATER', quantity: 3, unit: 'L' })),
    ).toMatchObject({ reason: 'NEED_INVALID', fields: ['input.quantity'] });
    expect(
      refusal(await publish(coordinator, { ...base, itemId: soap, quantity: 3, unit: 'KG' })),
    ).toMatchObject({ reason: 'UNIT_MISMATCH', fields: ['input.unit'] });
    expect(
      refusal(await publish(coordinator, { ...base, itemId: soap, quantity: -3, unit: 'PIECE' })),
    ).toMatchObject({ reason: 'INVALID_QUANTITY', fields: ['input.quantity'] });
    expect(
      refusal(await publish(coordinator, { ...base, itemId: soap, until: dayFromToday(-1) })),
    ).toMatchObject({ reason: 'DATE_OUT_OF_RANGE', fields: ['input.until'] });
    expect(
      refusal(await publish(coordinator, { ...base, itemId: soap, until: dayFromToday(400) })),
    ).toMatchObject({ reason: 'DATE_OUT_OF_RANGE', fields: ['input.until'] });
    expect(refusal(await publish(volunteer, { ...base, itemId: soap }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const after = await app.sql<{ n: string }>(
      'SELECT count(*) AS n FROM supply_need WHERE shelter_id = $1',
      [open],
    );
    expect(after).toEqual(before);
  });

  it('suggests items below their mark, up to the mark', async () => {
    const shelterId = await shelterFor(app);
    const boss = await staffAt(app, { role: 'COORDINATOR', shelterId });
    const diapers = await supplyItem(
      app,
      { name: 'Pañales', category: 'BABY', unit: 'PACK', kcalPerUnit: null, shelterId },
      boss,
    );
    await receiveStock(boss, shelterId, diapers, 12, { unit: 'PACK' });
    ok(
      await boss.gql(
        'mutation($input: SetSupplyThresholdInput!) { setSupplyThreshold(input: $input) { id } }',
        { input: { shelterId, itemId: diapers, low: 20 } },
      ),
    );
    const suggest = async () =>
      ok(
        await boss.gql<{ needSuggestions: { itemId: string; reason: string; quantity: number }[] }>(
          'query($s: ID!) { needSuggestions(shelterId: $s) { itemId reason quantity unit } }',
          { s: shelterId },
        ),
      ).needSuggestions;
    await useStock(boss, shelterId, diapers, 2, { unit: 'PACK' });
    expect(await suggest()).toEqual([
      { itemId: diapers, reason: 'LOW_STOCK', quantity: 10, unit: 'PACK' },
    ]);
    // Once asked for, it is no longer a suggestion.
    await publishNeed(boss, shelterId, {
      category: null,
      itemId: diapers,
      quantity: 10,
      unit: 'PACK',
    });
    expect(await suggest()).toEqual([]);
  });

  it('publishes each shelter’s needs and the network’s sums, a sensitive shelter by its borough', async () => {
    await publishNeed(coordinator, open, {
      category: null,
      itemId: soap,
      quantity: 30,
      unit: 'PIECE',
      priority: 'LOW',
    });
    await publishNeed(sensitiveCoordinator, sensitive, {
      category: null,
      itemId: soap,
      quantity: 20,
      unit: 'PIECE',
      priority: 'HIGH',
    });
    await publishNeed(sensitiveCoordinator, sensitive, { category: 'BABY', priority: 'HIGH' });
    // Past its day: not public, still the coordinator's to close.
    const lapsed = await publishNeed(coordinator, open, { category: 'BEDDING' });
    await app.sql(`UPDATE supply_need SET until = current_date - 2 WHERE id = $1`, [lapsed]);

    const { headers, body } = await json();
    expect(headers.get('cache-control')).toBe('public, max-age=30');
    const soapSum = body.network.find((need) => need.itemId === soap);
    expect(soapSum).toMatchObject({ quantity: 50, shelters: 2, priority: 'HIGH' });
    expect(body.network.map((need) => need.category)).not.toContain('BEDDING');
    const hidden = body.shelters.find((shelter) =>
      shelter.needs.some((n) => n.priority === 'HIGH'),
    );
    expect(hidden).toMatchObject({ id: null, name: null, phone: null, borough: 'Cuauhtémoc' });
    const text = JSON.stringify(body);
    expect(text).not.toContain(SENSITIVE_NAME);
    expect(text).not.toContain(sensitive);
    expect(text).not.toContain('4242');

    for (const lang of ['es', 'en', 'fr', 'ht', 'pt']) {
      for (const path of [`/needs?lang=${lang}`, `/needs?lang=${lang}&borough=cdmx-cuauhtemoc`]) {
        const response = await fetch(`${app.url}${path}`);
        const page = await response.text();
        expect(response.headers.get('content-language')).toBe(lang);
        expect(page).not.toMatch(/<script/i);
        expect(Buffer.byteLength(page)).toBeLessThan(15_000);
        expect(page).toContain(lang === 'es' ? 'Jabón needs' : `Jabón needs (${lang})`);
        expect(page).not.toContain(SENSITIVE_NAME);
        expect(page).not.toContain('4242');
      }
    }
    // The index: the network's sums and the boroughs; a borough's page: its shelters.
    const index = await (await fetch(`${app.url}/needs?lang=es`)).text();
    expect(index).toContain('Jabón needs: 50 piezas · Urgente · 2 albergues');
    expect(index).toContain('borough=cdmx-cuauhtemoc');
    const borough = await (await fetch(`${app.url}/needs?lang=es&borough=cdmx-cuauhtemoc`)).text();
    expect(borough).toContain('Casa Abierta Needs');
    expect(borough).toContain('Un albergue en Cuauhtémoc');

    // The sensitive shelter's coordinator chooses to be named: the name (and phone) appear.
    ok(
      await sensitiveCoordinator.gql(
        'mutation($input: NeedsProfileInput!) { setNeedsProfile(input: $input) { nameShown } }',
        { input: { shelterId: sensitive, nameShown: true } },
      ),
    );
    const named = (await json()).body.shelters.find((shelter) => shelter.id === sensitive);
    expect(named).toMatchObject({ name: SENSITIVE_NAME, phone: SENSITIVE_PHONE });
  });

  it('takes a pledge without an account, seals who made it, and lets the coordinator receive it', async () => {
    const DONOR = 'CANARY-Donante Pérez 77';
    const PHONE = '+52 55 7777 0101';
    const needId = await publishNeed(coordinator, open, {
      category: null,
      itemId: rice,
      quantity: 40,
      unit: 'KG',
      priority: 'HIGH',
    });
    const post = (body: Record<string, unknown>) =>
      fetch(`${app.url}/needs/pledges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          requestId: randomUUID(),
          needId,
          quantity: 10,
          unit: 'KG',
          bringBy: dayFromToday(2),
          name: DONOR,
          phone: PHONE,
          ...body,
        }),
      });
    const refused = async (body: Record<string, unknown>) => {
      const response = await post(body);
      const answer = (await response.json()) as { reason: string };
      return { status: response.status, ...answer };
    };
    // Refusals first: none of them counts against the limit, and none writes a row.
    expect(await refused({ name: DONOR, phone: null, email: null })).toMatchObject({
      status: 400,
      reason: 'PLEDGE_CONTACT_REQUIRED',
    });
    expect(await refused({ bringBy: dayFromToday(-1) })).toMatchObject({
      status: 400,
      reason: 'DATE_OUT_OF_RANGE',
    });
    expect(await refused({ unit: 'L' })).toMatchObject({ status: 400, reason: 'UNIT_MISMATCH' });
    expect(await app.sql('SELECT id FROM supply_pledge WHERE need_id = $1', [needId])).toEqual([]);

    const requestId = randomUUID();
    const made = await post({ requestId });
    expect(made.status).toBe(200);
    expect(await made.json()).toEqual({ received: true });
    // A retry of the same request is answered as before; another is one too many.
    expect((await post({ requestId })).status).toBe(200);
    expect(await refused({})).toMatchObject({ status: 409, reason: 'PLEDGE_LIMIT' });

    const [row] = await app.sql<{ id: string; contact_sealed: string }>(
      'SELECT id, contact_sealed FROM supply_pledge WHERE need_id = $1',
      [needId],
    );
    expect(row.contact_sealed).not.toContain('Pérez');
    expect(row.contact_sealed).not.toContain('7777');
    const PLEDGES = `query($s: ID!) { supplyPledges(shelterId: $s, history: true) {
      id needId itemId quantity unit bringBy state contact { name phone email } erasedAt } }`;
    const [pledge] = ok(
      await coordinator.gql<{ supplyPledges: Record<string, unknown>[] }>(PLEDGES, { s: open }),
    ).supplyPledges.filter((each) => each.needId === needId);
    expect(pledge).toMatchObject({
      id: row.id,
      itemId: rice,
      quantity: 10,
      unit: 'KG',
      state: 'PLEDGED',
      contact: { name: DONOR, phone: PHONE, email: null },
    });
    expect(refusal(await volunteer.gql(PLEDGES, { s: open }))).toMatchObject({ code: 'FORBIDDEN' });
    // Each opening of a donor's contact is in the audit log: who, which pledge, which shelter.
    const audited = await app.sql<{ actor_id: string; shelter_id: string }>(
      `SELECT actor_id, shelter_id FROM audit_entry
        WHERE action = 'supply_pledge.contact.read' AND target_id = $1`,
      [row.id],
    );
    expect(audited).toContainEqual({ actor_id: coordinator.userId, shelter_id: open });
    // Nothing of the donor in public.
    for (const path of [
      '/needs.json',
      '/needs?lang=es',
      '/needs?lang=es&borough=cdmx-cuauhtemoc',
    ]) {
      const text = await (await fetch(`${app.url}${path}`)).text();
      expect(text).not.toContain('Pérez');
      expect(text).not.toContain('7777');
    }

    const received = ok(
      await coordinator.gql<{ receivePledge: { movements: Record<string, unknown>[] } }>(
        `mutation($input: ReceivePledgeInput!) { receivePledge(input: $input) {
          movements { kind quantity source pledgeId } } }`,
        { input: { requestId: randomUUID(), pledgeId: row.id, quantity: 9, unit: 'KG' } },
      ),
    ).receivePledge;
    expect(received.movements).toEqual([
      { kind: 'RECEIVED', quantity: 9, source: 'PLEDGE', pledgeId: row.id },
    ]);
    const again = await coordinator.gql(
      'mutation($input: WithdrawPledgeInput!) { withdrawPledge(input: $input) }',
      { input: { pledgeId: row.id } },
    );
    expect(refusal(again)).toMatchObject({ reason: 'PLEDGE_SETTLED' });

    // Thirty days after its day, who pledged is erased; what was pledged stays.
    await app.sql(`UPDATE supply_pledge SET bring_by = current_date - 40 WHERE id = $1`, [row.id]);
    expect(await app.app.get(SupplyPledges).eraseContacts()).toBeGreaterThanOrEqual(1);
    const [erased] = ok(
      await coordinator.gql<{ supplyPledges: Record<string, unknown>[] }>(PLEDGES, { s: open }),
    ).supplyPledges.filter((each) => each.id === row.id);
    expect(erased).toMatchObject({ contact: null, quantity: 10, state: 'RECEIVED' });
    expect(erased.erasedAt).not.toBeNull();
  });

  it('takes a pledge from a page without script, from the borough’s needs', async () => {
    const needId = await publishNeed(coordinator, open, { category: 'CLEANING', priority: 'LOW' });
    const borough = await (await fetch(`${app.url}/needs?lang=es&borough=cdmx-cuauhtemoc`)).text();
    expect(borough).toContain(`/needs/pledge?need=${needId}&amp;lang=es`);
    const form = await fetch(`${app.url}/needs/pledge?need=${needId}&lang=es`);
    const page = await form.text();
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('Limpieza: lo que sea');
    expect(page).toContain('Casa Abierta Needs');
    const requestId = /name="requestId" value="([^"]+)"/.exec(page)![1];
    const send = (fields: Record<string, string>) =>
      fetch(`${app.url}/needs/pledge`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          requestId,
          needId,
          lang: 'es',
          phone: '',
          email: '',
          bringBy: dayFromToday(1),
          ...fields,
        }).toString(),
      }).then((response) => response.text());
    expect(await send({ name: 'Vecinos de la Roma' })).toContain('No se pudo enviar');
    expect(await send({ name: 'Vecinos de la Roma', email: 'vecinos@example.org' })).toContain(
      'Gracias. El albergue se pondrá en contacto',
    );
    const rows = await app.sql('SELECT id FROM supply_pledge WHERE need_id = $1', [needId]);
    expect(rows).toHaveLength(1);
    const gone = await fetch(`${app.url}/needs/pledge?need=${randomUUID()}&lang=es`);
    expect(gone.status).toBe(404);
  });
});
