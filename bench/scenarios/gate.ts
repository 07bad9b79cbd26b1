import { randomUUID } from 'node:crypto';
import { anonymous, signIn, type SignedIn } from '../../clients/graphql-client.js';
import { createStaff } from '../../clients/staff-accounts.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/api/src/demo/demo-users.js';
import { type LoadResult, load, pgbenchTps, startBenchApp, withClient } from '../harness.js';

const ADMIN = {
  email: 'admin@demo.example',
  password: DEMO_PASSWORD,
  totpSecret: DEMO_TOTP_SECRET,
};
const BENCH_PASSWORD = 'a bench passphrase long enough';
const BEDS_PER_SHELTER = 8;
/** Enough for every client to have a person of its own in one shelter (64 clients). */
const RESIDENTS_PER_SHELTER = 64;

export interface GateRow {
  setup: string;
  clients: number;
  result: LoadResult;
  /** People who found no free bed: the expected contention, not a failure. */
  conflicts: number;
}

export interface GateReport {
  rows: GateRow[];
  /** Two holds or stays on one bed at one time, over the whole run: must be 0. */
  doubleBookings: number;
  pgbench: { clients: number; tps: number | null };
}

/**
 * "gate": volunteers checking people in and out through GraphQL (each loop: one check-in, one
 * check-out), 16 and 64 at once, on one shelter and spread over many; beside it pgbench TPC-B on
 * the same PostgreSQL, in the same run, as the calibration.
 */
export async function gate({
  databaseUrl,
  seconds,
  shelters,
}: {
  databaseUrl: string;
  seconds: number;
  shelters: number;
}): Promise<GateReport> {
  const bench = await startBenchApp(databaseUrl);
  try {
    const url = bench.app.url;
    const admin = await signIn(url, ADMIN.email, ADMIN.password, ADMIN.totpSecret);
    const staff = await benchUser(url, admin);
    const organisationId = (
      await admin.gql<{ organisations: { id: string }[] }>('{ organisations { id } }')
    ).data!.organisations[0].id;
    const sites: Site[] = [];
    for (let i = 0; i < shelters; i += 1) {
      sites.push(await site(admin, staff, organisationId, i));
    }
    const rows: GateRow[] = [];
    for (const clients of [16, 64]) {
      for (const spread of [1, shelters]) {
        const result = await load(clients, seconds, (client) =>
          cycle(staff.session, sites[client % spread], Math.floor(client / spread)),
        );
        rows.push({
          setup: spread === 1 ? 'one shelter' : `${spread} shelters`,
          clients,
          result,
          conflicts: result.errors.NO_SUITABLE_BEDS ?? 0,
        });
      }
    }
    return {
      rows,
      doubleBookings: await doubleBookings(bench.app.databaseUrl),
      pgbench: { clients: 16, tps: await pgbenchTps(bench.app.databaseUrl, 16, seconds) },
    };
  } finally {
    await bench.close();
  }
}

interface Site {
  shelterId: string;
  residents: string[];
}

interface Staff {
  id: string;
  session: SignedIn;
}

const reasonOf = (result: { errors?: { extensions: { code: string; reason?: string } }[] }) =>
  result.errors ? (result.errors[0].extensions.reason ?? result.errors[0].extensions.code) : null;

/** One gate cycle: a person in, then out again; the error reason, or null. */
async function cycle(session: SignedIn, place: Site, slot: number): Promise<string | null> {
  const person = place.residents[slot % place.residents.length];
  const checkIn = await session.gql(
    'mutation($input: CheckInInput!) { checkIn(input: $input) { id } }',
    {
      input: { requestId: randomUUID(), shelterId: place.shelterId, residentIds: [person] },
    },
  );
  const refused = reasonOf(checkIn);
  if (refused) {
    return refused;
  }
  return reasonOf(
    await session.gql('mutation($input: CheckOutInput!) { checkOut(input: $input) { id } }', {
      input: { requestId: randomUUID(), residentId: person },
    }),
  );
}

async function doubleBookings(databaseUrl: string): Promise<number> {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM bed_assignment a JOIN bed_assignment b ON a.bed_id = b.bed_id AND a.id < b.id
        WHERE tstzrange(a.started_at, coalesce(a.ended_at, 'infinity')) && tstzrange(b.started_at, coalesce(b.ended_at, 'infinity'))`,
    ),
  );
  return rows[0].n;
}

async function benchUser(url: string, admin: SignedIn): Promise<Staff> {
  const email = `bench-${randomUUID()}@bench.example`;
  const id = await createStaff(admin, anonymous(url), {
    email,
    password: BENCH_PASSWORD,
    displayName: 'Bench',
  });
  return { id, session: await signIn(url, email, BENCH_PASSWORD) };
}

/** A beds-mode shelter: one room of beds, residents registered, the bench user its coordinator. */
async function site(
  admin: SignedIn,
  staff: Staff,
  organisationId: string,
  index: number,
): Promise<Site> {
  const created = await admin.gql<{ createShelter: { id: string } }>(
    'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
    {
      input: {
        requestId: randomUUID(),
        organisationId,
        name: `Bench ${index}`,
        location: { lat: 19.3 + index / 500, lng: -99.1 },
        capacity: [{ population: 'MEN', totalBeds: BEDS_PER_SHELTER }],
      },
    },
  );
  const shelterId = created.data!.createShelter.id;
  await admin.gql('mutation($input: MembershipInput!) { setMembership(input: $input) { id } }', {
    input: { userId: staff.id, shelterId, role: 'COORDINATOR' },
  });
  const room = await staff.session.gql<{ createRoom: { id: string } }>(
    'mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }',
    {
      input: { requestId: randomUUID(), shelterId, name: 'Dorm' },
    },
  );
  await staff.session.gql('mutation($input: AddBedsInput!) { addBeds(input: $input) { id } }', {
    input: {
      requestId: randomUUID(),
      roomId: room.data!.createRoom.id,
      count: BEDS_PER_SHELTER,
      kind: 'BUNK',
      population: 'MEN',
    },
  });
  // Rooms and beds change nothing public until the coordinator switches to beds mode.
  await staff.session.gql(
    'mutation($input: BedsModeInput!) { switchToBedsMode(input: $input) { id } }',
    { input: { requestId: randomUUID(), shelterId } },
  );
  const residents: string[] = [];
  for (let first = 0; first < RESIDENTS_PER_SHELTER; first += 16) {
    const household = await staff.session.gql<{ registerHousehold: { members: { id: string }[] } }>(
      'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { members { id } } }',
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          members: Array.from({ length: 16 }, (_, i) => ({
            name: `Bench ${index}-${first + i}`,
            birthYear: 1990,
            nationality: 'HT',
            population: 'MEN',
          })),
          legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
          // "Bench 1-2" and "Bench 1-3" look alike to the duplicate check; they are load, not people.
          confirmNew: true,
        },
      },
    );
    residents.push(...household.data!.registerHousehold.members.map((m) => m.id));
  }
  return { shelterId, residents };
}
