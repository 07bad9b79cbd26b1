import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, staffAt } from './factories/staff.factory.js';
import { anonymous } from '../clients/graphql-client.js';
import { graphql, startTestApp, type TestApp } from './helpers/test-app.js';

const LIST = `{ networkShelters { id name sensitive status version staleAt lat lng
  address { street borough }
  availability { stale updatedAt freeBeds totalBeds
    byPopulation { population freeBeds totalBeds overflowFree overflowTotal } } } }`;

interface Row {
  id: string;
  name: string;
  sensitive: boolean;
  status: string;
  version: number;
  staleAt: string | null;
  lat: number;
  lng: number;
  address: { street: string | null; borough: string | null };
  availability: {
    stale: boolean;
    updatedAt: string | null;
    freeBeds: number | null;
    totalBeds: number | null;
    byPopulation: { population: string; freeBeds: number | null; totalBeds: number | null }[];
  };
}

describe('networkShelters: every shelter as network roles see it (e2e)', () => {
  let app: TestApp;
  let network: Person;
  let coordinator: Person;
  let sensitiveId: string;
  let plainId: string;

  const audit = (actorId: string) =>
    app.sql<{ target_id: string; shelter_id: string; detail: string; outcome: string }>(
      `SELECT target_id, shelter_id, detail, outcome FROM audit_entry
        WHERE action = 'networkShelters' AND actor_id = $1 ORDER BY id`,
      [actorId],
    );

  beforeAll(async () => {
    app = await startTestApp();
    sensitiveId = await shelterFor(app, {
      name: 'Casa Refugio',
      sensitive: true,
      populations: ['WOMEN', 'FAMILIES'],
      address: { boroughCode: 'cdmx-iztapalapa', city: 'Ciudad de México', street: 'Calle 5 12' },
    });
    plainId = await shelterFor(app, { name: 'Casa Abierta', populations: ['MEN'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [sensitiveId, plainId] });
    await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      {
        input: await reportInput(coordinator, sensitiveId, [
          { population: 'WOMEN', freeBeds: 3 },
          { population: 'FAMILIES', freeBeds: 1 },
        ]),
      },
    );
    network = await networkUser(app, 'NETWORK_COORDINATOR');
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives every shelter, a sensitive one with its door and exact counts, as networkShelter does', async () => {
    const listed = await network.gql<{ networkShelters: Row[] }>(LIST);
    expect(listed.errors).toBeUndefined();
    const rows = listed.data!.networkShelters;
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining([sensitiveId, plainId]));
    const sensitive = rows.find((row) => row.id === sensitiveId)!;
    expect(sensitive.address.street).toBe('Calle 5 12');
    expect(
      sensitive.availability.byPopulation.map(({ population, freeBeds, totalBeds }) => ({
        population,
        freeBeds,
        totalBeds,
      })),
    ).toEqual([
      { population: 'WOMEN', freeBeds: 3, totalBeds: 10 },
      { population: 'FAMILIES', freeBeds: 1, totalBeds: 10 },
    ]);
    const one = await network.gql<{ networkShelter: Row }>(
      `query($id: ID!) { networkShelter(id: $id) ${LIST.slice(LIST.indexOf('{ id name'), -2)} }`,
      { id: sensitiveId },
    );
    expect(one.data!.networkShelter).toEqual(sensitive);
    // staleAt is the last report plus STALE_AFTER (the test app's: 12 h).
    expect(Date.parse(sensitive.staleAt!) - Date.parse(sensitive.availability.updatedAt!)).toBe(
      12 * 3_600_000,
    );
    const plain = rows.find((row) => row.id === plainId)!;
    expect(plain.staleAt).toBeNull();
    expect(plain.availability.stale).toBe(true);
    // The version the staff socket's `shelter` events carry.
    const [{ v }] = await app.sql<{ v: string }>(
      'SELECT availability_version AS v FROM shelter WHERE id = $1',
      [sensitiveId],
    );
    expect(sensitive.version).toBe(Number(v));
  });

  it('leaves one audit row per sensitive shelter shown, none for the others', async () => {
    const before = (await audit(network.userId)).length;
    await network.gql(LIST);
    const rows = (await audit(network.userId)).slice(before);
    const sensitiveIds = (
      await app.sql<{ id: string }>('SELECT id FROM shelter WHERE sensitive ORDER BY id')
    ).map((row) => row.id);
    expect(rows.map((row) => row.target_id).sort()).toEqual(sensitiveIds);
    expect(rows.find((row) => row.target_id === sensitiveId)).toEqual({
      target_id: sensitiveId,
      shelter_id: sensitiveId,
      detail: 'sensitive',
      outcome: 'succeeded',
    });
    expect(rows.some((row) => row.target_id === plainId)).toBe(false);
  });

  it('refuses shelter roles and strangers: audited as denied, no shelter shown', async () => {
    const shown = () =>
      app.sql('SELECT id FROM audit_entry WHERE action = $1 AND outcome = $2', [
        'networkShelters',
        'succeeded',
      ]);
    const before = await shown();
    const refused = await coordinator.gql(LIST);
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    const stranger = await anonymous(app.url).gql(LIST);
    expect(stranger.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await shown()).toHaveLength(before.length);
    const [refusal] = await app.sql<{ outcome: string; target_id: string | null }>(
      `SELECT outcome, target_id FROM audit_entry
        WHERE action = 'networkShelters' AND actor_id = $1`,
      [coordinator.userId],
    );
    expect(refusal).toMatchObject({ outcome: 'denied' });
  });

  it('refuses a network role that has not given its second factor', async () => {
    const password = 'a network passphrase long enough';
    const person = await networkUser(app, 'ADMIN', { password });
    const login = await graphql<{ login: { secondFactor: string } }>(
      app.url,
      'mutation($input: LoginInput!) { login(input: $input) { secondFactor } }',
      { input: { email: person.email, password } },
    );
    expect(login.data!.login.secondFactor).toBe('REQUIRED');
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const refused = await graphql(app.url, LIST, {}, { cookie });
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SECOND_FACTOR_REQUIRED',
    });
  });
});
