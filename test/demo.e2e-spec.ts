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
    // The coordinator works at the three shelters that count bed by bed; the volunteer at one.
    const shelters = await workplaces(coordinator);
    expect(shelters).toHaveLength(3);
    const statuses = new Set<string>();
    for (const shelterId of shelters) {
      const list = await coordinator.gql<{ residentsOf: { name: string; asylumStatus: string }[] }>(
        'query($s: ID!) { residentsOf(shelterId: $s) { name asylumStatus } }',
        { s: shelterId },
      );
      for (const r of list.data!.residentsOf.filter((r) => r.name.endsWith('(demo)'))) {
        statuses.add(r.asylumStatus);
      }
    }
    expect(statuses.size).toBeGreaterThanOrEqual(6);
    const volunteer = await app.signIn('volunteer@demo.example', DEMO_PASSWORD);
    const [gate] = await workplaces(volunteer);
    const due = await volunteer.gql<{ appointmentsDue: unknown[] }>(
      'query($s: ID!) { appointmentsDue(shelterId: $s, hours: 168) { id } }',
      { s: gate },
    );
    expect(due.data!.appointmentsDue.length).toBeGreaterThan(0);
  });

  it('places every resident at a shelter that serves their group', async () => {
    const misplaced = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM resident r JOIN shelter s ON s.id = r.current_shelter_id
        WHERE NOT r.population = ANY (s.populations)`,
    );
    const placed = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident');
    expect(placed[0].n).toBeGreaterThan(30);
    expect(misplaced[0].n).toBe(0);
  });

  it('shows beds in use, holds, a transfer under way and a week of history', async () => {
    const shelters = await workplaces(coordinator);
    let occupied = 0;
    const holds: { residentId: string | null; originShelterId: string | null }[] = [];
    const week = { arrivals: 0, departures: 0, turnaways: 0, days: 0 };
    const today = new Date();
    const day = (ago: number) =>
      new Date(today.getTime() - ago * 86_400_000).toLocaleDateString('en-CA', {
        timeZone: 'America/Mexico_City',
      });
    for (const shelterId of shelters) {
      const board = await coordinator.gql<{ bedBoard: { use: { kind: string } | null }[] }>(
        'query($s: ID!) { bedBoard(shelterId: $s) { use { kind } } }',
        { s: shelterId },
      );
      expect(board.data!.bedBoard.length).toBeGreaterThan(0);
      occupied += board.data!.bedBoard.filter((b) => b.use?.kind === 'stay').length;
      const held = await coordinator.gql<{ holdsAt: typeof holds }>(
        'query($s: ID!) { holdsAt(shelterId: $s) { residentId originShelterId } }',
        { s: shelterId },
      );
      holds.push(...held.data!.holdsAt);
      const daily = await coordinator.gql<{
        dailyFigures: {
          arrivals: number;
          departures: number;
          turnaways: number;
          capacity: number;
        }[];
      }>(
        'query($s: ID!, $from: String!, $to: String!) { dailyFigures(shelterId: $s, from: $from, to: $to) { arrivals departures turnaways capacity } }',
        { s: shelterId, from: day(6), to: day(0) },
      );
      for (const d of daily.data!.dailyFigures) {
        week.arrivals += d.arrivals;
        week.departures += d.departures;
        week.turnaways += d.turnaways;
        week.days += d.capacity > 0 ? 1 : 0;
      }
    }
    expect(occupied).toBeGreaterThan(20);
    // A family on its way from another demo shelter, and a place kept for someone coming.
    expect(holds.some((h) => h.residentId && h.originShelterId)).toBe(true);
    expect(holds.some((h) => !h.residentId)).toBe(true);
    expect(week.arrivals).toBeGreaterThan(20);
    expect(week.departures).toBeGreaterThan(0);
    expect(week.turnaways).toBeGreaterThan(0);
    expect(week.days).toBe(21);
    // The network's week, day by day, counts-mode shelters from their reports.
    const network = await app.signIn('network@demo.example', DEMO_PASSWORD);
    const figures = await network.gql<{
      networkFigures: { day: string; capacity: number; occupied: number; shelters: number }[];
    }>(
      'query($from: String!, $to: String!) { networkFigures(from: $from, to: $to, groupBy: DAY) { day capacity occupied shelters } }',
      { from: day(6), to: day(0) },
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data!.networkFigures).toHaveLength(7);
    const [first] = figures.data!.networkFigures;
    const last = figures.data!.networkFigures.at(-1)!;
    expect(first.capacity).toBeGreaterThan(1000);
    expect(first.occupied).toBeGreaterThan(0);
    expect(first.occupied).not.toBe(last.occupied);
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

  it('lists a handful of health services, their capacity reported by the demo clinic staff, one stale', async () => {
    const clinic = await app.signIn('clinic@demo.example', DEMO_PASSWORD);
    const mine = await clinic.gql<{
      myHealthServices: { category: string; street: string | null; capacity: { status: string } }[];
    }>('{ myHealthServices { category street capacity { status } } }');
    expect(mine.data!.myHealthServices).toEqual(
      expect.arrayContaining([
        { category: 'CLINIC', street: expect.any(String), capacity: { status: 'ACCEPTING' } },
        // The mobile clinic serves an area: no street.
        { category: 'MOBILE_CLINIC', street: null, capacity: { status: 'WAITLIST' } },
      ]),
    );
    const health = await app.signIn('health@demo.example', DEMO_PASSWORD);
    const [shelterId] = await workplaces(health);
    const all = await health.gql<{
      healthServices: {
        category: string;
        sensitive: boolean;
        cost: string;
        capacity: { status: string; stale: boolean; ageMinutes: number | null };
      }[];
    }>(
      'query($s: ID!) { healthServices(shelterId: $s) { category sensitive cost capacity { status stale ageMinutes } } }',
      { s: shelterId },
    );
    const services = all.data!.healthServices;
    expect(services.length).toBeGreaterThanOrEqual(5);
    expect(services.some((s) => s.sensitive)).toBe(true);
    expect(services.some((s) => s.category === 'PHARMACY' && s.cost === 'FEE')).toBe(true);
    const stale = services.filter((s) => s.capacity.stale);
    expect(stale).toHaveLength(1);
    expect(stale[0].capacity.status).toBe('UNKNOWN');
    expect(stale[0].capacity.ageMinutes).toBeGreaterThanOrEqual(3 * 24 * 60);
  });

  it('keeps a pantry at each of the coordinator’s shelters, a meal today and a transfer on its way', async () => {
    const shelters = await workplaces(coordinator);
    const pantries = await Promise.all(
      shelters.map(async (shelterId) => {
        const stock = await coordinator.gql<{
          stockAt: { quantity: number; item: { names: { es: string } } }[];
        }>('query($s: ID!) { stockAt(shelterId: $s) { quantity item { names { es } } } }', {
          s: shelterId,
        });
        const meals = await coordinator.gql<{ mealsServed: { people: number }[] }>(
          'query($s: ID!) { mealsServed(shelterId: $s) { people } }',
          { s: shelterId },
        );
        const transfers = await coordinator.gql<{ stockTransfers: { state: string }[] }>(
          'query($s: ID!) { stockTransfers(shelterId: $s) { state } }',
          { s: shelterId },
        );
        return {
          items: stock.data!.stockAt.length,
          rice: stock.data!.stockAt.some((l) => l.item.names.es === 'Arroz' && l.quantity > 0),
          meals: meals.data!.mealsServed.length,
          inTransit: transfers.data!.stockTransfers.filter((t) => t.state === 'IN_TRANSIT').length,
        };
      }),
    );
    expect(pantries.every((p) => p.items >= 4 && p.rice && p.meals === 1)).toBe(true);
    expect(pantries.reduce((sum, p) => sum + p.inTransit, 0)).toBe(2);
  });
});
