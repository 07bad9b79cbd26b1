import { createOrganisation, reportInput, shelterInput } from './factories/shelter.factory.js';

const REPORT =
  'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }';
import { staffAt } from './factories/staff.factory.js';
import { adminOf, type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface Change {
  id: string;
  availabilityVersion: number;
  availability: { band: string; freeBeds: number | null };
}

/** Versions and the outbox: what the realtime layer will build on. */
describe('Availability versions and outbox (e2e)', () => {
  // These tests share the twenty shelters made in beforeAll; each reads the versions afresh, so
  // their order does not matter.
  let app: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let shelters: string[];

  const changes = async (known: { shelterId: string; version: number }[]) =>
    (
      await app.gql<{ shelterChanges: Change[] }>(
        'query($known: [KnownVersionInput!]!) { shelterChanges(known: $known) { id availabilityVersion availability { band freeBeds } } }',
        { known },
      )
    ).data!.shelterChanges;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await adminOf(app);
    const organisationId = await createOrganisation(admin);
    shelters = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await admin.gql<{ createShelter: { id: string } }>(
        'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
        {
          input: shelterInput(organisationId, { name: `Feed ${i}` }),
        },
      );
      shelters.push(created.data!.createShelter.id);
    }
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: shelters });
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives a caller with no versions a full snapshot, and one that is up to date nothing', async () => {
    const all = await changes([]);
    expect(all.map((s) => s.id).sort()).toEqual([...shelters].sort());
    expect(
      await changes(all.map((s) => ({ shelterId: s.id, version: s.availabilityVersion }))),
    ).toEqual([]);
  });

  it('a consumer that catches up by versions after concurrent commits misses no shelter', async () => {
    const before = await changes([]);
    const known = before.map((s) => ({ shelterId: s.id, version: s.availabilityVersion }));
    await Promise.all(
      shelters.map(async (id, i) =>
        coordinator.gql(REPORT, {
          input: await reportInput(coordinator, id, [{ population: 'MEN', freeBeds: i % 30 }]),
        }),
      ),
    );
    const after = await changes(known);
    expect(after.map((s) => s.id).sort()).toEqual([...shelters].sort());
    for (const shelter of after) {
      expect(shelter.availabilityVersion).toBe(
        known.find((k) => k.shelterId === shelter.id)!.version + 1,
      );
    }
  });

  it('writes one outbox row per change, in the same transaction, with the public aggregate and no person', async () => {
    const [row] = await app.sql<{
      shelter_id: string;
      version: string;
      public: { availability: { band: string }; status: string };
    }>(
      'SELECT shelter_id, version, public FROM availability_outbox WHERE shelter_id = $1 ORDER BY id DESC LIMIT 1',
      [shelters[3]],
    );
    const current = (await changes([])).find((s) => s.id === shelters[3])!;
    expect(Number(row.version)).toBe(current.availabilityVersion);
    expect(row.public.availability.band).toBe(current.availability.band.toLowerCase());
    expect(JSON.stringify(row.public)).not.toMatch(/name|phone|email/i);
    // A refused change leaves no row and no new version.
    const count = async () =>
      (
        await app.sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM availability_outbox WHERE shelter_id = $1',
          [shelters[3]],
        )
      )[0].n;
    const rows = await count();
    const refused = await coordinator.gql(REPORT, {
      input: await reportInput(coordinator, shelters[3], [{ population: 'MEN', freeBeds: 999 }]),
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ reason: 'FREE_EXCEEDS_TOTAL' });
    expect(await count()).toBe(rows);
  });
});
