import { randomUUID } from 'node:crypto';
import { sampleNetwork } from './factories/network.factory.js';
import { bedsAt } from './factories/occupancy.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { connect, type TestSocket } from './helpers/sockets.js';
import { type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';
import { workplaces } from './helpers/staff.js';

/** Seeded by this spec: none may reach the snapshot, a public socket, a public page or the feed. */
const CANARIES = {
  names: ['Canario Wilnès Pierre-Louis', 'Canaria Roseline Exantus'],
  folio: 'CAN-FOLIO-404117',
  passport: 'CANPASS-88123',
  phone: '5599001122',
  notes: 'canario: llegó con su hija',
};

/** Every key a public shelter entry may have, at any depth. */
const PUBLIC_KEYS = new Set([
  'id',
  'version',
  'area',
  'name',
  'status',
  'location',
  'lat',
  'lng',
  'approximate',
  'radiusKm',
  'populations',
  'services',
  'languages',
  'availability',
  'band',
  'freeBeds',
  'totalBeds',
  'overflowFree',
  'overflowTotal',
  'updatedAt',
  'byPopulation',
  'population',
  // The shelter's own public details (a sensitive one's street, number and postal code are null).
  'address',
  'street',
  'neighbourhood',
  'borough',
  'boroughCode',
  'city',
  'state',
  'postalCode',
  'contact',
  'phone',
  'whatsapp',
  'email',
  'hours',
  'alwaysOpen',
  'periods',
  'days',
  'opens',
  'closes',
  'openingHours',
  'eligibility',
  'idRequired',
  'petsAllowed',
  'wheelchairAccessible',
  'maxStayDays',
  'curfew',
]);

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((item) => keysOf(item, into));
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

describe('Privacy: nothing personal reaches the public side (e2e)', () => {
  // These tests share the canaries, in order: the first seeds them at shelters A and B (through
  // registration, check-ins, a transfer and reports, among a sample network) and reads the
  // snapshot and the sockets; the second reads the pages and the feed.
  let app: TestApp;
  let coordinator: SignedIn;
  let map: TestSocket;
  const publicPayloads: unknown[] = [];
  let residentIds: string[] = [];

  const gql = async <T>(query: string, variables: Record<string, unknown>) => {
    const result = await coordinator.gql<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const snapshot = async () => {
    const body = (await (await fetch(`${app.url}/availability.json`)).json()) as {
      shelters: unknown[];
    };
    publicPayloads.push(body);
    return body;
  };

  beforeAll(async () => {
    app = await startTestApp({ REALTIME_TICK: '100ms' });
    await sampleNetwork(app, 12);
    const shelters = [
      await shelterFor(app, { name: 'Albergue A', populations: ['MEN'] }),
      await shelterFor(app, { name: 'Albergue B', populations: ['WOMEN', 'FAMILIES'] }),
    ];
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: shelters });
    map = await connect(app.url, '/public');
    publicPayloads.push(await map.emit('watch', { areas: ['*'] }));
  });

  afterAll(async () => {
    map?.close();
    await app.close();
  });

  it('carries counts and places, never a name, folio, phone, note or resident id, through check-ins, transfers and reports', async () => {
    const [shelterA, shelterB] = await workplaces(coordinator);
    // B reports counts first (then both go bed by bed).
    const before = (await snapshot()).shelters as { id: string; populations: string[] }[];
    const population = before.find((s) => s.id === shelterB)!.populations[0];
    const reported = await gql<{ reportAvailability: { availabilityVersion: number } }>(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { availabilityVersion } }',
      { input: await reportInput(coordinator, shelterB, [{ population, freeBeds: 1 }]) },
    );
    await map.next<{ shelters: { id: string; version: number }[] }>('availability', (u) =>
      u.shelters.some(
        (s) => s.id === shelterB && s.version === reported.reportAvailability.availabilityVersion,
      ),
    );
    const registered = await gql<{ registerHousehold: { members: { id: string }[] } }>(REGISTER, {
      input: householdInput(shelterA, [
        adult(CANARIES.names[0], {
          population: 'MEN',
          phone: CANARIES.phone,
          notes: CANARIES.notes,
          documents: { comarFolio: CANARIES.folio, passport: CANARIES.passport },
        }),
        adult(CANARIES.names[1], { population: 'MEN' }),
      ]),
    });
    residentIds = registered.registerHousehold.members.map((m) => m.id);
    for (const shelterId of [shelterA, shelterB]) {
      // B serves women and families too: beds mode keeps every group it serves.
      await bedsAt(
        coordinator,
        shelterId,
        4,
        shelterId === shelterB ? ['MEN', 'WOMEN', 'FAMILIES'] : 'MEN',
      );
    }
    const checkedIn = await gql<{ checkIn: { bedId: string }[] }>(
      'mutation($input: CheckInInput!) { checkIn(input: $input) { bedId } }',
      { input: { requestId: randomUUID(), shelterId: shelterA, residentIds } },
    );
    expect(checkedIn.checkIn).toHaveLength(2);
    await gql('mutation($input: TransferInput!) { transfer(input: $input) { holdId } }', {
      input: {
        requestId: randomUUID(),
        fromShelterId: shelterA,
        residentIds: [residentIds[0]],
        toShelterId: shelterB,
      },
    });
    // A map that reconnects knowing nothing gets every shelter in its answer.
    const late = await connect(app.url, '/public');
    publicPayloads.push(await late.emit('watch', { areas: ['*'], known: {} }));
    late.close();
    await snapshot();
    publicPayloads.push(...map.received.map((r) => r.payload));

    expect(map.received.length).toBeGreaterThanOrEqual(2);
    const everything = JSON.stringify(publicPayloads);
    for (const secret of [
      ...CANARIES.names,
      CANARIES.folio,
      CANARIES.passport,
      CANARIES.phone,
      CANARIES.notes,
      ...residentIds,
    ]) {
      expect(everything).not.toContain(secret);
    }
    const entries = publicPayloads.flatMap(
      (payload) => (payload as { shelters?: unknown[] }).shelters ?? [],
    );
    expect(entries.length).toBeGreaterThan(40);
    expect([...keysOf(entries)].filter((key) => !PUBLIC_KEYS.has(key))).toEqual([]);
  });
  it('and the pages without script, the printable sheet and the open-data feed, in every language, carry none of it', async () => {
    const secrets = [...Object.values(CANARIES).flat(), ...residentIds];
    expect(residentIds).toHaveLength(2);
    const feed = await (await fetch(`${app.url}/shelters.geojson`)).text();
    const boroughs = [
      ...new Set(
        (
          JSON.parse(feed) as { features: { properties: { address: { borough: string } } }[] }
        ).features.map((f) => f.properties.address.borough),
      ),
    ];
    const pages = [feed];
    for (const lang of ['es', 'ht', 'fr', 'en', 'pt']) {
      pages.push(await (await fetch(`${app.url}/print?lang=${lang}`)).text());
      pages.push(await (await fetch(`${app.url}/text?lang=${lang}`)).text());
      for (const borough of boroughs) {
        pages.push(
          await (
            await fetch(`${app.url}/text?lang=${lang}&borough=${encodeURIComponent(borough)}`)
          ).text(),
        );
      }
    }
    const everything = pages.join('\n');
    expect(everything).toContain(boroughs[0]);
    for (const secret of secrets) {
      expect(everything).not.toContain(secret);
    }
  });
});
