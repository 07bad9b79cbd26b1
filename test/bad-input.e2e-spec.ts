import { randomUUID } from 'node:crypto';
import { healthServiceRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { createOrganisation, shelterFor, shelterInput } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { receiveStock, supplyItem, USE } from './factories/supplies.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import {
  adminOf,
  type GraphQLResponse,
  type SignedIn,
  startTestApp,
  type TestApp,
} from './helpers/test-app.js';

const SECRET = 'Marisol-Perez-5512345678';
const CREATE_SHELTER =
  'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }';
const SEARCH =
  'query($filter: ShelterFilter, $first: Int) { shelters(filter: $filter, first: $first) { id } }';

describe('Bad input (e2e)', () => {
  // These tests share one app and its log: the last one reads every line the tests before it
  // caused, so it runs after them.
  let app: TestApp;
  let admin: SignedIn;
  let organisationId: string;
  let logLines: string[] = [];

  const expectRefused = (result: GraphQLResponse, field: string | RegExp) => {
    expect(result.data?.createShelter ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    if (typeof field === 'string') {
      expect(error.extensions.fields ?? [error.message]).toEqual(
        expect.arrayContaining([expect.stringContaining(field)]),
      );
    } else {
      expect(error.message).toMatch(field);
    }
  };

  const shelterCount = async () =>
    (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM shelter'))[0].n;

  beforeAll(async () => {
    const logs = captureLogs();
    logLines = logs.lines;
    app = await startTestApp({}, logs.logger);
    admin = await adminOf(app);
    organisationId = await createOrganisation(admin);
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['lat 200', { near: { lat: 200, lng: 0 } }, 1, 'filter.near.lat'],
    ['radius -1', { near: { lat: 19.4, lng: -99.1 }, radiusKm: -1 }, 1, 'filter.radiusKm'],
    ['first 100000', {}, 100000, 'first'],
    ['radius without near', { radiusKm: 5 }, 1, 'filter.radiusKm'],
  ])(
    'a search with %s gets BAD_USER_INPUT naming the field',
    async (_case, filter, first, field) => {
      const result = await app.gql(SEARCH, { filter, first });
      expect(result.data).toBeNull();
      expect(result.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [field],
      });
    },
  );

  it('an unknown population, as a variable or in the query, gets BAD_USER_INPUT without the value', async () => {
    const asVariable = await app.gql(SEARCH, { filter: { population: SECRET } });
    expect(asVariable.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(asVariable.errors![0].message).toContain('"filter.population"');
    const inline = await app.gql(
      `{ shelters(filter: { population: ${SECRET.replace(/-/g, '_')} }) { id } }`,
    );
    expect(inline.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(inline.errors![0].message).toContain('Population');
    expect(JSON.stringify([asVariable, inline])).not.toMatch(/Marisol/);
  });

  it.each([
    ['a 1 MB name', { name: 'x'.repeat(1024 * 1024) }, 'input.name'],
    [
      'a negative capacity',
      { capacity: [{ population: 'MEN', totalBeds: -3 }] },
      'input.capacity.0.totalBeds',
    ],
    ['an empty name', { name: '' }, 'input.name'],
    ['a latitude of 200', { location: { lat: 200, lng: -99 } }, 'input.location.lat'],
    ['an unknown service', { services: ['TELEPORTATION'] }, /"input\.services\[0\]"/],
    [
      'a population twice',
      {
        capacity: [
          { population: 'MEN', totalBeds: 1 },
          { population: 'MEN', totalBeds: 2 },
        ],
      },
      'input.capacity.1.population',
    ],
    ['a malformed requestId', { requestId: 'again' }, 'input.requestId'],
    [
      'a malformed phone',
      { contact: { phone: SECRET.replace(/\d/g, 'x') } },
      'input.contact.phone',
    ],
    ['an unknown field', { secretNotes: SECRET }, /"\$input".*secretNotes/],
  ])(
    'a shelter with %s gets BAD_USER_INPUT naming the field, and nothing is created',
    async (_case, overrides, field) => {
      const before = await shelterCount();
      const result = await admin.gql(CREATE_SHELTER, {
        input: shelterInput(organisationId, overrides),
      });
      expectRefused(result, field);
      expect(JSON.stringify(result)).not.toMatch(/Marisol|xxxxxxxxxx/);
      expect(await shelterCount()).toBe(before);
    },
  );

  it('a NUL character anywhere gets BAD_USER_INPUT naming the field, also at login', async () => {
    const login = await app.gql('mutation($input: LoginInput!) { login(input: $input) { id } }', {
      input: { email: 'a\u0000@x.example', password: 'whatever long enough' },
    });
    expect(login.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.email'],
    });
    const create = await admin.gql(CREATE_SHELTER, {
      input: shelterInput(organisationId, { name: 'Nul\u0000' }),
    });
    expect(create.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.name'],
    });
  });

  it('an explicit null for a required field gets BAD_USER_INPUT and changes nothing', async () => {
    const created = await admin.gql<{ createShelter: { id: string } }>(CREATE_SHELTER, {
      input: shelterInput(organisationId, { name: 'Nulos' }),
    });
    const id = created.data!.createShelter.id;
    for (const input of [
      { name: null },
      { status: null },
      { eligibility: { idRequired: null } },
      { capacity: [{ population: 'MEN', totalBeds: 3, overflowTotal: null }] },
    ]) {
      const result = await admin.gql(
        'mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { id } }',
        { id, input },
      );
      if (result.errors) {
        expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      }
    }
    const [row] = await app.sql<{ name: string }>('SELECT name FROM shelter WHERE id = $1', [id]);
    expect(row.name).toBe('Nulos');
  });

  it('a membership in a shelter that does not exist gets NOT_FOUND', async () => {
    const me = await admin.gql<{ me: { id: string } }>('{ me { id } }');
    const result = await admin.gql(
      'mutation($input: MembershipInput!) { setMembership(input: $input) { id } }',
      {
        input: {
          userId: me.data!.me.id,
          shelterId: '00000000-0000-4000-8000-000000000000',
          role: 'VOLUNTEER',
        },
      },
    );
    expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('a malformed id gets BAD_USER_INPUT, not a database error', async () => {
    const result = await app.gql('{ shelter(id: "not-a-uuid") { id } }');
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['id'] });
  });

  it('a syntax error gets GRAPHQL_PARSE_FAILED and an unknown field GRAPHQL_VALIDATION_FAILED', async () => {
    expect((await app.gql('{ shelters(')).errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await app.gql('{ shelters { password } }')).errors![0].extensions.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  /** Every kind of input that makes graphql-js or graphql-jit write an error, each with a canary. */
  const CANARY = 'Canario5512345678';
  const CANARY_INPUTS: [string, string, Record<string, unknown> | undefined][] = [
    [
      'an unknown enum literal',
      `{ shelters(filter: { population: ${CANARY} }) { id } }`,
      undefined,
    ],
    [
      'an enum literal in a list',
      `{ shelters(filter: { populations: [MEN, ${CANARY}] }) { id } }`,
      undefined,
    ],
    ['a string for an enum', `{ shelters(filter: { population: "${CANARY}" }) { id } }`, undefined],
    ['a list for an enum', `{ shelters(filter: { status: [${CANARY}] }) { id } }`, undefined],
    [
      'a string in an enum list',
      `{ shelters(filter: { populations: ["${CANARY}"] }) { id } }`,
      undefined,
    ],
    ['a string for an Int', `{ shelters(first: "${CANARY}") { id } }`, undefined],
    ['a list for an Int', `{ shelters(first: [1, "${CANARY}"]) { id } }`, undefined],
    [
      'a string for a Float',
      `{ shelters(filter: { near: { lat: "${CANARY}", lng: 1 } }) { id } }`,
      undefined,
    ],
    ['an object for an ID', `{ shelter(id: { a: "${CANARY}" }) { id } }`, undefined],
    [
      'a string the parser stops at',
      `{ shelters(filter: { population "${CANARY}" }) { id } }`,
      undefined,
    ],
    ['a name the parser stops at', `{ shelters(first: 1 ${CANARY}) { id } }`, undefined],
    ['an unknown enum variable', SEARCH, { filter: { population: CANARY } }],
    ['an enum variable in a list', SEARCH, { filter: { populations: ['MEN', CANARY] } }],
    ['a list for an enum variable', SEARCH, { filter: { status: [CANARY] } }],
    // A key that is not a GraphQL name is data, not the query's structure (a name is echoed).
    ['an unknown variable field', SEARCH, { filter: { [`${CANARY} 55`]: 1 } }],
    ['a string for an object variable', SEARCH, { filter: CANARY }],
    ['a string for an Int variable', SEARCH, { first: CANARY }],
    ['a list for an Int variable', SEARCH, { first: [CANARY] }],
    ['a string for a Float variable', SEARCH, { filter: { near: { lat: CANARY, lng: 1 } } }],
    ['a list for an object variable', SEARCH, { filter: { near: [CANARY] } }],
  ];

  it.each(CANARY_INPUTS)(
    '%s is a client error that echoes nothing, from graphql-js and from graphql-jit alike',
    async (_case, query, variables) => {
      // Mercurius compiles a query with graphql-jit once it has been seen: the later runs meet
      // graphql-jit's own wording.
      for (let run = 0; run < 3; run += 1) {
        const result = await app.gql(query, variables);
        expect(result.errors!.length).toBeGreaterThan(0);
        expect(JSON.stringify(result)).not.toContain(CANARY);
        for (const error of result.errors!) {
          expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(
            error.extensions.code,
          );
        }
      }
    },
  );

  it('a referral with bad input gets a typed error naming the field, echoes nothing and makes nothing', async () => {
    const shelterId = await shelterFor(app);
    const elsewhere = await shelterFor(app);
    const health = await staffAt(app, { role: 'HEALTH_WORKER', shelterId });
    const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId: elsewhere });
    const registered = await coordinator.gql<{ registerHousehold: { members: { id: string }[] } }>(
      REGISTER,
      { input: householdInput(elsewhere, [adult('Persona Ajena')]) },
    );
    const serviceId = await healthServiceRow(app);
    const referral = (over: Record<string, unknown>) => ({
      input: {
        requestId: randomUUID(),
        shelterId,
        person: { alias: 'Ana', ageBracket: 'ADULT' },
        serviceId,
        category: 'ACUTE_ILLNESS',
        urgency: 'ROUTINE',
        reason: SECRET,
        consent: { basis: 'CONSENT', language: 'es' },
        ...over,
      },
    });
    const CREATE =
      'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }';
    const count = async () =>
      (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM referral'))[0].n;
    const before = await count();
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'a reason over its limit',
        { reason: `${SECRET} ${'x'.repeat(2000)}` },
        { fields: ['input.reason'] },
      ],
      [
        'a service kind that does not exist',
        { category: 'CANARIO_5512' },
        { code: 'BAD_USER_INPUT' },
      ],
      [
        'a person of another shelter',
        { person: undefined, residentId: registered.data!.registerHousehold.members[0].id },
        { reason: 'SUBJECT_NOT_HERE', fields: ['input.residentId'] },
      ],
      [
        'consent missing',
        { consent: undefined },
        { reason: 'CONSENT_REQUIRED', fields: ['input.consent'] },
      ],
      [
        'consent without its language',
        { consent: { basis: 'CONSENT' } },
        { reason: 'CONSENT_REQUIRED', fields: ['input.consent.language'] },
      ],
      [
        'a service that does not exist',
        { serviceId: randomUUID() },
        { fields: ['input.serviceId'] },
      ],
    ];
    for (const [what, over, expected] of cases) {
      const result = await health.gql(CREATE, referral(over));
      expect([what, result.errors?.[0]?.extensions]).toEqual([
        what,
        expect.objectContaining(expected),
      ]);
      expect(JSON.stringify(result)).not.toMatch(/Marisol|CANARIO_5512/);
    }
    expect(await count()).toBe(before);
  });

  it('a supplies movement with bad input gets a typed error naming the field, echoes nothing and moves nothing', async () => {
    const shelterId = await shelterFor(app);
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    const itemId = await supplyItem(app, { name: 'Arroz (entrada)' });
    await receiveStock(volunteer, shelterId, itemId, 5);
    const count = async () =>
      (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM stock_movement'))[0].n;
    const before = await count();
    const use = (over: Record<string, unknown>) => ({
      input: {
        requestId: randomUUID(),
        shelterId,
        itemId,
        quantity: 1,
        unit: 'KG',
        kind: 'ISSUED',
        ...over,
      },
    });
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'a negative quantity',
        { quantity: -5512 },
        { reason: 'INVALID_QUANTITY', fields: ['input.quantity'] },
      ],
      [
        'a unit not the item’s',
        { unit: 'PACK' },
        { reason: 'UNIT_MISMATCH', fields: ['input.unit'] },
      ],
      [
        'more than the stock',
        { quantity: 5512 },
        { reason: 'INSUFFICIENT_STOCK', fields: ['input.quantity'] },
      ],
      [
        'a lot over its limit',
        { lot: `${SECRET}${'x'.repeat(80)}` },
        { code: 'BAD_USER_INPUT', fields: ['input.lot'] },
      ],
      [
        'a lot that is not a code',
        { lot: ' Marisol 5512; ' },
        { reason: 'INVALID_LOT', fields: ['input.lot'] },
      ],
      ['a kind that does not exist', { kind: 'CANARIO_5512' }, { code: 'BAD_USER_INPUT' }],
      ['an expiry that is not a day', { expiresOn: 'Marisol' }, { fields: ['input.expiresOn'] }],
    ];
    for (const [what, over, expected] of cases) {
      const result = await volunteer.gql(USE, use(over));
      expect([what, result.errors?.[0]?.extensions]).toEqual([
        what,
        expect.objectContaining(expected),
      ]);
      expect(JSON.stringify(result)).not.toMatch(/Marisol|CANARIO_5512|5512/);
    }
    const transfer = await volunteer.gql(
      'mutation($input: SendStockInput!) { sendStock(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          fromShelterId: shelterId,
          toShelterId: randomUUID(),
          lines: [{ itemId, quantity: 1, unit: 'KG' }],
        },
      },
    );
    // A volunteer does not send stock at all: refused before anything is looked at.
    expect(transfer.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('keeps serving after all of that, and no submitted value reached a log line', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', realtime: { listening: true } });
    const requests = logLines.filter((line) => line.includes('"msg":"request"'));
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.every((line) => /"reqId":"[^"]+"/.test(line))).toBe(true);
    expect(logLines.join('')).not.toMatch(/Marisol|xxxxxxxxxx|Canario/);
    // Every refusal above is an answer, not a fault: one line below error, without a stack.
    const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    const refusals = entries.filter((entry) => entry.msg === 'refused');
    expect(refusals.length).toBeGreaterThan(5);
    expect(refusals.filter((entry) => 'stack' in entry)).toEqual([]);
  });
});
