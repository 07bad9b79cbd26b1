import { randomUUID } from 'node:crypto';
import {
  CONFIRM_AVAILABILITY,
  confirmArgs,
  shelterFor,
  versionOf,
} from './factories/shelter.factory.js';
import { type Person, staffAt } from './factories/staff.factory.js';
import { adminOf, startTestApp, type TestApp } from './helpers/test-app.js';

const REPORT = `mutation($input: ReportAvailabilityInput!) {
  reportAvailability(input: $input) { availabilityVersion availability { freeBeds } } }`;

interface HistoryRow {
  kind: string;
  by_user_id: string | null;
  version: string;
  counts: { population: string; totalBeds: number; freeBeds: number; overflowFree: number }[];
}

/**
 * Reports and confirmations name the version they were made on: one made on older figures
 * changes nothing and gets the current ones back; a retry acts once; every act is kept, dated.
 */
describe('Availability reports: versions, retries and the counts history (e2e)', () => {
  let app: TestApp;
  let shelterId: string;
  let coordinator: Person;
  let volunteer: Person;

  const history = () =>
    app.sql<HistoryRow>(
      'SELECT kind, by_user_id, version, counts FROM availability_report WHERE shelter_id = $1 ORDER BY at, version',
      [shelterId],
    );
  const state = async () =>
    (
      await app.sql<{ v: string; free: number; confirmed: Date | null }>(
        `SELECT s.availability_version AS v, s.availability_confirmed_at AS confirmed,
                (SELECT free_beds FROM shelter_capacity WHERE shelter_id = s.id AND population = 'men') AS free
           FROM shelter s WHERE s.id = $1`,
        [shelterId],
      )
    )[0];

  beforeAll(async () => {
    app = await startTestApp();
    shelterId = await shelterFor(app, { populations: ['MEN'] });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('two volunteers on the same figures: the second is refused with the first one’s figures, and nothing changes', async () => {
    const seen = await versionOf(coordinator, shelterId);
    const first = await coordinator.gql<{ reportAvailability: { availabilityVersion: number } }>(
      REPORT,
      {
        input: {
          requestId: randomUUID(),
          shelterId,
          knownVersion: seen,
          counts: [{ population: 'MEN', freeBeds: 4 }],
        },
      },
    );
    expect(first.errors).toBeUndefined();
    const after = await state();
    const second = await volunteer.gql(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId,
        knownVersion: seen,
        counts: [{ population: 'MEN', freeBeds: 9 }],
      },
    });
    expect(second.data).toBeNull();
    expect(second.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_REPORT',
      fields: ['input.knownVersion'],
      details: {
        current: {
          shelterId,
          version: first.data!.reportAvailability.availabilityVersion,
          trackingMode: 'COUNTS',
          capacities: [
            {
              population: 'MEN',
              totalBeds: 10,
              freeBeds: 4,
              overflowTotal: 0,
              overflowFree: 0,
            },
          ],
        },
      },
    });
    expect(second.errors![0].message).toMatch(/changed since you read them/);
    expect(await state()).toEqual(after);
    // A stale confirmation too: it would vouch for figures its sender never saw.
    const confirm = await volunteer.gql(CONFIRM_AVAILABILITY(), {
      id: shelterId,
      requestId: randomUUID(),
      knownVersion: seen,
    });
    expect(confirm.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_REPORT',
      fields: ['knownVersion'],
    });
    expect(await state()).toEqual(after);
    // Sent again on the version the refusal carried, it applies.
    const again = await volunteer.gql<{
      reportAvailability: { availability: { freeBeds: number } };
    }>(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId,
        knownVersion: first.data!.reportAvailability.availabilityVersion,
        counts: [{ population: 'MEN', freeBeds: 9 }],
      },
    });
    expect(again.errors).toBeUndefined();
    expect((await state()).free).toBe(9);
  });

  it('the version moving for a reason the reporter could not see (a status change) refuses the report as well', async () => {
    const seen = await versionOf(coordinator, shelterId);
    const admin = await adminOf(app);
    const closed = await admin.gql(
      'mutation($id: ID!) { updateShelter(id: $id, input: { status: FULL }) { id } }',
      { id: shelterId },
    );
    expect(closed.errors).toBeUndefined();
    const before = await state();
    const refused = await volunteer.gql(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId,
        knownVersion: seen,
        counts: [{ population: 'MEN', freeBeds: 1 }],
      },
    });
    expect(refused.errors![0].extensions).toMatchObject({
      reason: 'STALE_REPORT',
      details: { current: { status: 'FULL', version: Number(before.v) } },
    });
    expect(await state()).toEqual(before);
    await admin.gql(
      'mutation($id: ID!) { updateShelter(id: $id, input: { status: OPEN }) { id } }',
      {
        id: shelterId,
      },
    );
  });

  it('a version from the future is bad input', async () => {
    const refused = await volunteer.gql(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId,
        knownVersion: (await versionOf(volunteer, shelterId)) + 5,
        counts: [{ population: 'MEN', freeBeds: 1 }],
      },
    });
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VERSION_AHEAD',
      fields: ['input.knownVersion'],
    });
    expect(refused.errors![0].message).toMatch(/availabilityVersion you last read/);
  });

  it('a retried report (queued offline, sent twice) acts once and answers, even after its version moved', async () => {
    const input = {
      requestId: randomUUID(),
      shelterId,
      knownVersion: await versionOf(volunteer, shelterId),
      counts: [{ population: 'MEN', freeBeds: 6 }],
    };
    const rowsBefore = (await history()).length;
    const [one, two] = await Promise.all([
      volunteer.gql<{ reportAvailability: { availabilityVersion: number } }>(REPORT, { input }),
      volunteer.gql<{ reportAvailability: { availabilityVersion: number } }>(REPORT, { input }),
    ]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    const once = await state();
    expect(Number(once.v)).toBe(input.knownVersion + 1);
    expect(await history()).toHaveLength(rowsBefore + 1);
    // Later still, the same request answers without acting, though its version is now old.
    const three = await volunteer.gql(REPORT, { input });
    expect(three.errors).toBeUndefined();
    expect(await state()).toEqual(once);
    // The same requestId with other figures is another request: refused, as for every mutation.
    const reused = await volunteer.gql(REPORT, {
      input: { ...input, counts: [{ population: 'MEN', freeBeds: 2 }] },
    });
    expect(reused.errors![0].extensions).toMatchObject({ reason: 'REQUEST_ID_REUSED' });
    // A confirmation retried acts once too.
    const args = await confirmArgs(coordinator, shelterId);
    for (let i = 0; i < 2; i += 1) {
      expect((await coordinator.gql(CONFIRM_AVAILABILITY(), args)).errors).toBeUndefined();
    }
    expect(Number((await state()).v)).toBe(args.knownVersion + 1);
  });

  it('keeps every report and confirmation as a dated row: who, what kind, the version and every group’s figures', async () => {
    const id = await shelterFor(app, { populations: ['MEN', 'WOMEN'] });
    const staff = await staffAt(app, { role: 'VOLUNTEER', shelterId: id });
    const reported = await staff.gql(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId: id,
        knownVersion: await versionOf(staff, id),
        counts: [{ population: 'WOMEN', freeBeds: 3 }],
      },
    });
    expect(reported.errors).toBeUndefined();
    const confirmed = await staff.gql(CONFIRM_AVAILABILITY(), await confirmArgs(staff, id));
    expect(confirmed.errors).toBeUndefined();
    const rows = await app.sql<HistoryRow & { at: Date }>(
      'SELECT kind, by_user_id, version, counts, at FROM availability_report WHERE shelter_id = $1 ORDER BY version',
      [id],
    );
    const version = await versionOf(staff, id);
    expect(
      rows.map(({ kind, by_user_id, version: v, counts }) => ({ kind, by_user_id, v, counts })),
    ).toEqual([
      {
        kind: 'report',
        by_user_id: staff.userId,
        v: String(version - 1),
        counts: [
          { population: 'men', totalBeds: 10, freeBeds: 0, overflowTotal: 0, overflowFree: 0 },
          { population: 'women', totalBeds: 10, freeBeds: 3, overflowTotal: 0, overflowFree: 0 },
        ],
      },
      {
        kind: 'confirm',
        by_user_id: staff.userId,
        v: String(version),
        counts: [
          { population: 'men', totalBeds: 10, freeBeds: 0, overflowTotal: 0, overflowFree: 0 },
          { population: 'women', totalBeds: 10, freeBeds: 3, overflowTotal: 0, overflowFree: 0 },
        ],
      },
    ]);
    expect(rows[0].at.getTime()).toBeLessThanOrEqual(rows[1].at.getTime());
    expect(Date.now() - rows[1].at.getTime()).toBeLessThan(60_000);
    // A refused report leaves no row.
    await staff.gql(REPORT, {
      input: {
        requestId: randomUUID(),
        shelterId: id,
        knownVersion: 0,
        counts: [{ population: 'WOMEN', freeBeds: 1 }],
      },
    });
    expect(
      await app.sql('SELECT count(*)::int AS n FROM availability_report WHERE shelter_id = $1', [
        id,
      ]),
    ).toEqual([{ n: 2 }]);
  });
});
