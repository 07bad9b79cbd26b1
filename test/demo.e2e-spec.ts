import { SHELTER_FIELDS } from './factories/shelter.factory.js';
import { workplaces } from './helpers/staff.js';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  graphql,
  type SignedIn,
  startTestApp,
  type TestApp,
} from './helpers/test-app.js';

interface ShelterView {
  name: string;
  sensitive: boolean;
  availability: { band: string; byPopulation: { totalBeds: number | null }[] };
}

const SEARCH = `query Search($filter: ShelterFilter, $first: Int) { shelters(filter: $filter, first: $first) { ${SHELTER_FIELDS} } }`;

/**
 * The demo network, what a person trying Albergue sees on a first start (DEMO_DATA): this spec
 * is about it, so it starts with it, and signs in as a demo account. No other spec uses it: they
 * make the people and shelters they need (test/factories).
 */
describe('The demo network (e2e)', () => {
  let app: TestApp;
  let coordinator: SignedIn;

  const search = async (filter: Record<string, unknown>, first = 1000) => {
    const result = await app.gql<{ shelters: ShelterView[] }>(SEARCH, { filter, first });
    expect(result.errors).toBeUndefined();
    return result.data!.shelters;
  };

  beforeAll(async () => {
    app = await startTestApp({ DEMO_DATA: 'true' });
    coordinator = await app.signIn('coordinator@demo.example', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await app.close();
  });

  it('is loaded on first start: about forty fictional shelters over the boroughs', async () => {
    const shelters = await search({});
    const demo = shelters.filter((s) => s.name.endsWith('(demo)'));
    expect(demo).toHaveLength(40);
    const boroughs = await app.sql<{ n: number }>(
      `SELECT count(DISTINCT address_borough_code)::int AS n FROM shelter WHERE name LIKE '%(demo)'`,
    );
    expect(boroughs[0].n).toBe(16);
    const bands = new Set(demo.map((s) => s.availability.band));
    expect([...bands].sort()).toEqual(
      ['CLOSED', 'FEW', 'FULL', 'SPACE', 'UNKNOWN'].filter((b) => bands.has(b)),
    );
    expect(
      bands.has('SPACE') && bands.has('FULL') && bands.has('UNKNOWN') && bands.has('CLOSED'),
    ).toBe(true);
    expect(demo.some((s) => s.sensitive)).toBe(true);
    for (const shelter of demo) {
      const total = shelter.availability.byPopulation.reduce(
        (sum, p) => sum + (p.totalBeds ?? 0),
        0,
      );
      if (!shelter.sensitive) {
        expect(total).toBeGreaterThanOrEqual(20);
        expect(total).toBeLessThanOrEqual(610);
      }
    }
  });

  it('registers fictional households with tracks at many stages and appointments to come', async () => {
    // The volunteer works at the first demo shelter; the coordinator at the first two.
    const volunteer = await app.signIn('volunteer@demo.example', DEMO_PASSWORD);
    const [shelterA] = await workplaces(volunteer);
    const shelterB = (await workplaces(coordinator)).find((id) => id !== shelterA)!;
    const statuses = new Set<string>();
    for (const shelterId of [shelterA, shelterB]) {
      const list = await coordinator.gql<{ residentsOf: { name: string; asylumStatus: string }[] }>(
        'query($s: ID!) { residentsOf(shelterId: $s) { name asylumStatus } }',
        { s: shelterId },
      );
      for (const r of list.data!.residentsOf.filter((r) => r.name.endsWith('(demo)'))) {
        statuses.add(r.asylumStatus);
      }
    }
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    const due = await coordinator.gql<{ appointmentsDue: unknown[] }>(
      'query($s: ID!) { appointmentsDue(shelterId: $s, hours: 168) { id } }',
      { s: shelterA },
    );
    expect(due.data!.appointmentsDue.length).toBeGreaterThan(0);
  });

  it("signs the demo's network accounts in with the published TOTP secret", async () => {
    const login = await graphql<{ login: { secondFactor: string } }>(
      app.url,
      'mutation { login(input: { email: "network@demo.example", password: "demo-albergue-2026" }) { secondFactor } }',
    );
    expect(login.data!.login.secondFactor).toBe('REQUIRED');
    const network = await app.signIn('network@demo.example', DEMO_PASSWORD);
    expect(network.totpSecret).toBe(DEMO_TOTP_SECRET);
    const shelters = await app.gql<{ shelters: { id: string; sensitive: boolean }[] }>(
      '{ shelters(first: 1000) { id sensitive } }',
    );
    // The demo has sensitive shelters; the network account reads one's door after its code.
    const id = shelters.data!.shelters.find((s) => s.sensitive)!.id;
    const detail = await network.gql<{ networkShelter: { address: { street: string | null } } }>(
      'query($id: ID!) { networkShelter(id: $id) { address { street } } }',
      { id },
    );
    expect(detail.errors).toBeUndefined();
  });
});
