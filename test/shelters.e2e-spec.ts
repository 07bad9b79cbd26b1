import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { IdempotencyService } from '@albergue/common';
import { haversineKm, PUBLIC_FIELD_NEEDS, Shelter, ShelterSearchService } from '@albergue/shelters';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { sampleNetwork } from './factories/network.factory.js';
import {
  createOrganisation,
  makeMember,
  MEXICO_CITY,
  CONFIRM_AVAILABILITY,
  confirmArgs,
  SHELTER_FIELDS,
  shelterInput,
  versionOf,
} from './factories/shelter.factory.js';
import { staffAt } from './factories/staff.factory.js';
import { schemaFilePath } from '../apps/api/src/graphql/schema-file.js';
import { adminOf, type SignedIn, startTestApp, type TestApp } from './helpers/test-app.js';

interface ShelterView {
  id: string;
  name: string;
  status: string;
  sensitive: boolean;
  distanceKm: number | null;
  populations: string[];
  services: string[];
  location: { lat: number; lng: number; approximate: boolean; radiusKm: number | null };
  organisation: { id: string; name: string };
  availability: {
    band: string;
    freeBeds: number | null;
    totalBeds: number | null;
    overflowFree: number | null;
    stale: boolean;
    updatedAt: string | null;
    byPopulation: {
      population: string;
      band: string;
      freeBeds: number | null;
      totalBeds: number | null;
    }[];
  };
}

const SEARCH = `query Search($filter: ShelterFilter, $first: Int) { shelters(filter: $filter, first: $first) { ${SHELTER_FIELDS} } }`;
const CREATE_SHELTER = `mutation Create($input: CreateShelterInput!) { createShelter(input: $input) { ${SHELTER_FIELDS} } }`;
const REPORT = `mutation Report($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { ${SHELTER_FIELDS} } }`;

describe('Shelter directory (e2e)', () => {
  // These tests share the sample network made in beforeAll (forty shelters of every kind, which
  // the search tests count on) and each adds shelters of its own, so their order does not matter.
  let app: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  /** A report as staff send one: a new requestId, on the version just read. */
  const fresh = async (input: { shelterId: string; counts: unknown }) => ({
    requestId: randomUUID(),
    knownVersion: await versionOf(coordinator, input.shelterId),
    ...input,
  });
  let organisationId: string;

  const search = async (filter: Record<string, unknown>, first = 1000) => {
    const result = await app.gql<{ shelters: ShelterView[] }>(SEARCH, { filter, first });
    expect(result.errors).toBeUndefined();
    return result.data!.shelters;
  };

  /**
   * Runs `act` on `count` of the app's pooled connections held at once; by default the pool's
   * maximum, so on every connection it has (what one has prepared, another has not).
   */
  const onConnections = async <T>(
    act: (client: PoolClient) => Promise<T>,
    count?: number,
  ): Promise<T[]> => {
    const pool = (app.app.get(DataSource).driver as PostgresDriver).master as Pool;
    const clients = await Promise.all(
      Array.from({ length: count ?? pool.options.max ?? 10 }, () => pool.connect()),
    );
    try {
      return await Promise.all(clients.map(act));
    } finally {
      clients.forEach((client) => client.release());
    }
  };

  /** An admin creates the shelter and makes the spec's coordinator its coordinator, who then reports. */
  const createShelter = async (overrides: Record<string, unknown> = {}) => {
    const result = await admin.gql<{ createShelter: ShelterView }>(CREATE_SHELTER, {
      input: shelterInput(organisationId, overrides),
    });
    expect(result.errors).toBeUndefined();
    const shelter = result.data!.createShelter;
    await makeMember(admin, coordinator.userId, shelter.id, 'COORDINATOR');
    return shelter;
  };

  beforeAll(async () => {
    app = await startTestApp();
    await sampleNetwork(app, 40);
    admin = await adminOf(app);
    coordinator = await staffAt(app, { role: 'COORDINATOR' });
    organisationId = await createOrganisation(admin);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('nearest-shelter search', () => {
    it('orders by distance from `near`, computed from the public point', async () => {
      const shelters = await search({ near: MEXICO_CITY });
      expect(shelters.length).toBeGreaterThan(30);
      const distances = shelters.map((s) => s.distanceKm!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const shelter of shelters) {
        expect(shelter.distanceKm).toBeCloseTo(haversineKm(MEXICO_CITY, shelter.location), 0);
      }
    });

    it('is one SQL statement, with the figures and the organisations of every shelter', async () => {
      const statements = await app.statements(() =>
        search({
          near: MEXICO_CITY,
          radiusKm: 20,
          hasSpace: true,
          population: 'WOMEN',
          service: 'MEALS',
        }),
      );
      // The search itself, plus one batched query for the organisations field.
      expect(statements).toHaveLength(2);
      const withoutOrganisation = await app.statements(() =>
        app.gql(
          `{ shelters(filter: { near: { lat: 19.4, lng: -99.1 }, hasSpace: true }) { id availability { band byPopulation { band } } } }`,
        ),
      );
      expect(withoutOrganisation).toHaveLength(1);
    });

    it('reads entities equal to what TypeORM itself would build, for every shelter and column', async () => {
      const dataSource = app.app.get(DataSource);
      const ours = await app.app.get(ShelterSearchService).search({ first: 1000 });
      const theirs = await dataSource
        .getRepository(Shelter)
        .find({ relations: { capacities: true } });
      expect(ours.length).toBe(theirs.length);
      const byId = new Map(theirs.map((shelter) => [shelter.id, shelter]));
      const sortCapacities = (capacities: object[] = []) =>
        capacities
          .map((capacity) => ({ ...capacity }))
          .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      for (const shelter of ours) {
        const expected = byId.get(shelter.id)!;
        // The public fields are the search's own additions (withPublicFields), not columns.
        const { publicAddress, location, availability, capacities, ...columns } = shelter;
        expect([publicAddress, location, availability, capacities]).not.toContain(undefined);
        const { capacities: expectedCapacities, ...expectedColumns } = expected;
        expect(Object.assign(new Shelter(), columns)).toStrictEqual(
          Object.assign(new Shelter(), expectedColumns),
        );
        expect(sortCapacities(capacities)).toEqual(sortCapacities(expectedCapacities));
      }
    });

    it('reads only the columns the asked fields need, and serves them as a whole read does', async () => {
      const MAP_FIELDS = `id name distanceKm location { lat lng approximate radiusKm }
        availability { band freeBeds stale updatedAt byPopulation { population band freeBeds } }`;
      const ask = (fields: string) =>
        app.gql<{ shelters: Record<string, unknown>[] }>(
          `query($near: GeoPointInput!) { shelters(filter: { near: $near, hasSpace: true }, first: 50) { ${fields} } }`,
          { near: MEXICO_CITY },
        );
      let map: Awaited<ReturnType<typeof ask>> | undefined;
      const [mapSql] = await app.statements(async () => {
        map = await ask(MAP_FIELDS);
      });
      let whole: Awaited<ReturnType<typeof ask>> | undefined;
      const [wholeSql] = await app.statements(async () => {
        whole = await ask(`${MAP_FIELDS} address { street } contact { phone } openingHours`);
      });
      expect(mapSql).not.toMatch(/address_street|contact_phone|opening_hours|s\.lat\b/);
      expect(wholeSql).toMatch(/address_street/);
      expect(map!.data!.shelters.length).toBeGreaterThan(10);
      expect(map!.data!.shelters).toEqual(
        whole!.data!.shelters.map((shelter) => {
          const rest = { ...shelter };
          for (const extra of ['address', 'contact', 'openingHours']) {
            expect(rest[extra]).toBeDefined();
            delete rest[extra];
          }
          return rest;
        }),
      );
    });

    it('knows what every GraphQL field of Shelter needs read', async () => {
      const result = await app.gql<{ __type: { fields: { name: string }[] } }>(
        '{ __type(name: "Shelter") { fields { name } } }',
      );
      const fields = result.data!.__type.fields.map((field) => field.name);
      expect(fields.filter((field) => !(field in PUBLIC_FIELD_NEEDS))).toEqual([]);
    });

    it('serves the schema written in schema.graphql (built without a database at build time)', async () => {
      const served = printSchema(lexicographicSortSchema(app.app.get(GraphQLSchemaHost).schema));
      const file = await readFile(schemaFilePath(), 'utf8');
      expect(file.slice(file.indexOf('\n\n') + 2)).toBe(`${served}\n`);
    });

    it('prepares the search on each connection, under one name, run after run', async () => {
      const points = Array.from({ length: 8 }, (_, n) => ({
        lat: MEXICO_CITY.lat + n / 100,
        lng: MEXICO_CITY.lng,
      }));
      const [text] = await app.statements(() => search({ near: points[0], hasSpace: true }, 50));
      const prepared = async () =>
        (
          await onConnections((client) =>
            client.query<{ name: string; runs: string }>(
              `SELECT name, generic_plans + custom_plans AS runs FROM pg_prepared_statements
                WHERE statement = $1`,
              [text],
            ),
          )
        ).flatMap((result) => result.rows);
      const before = await prepared();
      for (const near of points) {
        await search({ near, hasSpace: true }, 50);
      }
      const after = await prepared();
      const runs = (rows: typeof after) => rows.reduce((sum, row) => sum + Number(row.runs), 0);
      expect(new Set(after.map((row) => row.name)).size).toBe(1);
      expect(after[0].name).toMatch(/^shelter_search_\d+$/);
      expect(runs(after) - runs(before)).toBe(points.length);
    });

    it('uses the GiST index on the public point for nearest-first and radius, also when prepared', async () => {
      const [text] = await app.statements(() =>
        search({ near: MEXICO_CITY, radiusKm: 5, hasSpace: true }, 50),
      );
      const [plans] = await onConnections(async (client) => {
        await client.query('SET enable_seqscan = off');
        try {
          return [
            await client.query<{ 'QUERY PLAN': string }>(
              `EXPLAIN SELECT id FROM shelter s
                WHERE earth_box(ll_to_earth(19.4, -99.1), 5000) @> ll_to_earth(s.public_lat, s.public_lng)
                ORDER BY ll_to_earth(s.public_lat, s.public_lng) <-> ll_to_earth(19.4, -99.1) LIMIT 50`,
            ),
            // What a prepared search runs after its fifth run (PostgreSQL 16+: the embedded server).
            await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (GENERIC_PLAN) ${text}`),
          ];
        } finally {
          await client.query('RESET enable_seqscan');
        }
      }, 1);
      for (const plan of plans) {
        expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain(
          'shelter_public_point_idx',
        );
      }
    });

    it('filters by radius, population, service, status and space', async () => {
      const within = await search({ near: MEXICO_CITY, radiusKm: 5 });
      expect(within.length).toBeGreaterThan(0);
      expect(within.every((s) => s.distanceKm! <= 5)).toBe(true);

      const families = await search({ population: 'FAMILIES' });
      expect(families.length).toBeGreaterThan(0);
      expect(families.every((s) => s.populations.includes('FAMILIES'))).toBe(true);

      const legal = await search({ service: 'LEGAL_AID' });
      expect(legal.every((s) => s.services.includes('LEGAL_AID'))).toBe(true);

      const closed = await search({ status: 'TEMPORARILY_CLOSED' });
      expect(closed.length).toBeGreaterThan(0);
      expect(closed.every((s) => s.availability.band === 'CLOSED')).toBe(true);

      const all = await search({});
      const withSpace = await search({ hasSpace: true });
      const withoutSpace = await search({ hasSpace: false });
      expect(withSpace.every((s) => ['SPACE', 'FEW'].includes(s.availability.band))).toBe(true);
      expect(withoutSpace.every((s) => !['SPACE', 'FEW'].includes(s.availability.band))).toBe(true);
      expect(withSpace.length + withoutSpace.length).toBe(all.length);
    });

    it('with population and hasSpace, finds space in that group only', async () => {
      const womenWithSpace = await search({ population: 'WOMEN', hasSpace: true });
      expect(womenWithSpace.length).toBeGreaterThan(0);
      for (const shelter of womenWithSpace) {
        const women = shelter.availability.byPopulation.find((p) => p.population === 'WOMEN')!;
        expect(['SPACE', 'FEW']).toContain(women.band);
      }
      const shelter = await createShelter({ name: 'Solo hombres con lugar' });
      await coordinator.gql(REPORT, {
        input: await fresh({
          shelterId: shelter.id,
          counts: [
            { population: 'MEN', freeBeds: 12 },
            { population: 'WOMEN', freeBeds: 0 },
          ],
        }),
      });
      const ids = (await search({ population: 'WOMEN', hasSpace: true })).map((s) => s.id);
      expect(ids).not.toContain(shelter.id);
      expect((await search({ population: 'MEN', hasSpace: true })).map((s) => s.id)).toContain(
        shelter.id,
      );
    });
    it('with populations, finds space in any group a person fits, and in no other', async () => {
      const shelter = await createShelter({
        name: 'Solo LGBTQ con lugar',
        capacity: [
          { population: 'LGBTQ', totalBeds: 10 },
          { population: 'MEN', totalBeds: 10 },
        ],
      });
      await coordinator.gql(REPORT, {
        input: await fresh({
          shelterId: shelter.id,
          counts: [
            { population: 'LGBTQ', freeBeds: 6 },
            { population: 'MEN', freeBeds: 0 },
          ],
        }),
      });
      const anyOf = await search({ populations: ['WOMEN', 'LGBTQ'], hasSpace: true });
      expect(anyOf.map((s) => s.id)).toContain(shelter.id);
      for (const found of anyOf) {
        const fits = found.availability.byPopulation.filter((p) =>
          ['WOMEN', 'LGBTQ'].includes(p.population),
        );
        expect(fits.some((p) => ['SPACE', 'FEW'].includes(p.band))).toBe(true);
      }
      const womenOnly = await search({ population: 'WOMEN', hasSpace: true });
      expect(womenOnly.map((s) => s.id)).not.toContain(shelter.id);
      expect(anyOf.length).toBeGreaterThan(womenOnly.length);
    });
  });

  describe('sensitive shelters', () => {
    it('never show the door: a stored approximate point, the same on every read, and bands without counts', async () => {
      const door = { lat: 19.312345, lng: -99.212345 };
      const created = await createShelter({
        name: 'Refugio de prueba',
        sensitive: true,
        location: door,
      });
      expect(created.location.approximate).toBe(true);
      expect(created.location.radiusKm).toBe(1);
      const offset = haversineKm(door, created.location);
      expect(offset).toBeGreaterThanOrEqual(0.39);
      expect(offset).toBeLessThanOrEqual(1.01);

      await coordinator.gql(REPORT, {
        input: await fresh({ shelterId: created.id, counts: [{ population: 'MEN', freeBeds: 7 }] }),
      });
      const reads = await Promise.all([1, 2, 3].map(() => search({ near: door, radiusKm: 3 })));
      for (const shelters of reads) {
        const seen = shelters.find((s) => s.id === created.id)!;
        expect(seen.location).toEqual(created.location);
        expect(seen.distanceKm).toBeCloseTo(offset, 1);
        expect(seen.availability.band).toBe('SPACE');
        expect(seen.availability.freeBeds).toBeNull();
        expect(seen.availability.totalBeds).toBeNull();
        expect(
          seen.availability.byPopulation.every((p) => p.freeBeds === null && p.totalBeds === null),
        ).toBe(true);
      }
      const body = JSON.stringify(reads);
      expect(body).not.toContain(String(door.lat));
      expect(body).not.toContain(String(door.lng));
    });

    it('never show their street, number or postal code, only borough and city', async () => {
      const created = await createShelter({
        name: 'Refugio con calle',
        sensitive: true,
        address: {
          street: 'Calle Escondida 12',
          neighbourhood: 'Colonia Oculta',
          postalCode: '06000',
          boroughCode: 'cdmx-cuauhtemoc',
          city: 'Ciudad de México',
        },
      });
      const read = await app.gql<{ shelter: { address: Record<string, string | null> } }>(
        'query($id: ID!) { shelter(id: $id) { address { street neighbourhood postalCode borough boroughCode city } } }',
        { id: created.id },
      );
      expect(read.data!.shelter.address).toEqual({
        street: null,
        neighbourhood: null,
        postalCode: null,
        borough: 'Cuauhtémoc',
        boroughCode: 'cdmx-cuauhtemoc',
        city: 'Ciudad de México',
      });
    });

    it('keep their drawn offset when the door moves, instead of handing out a fresh point near it', async () => {
      const created = await createShelter({
        name: 'Refugio que se muda',
        sensitive: true,
        location: { lat: 19.4, lng: -99.15 },
      });
      const moved = await admin.gql<{ updateShelter: ShelterView }>(
        `mutation($id: ID!) { updateShelter(id: $id, input: { location: { lat: 19.41, lng: -99.14 } }) { ${SHELTER_FIELDS} } }`,
        { id: created.id },
      );
      const after = moved.data!.updateShelter.location;
      expect(after.lat - created.location.lat).toBeCloseTo(0.01, 9);
      expect(after.lng - created.location.lng).toBeCloseTo(0.01, 9);
    });

    it('radius filter uses the public point, so the door cannot be found by shrinking the radius', async () => {
      const door = { lat: 19.25, lng: -99.25 };
      const created = await createShelter({
        name: 'Refugio radio',
        sensitive: true,
        location: door,
      });
      const aroundDoor = await search({ near: door, radiusKm: 0.3 });
      expect(aroundDoor.map((s) => s.id)).not.toContain(created.id);
      const aroundPublic = await search({
        near: { lat: created.location.lat, lng: created.location.lng },
        radiusKm: 0.3,
      });
      expect(aroundPublic.map((s) => s.id)).toContain(created.id);
    });
  });

  describe('counts mode', () => {
    it('a new shelter is UNKNOWN until its first report; a report sets the bands; staleness turns it UNKNOWN again', async () => {
      const created = await createShelter();
      expect(created.availability.band).toBe('UNKNOWN');
      expect(created.availability.freeBeds).toBeNull();
      expect(created.availability.totalBeds).toBe(40);

      const reported = await coordinator.gql<{ reportAvailability: ShelterView }>(REPORT, {
        input: await fresh({
          shelterId: created.id,
          counts: [
            { population: 'MEN', freeBeds: 20 },
            { population: 'WOMEN', freeBeds: 2, overflowFree: 3 },
          ],
        }),
      });
      const view = reported.data!.reportAvailability;
      expect(view.availability).toMatchObject({
        band: 'SPACE',
        freeBeds: 22,
        totalBeds: 40,
        overflowFree: 3,
        stale: false,
      });
      expect(view.availability.byPopulation).toEqual([
        expect.objectContaining({ population: 'MEN', band: 'SPACE', freeBeds: 20 }),
        expect.objectContaining({ population: 'WOMEN', band: 'SPACE', freeBeds: 2 }),
      ]);

      await app.sql(
        `UPDATE shelter SET availability_confirmed_at = now() - interval '13 hours' WHERE id = $1`,
        [created.id],
      );
      const stale = await app.gql<{ shelter: ShelterView }>(
        `query($id: ID!) { shelter(id: $id) { ${SHELTER_FIELDS} } }`,
        { id: created.id },
      );
      expect(stale.data!.shelter.availability).toMatchObject({
        band: 'UNKNOWN',
        freeBeds: null,
        stale: true,
      });
      expect(stale.data!.shelter.availability.updatedAt).not.toBeNull();

      const confirmed = await coordinator.gql<{ confirmAvailability: ShelterView }>(
        CONFIRM_AVAILABILITY(SHELTER_FIELDS),
        await confirmArgs(coordinator, created.id),
      );
      expect(confirmed.data!.confirmAvailability.availability).toMatchObject({
        band: 'SPACE',
        freeBeds: 22,
      });
      const [row] = await app.sql<{ availability_version: string }>(
        'SELECT availability_version FROM shelter WHERE id = $1',
        [created.id],
      );
      expect(Number(row.availability_version)).toBe(3); // created, reported, confirmed
    });

    it('refuses a report for a group the shelter does not serve, or above its capacity, and changes nothing', async () => {
      const created = await createShelter();
      for (const [counts, field, reason] of [
        [
          [{ population: 'LGBTQ', freeBeds: 1 }],
          'input.counts.0.population',
          'POPULATION_NOT_SERVED',
        ],
        [[{ population: 'MEN', freeBeds: 31 }], 'input.counts.0.freeBeds', 'FREE_EXCEEDS_TOTAL'],
        [
          [
            { population: 'MEN', freeBeds: 1 },
            { population: 'MEN', freeBeds: 2 },
          ],
          'input.counts.1.population',
          'DUPLICATE_POPULATION',
        ],
      ] as const) {
        const result = await coordinator.gql(REPORT, {
          input: await fresh({ shelterId: created.id, counts }),
        });
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason,
          fields: [field],
        });
      }
      const [row] = await app.sql<{
        availability_version: string;
        availability_confirmed_at: Date | null;
      }>('SELECT availability_version, availability_confirmed_at FROM shelter WHERE id = $1', [
        created.id,
      ]);
      expect(row).toEqual({ availability_version: '1', availability_confirmed_at: null });
    });
  });

  describe('updates', () => {
    it('changes only the given fields, keeps free places up to new totals, and re-draws the public point when the door moves', async () => {
      const created = await createShelter({ sensitive: true });
      await coordinator.gql(REPORT, {
        input: await fresh({
          shelterId: created.id,
          counts: [{ population: 'MEN', freeBeds: 25 }],
        }),
      });
      const result = await admin.gql<{ updateShelter: ShelterView }>(
        `mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { ${SHELTER_FIELDS} } }`,
        {
          id: created.id,
          input: { sensitive: false, capacity: [{ population: 'MEN', totalBeds: 10 }] },
        },
      );
      expect(result.errors).toBeUndefined();
      const updated = result.data!.updateShelter;
      expect(updated.name).toBe(created.name);
      expect(updated.location).toEqual({ ...MEXICO_CITY, approximate: false, radiusKm: null });
      expect(updated.populations).toEqual(['MEN']);
      expect(updated.availability.byPopulation).toEqual([
        expect.objectContaining({ population: 'MEN', freeBeds: 10, totalBeds: 10 }),
      ]);
    });
  });

  describe('the borough catalogue', () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { id } }`;
    const stored = async (id: string) =>
      (
        await app.sql<{ address_borough_code: string | null; availability_version: string }>(
          'SELECT address_borough_code, availability_version FROM shelter WHERE id = $1',
          [id],
        )
      )[0];

    it('takes a borough by its code and gives back its code and the catalogue’s name', async () => {
      const created = await createShelter({
        address: { boroughCode: 'mex-nezahualcoyotl', city: 'Nezahualcóyotl' },
      });
      const read = await app.gql<{ shelter: { address: Record<string, string | null> } }>(
        'query($id: ID!) { shelter(id: $id) { address { borough boroughCode } } }',
        { id: created.id },
      );
      expect(read.data!.shelter.address).toEqual({
        borough: 'Nezahualcóyotl',
        boroughCode: 'mex-nezahualcoyotl',
      });
      expect(await stored(created.id)).toMatchObject({
        address_borough_code: 'mex-nezahualcoyotl',
      });
    });

    it('refuses a code the catalogue has not, or a name, naming the field, and changes nothing', async () => {
      const created = await createShelter();
      const before = await stored(created.id);
      for (const boroughCode of ['cdmx-atlantida', 'Cuauhtémoc', '']) {
        const result = await admin.gql(UPDATE, {
          id: created.id,
          input: { address: { boroughCode } },
        });
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: ['input.address.boroughCode'],
        });
      }
      // The free text of before is no longer a field: GraphQL refuses it as bad input too.
      const old = await admin.gql(UPDATE, {
        id: created.id,
        input: { address: { borough: 'Cuauhtémoc' } },
      });
      expect(old.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await stored(created.id)).toEqual(before);
      const refused = await admin.gql(CREATE_SHELTER, {
        input: shelterInput(organisationId, {
          name: 'Albergue en ningún lugar',
          address: { boroughCode: 'cdmx-atlantida' },
        }),
      });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.address.boroughCode'],
      });
      const [{ n }] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM shelter WHERE name = 'Albergue en ningún lugar'`,
      );
      expect(n).toBe(0);
    });
  });

  describe('opening hours', () => {
    const HOURS = 'hours { alwaysOpen periods { days opens closes } } openingHours';
    const UPDATE = `mutation($id: ID!, $input: UpdateShelterInput!) { updateShelter(id: $id, input: $input) { ${HOURS} } }`;
    const WEEK = { days: [5, 4, 3, 2, 1], opens: '08:00', closes: '20:00' };
    const stored = async (id: string) =>
      (
        await app.sql<{ hours: unknown; availability_version: string }>(
          'SELECT hours, availability_version FROM shelter WHERE id = $1',
          [id],
        )
      )[0];

    it('are stored as days and times, or open day and night, beside a note in the shelter’s words', async () => {
      const created = await createShelter({
        hours: { periods: [WEEK, { days: [7, 6], opens: '20:00', closes: '08:00' }] },
        openingHours: 'Toque el timbre',
      });
      const read = await app.gql<{ shelter: Record<string, unknown> }>(
        `query($id: ID!) { shelter(id: $id) { ${HOURS} } }`,
        { id: created.id },
      );
      expect(read.data!.shelter).toEqual({
        hours: {
          alwaysOpen: false,
          periods: [
            { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' },
            { days: [6, 7], opens: '20:00', closes: '08:00' },
          ],
        },
        openingHours: 'Toque el timbre',
      });
      const always = await admin.gql<{ updateShelter: Record<string, unknown> }>(UPDATE, {
        id: created.id,
        input: { hours: { alwaysOpen: true } },
      });
      expect(always.data!.updateShelter).toMatchObject({
        hours: { alwaysOpen: true, periods: [] },
      });
      const cleared = await admin.gql<{ updateShelter: Record<string, unknown> }>(UPDATE, {
        id: created.id,
        input: { hours: null },
      });
      expect(cleared.data!.updateShelter).toMatchObject({ hours: null });
    });

    it('refuses a time past 23:59, a day outside 1–7 and hours that say two things, naming the field, and changes nothing', async () => {
      const created = await createShelter({ hours: { periods: [WEEK] } });
      const before = await stored(created.id);
      for (const [hours, field, reason] of [
        [
          { periods: [{ ...WEEK, opens: '25:00' }] },
          'input.hours.periods.0.opens',
          'INVALID_INPUT',
        ],
        [
          { periods: [{ ...WEEK, closes: '8 pm' }] },
          'input.hours.periods.0.closes',
          'INVALID_INPUT',
        ],
        [
          { periods: [WEEK, { ...WEEK, days: [6, 8] }] },
          'input.hours.periods.1.days',
          'INVALID_INPUT',
        ],
        [{ periods: [{ ...WEEK, days: [0] }] }, 'input.hours.periods.0.days', 'INVALID_INPUT'],
        [{ periods: [{ ...WEEK, days: [] }] }, 'input.hours.periods.0.days', 'INVALID_INPUT'],
        [{ alwaysOpen: true, periods: [WEEK] }, 'input.hours.periods', 'HOURS_UNCLEAR'],
        [{ alwaysOpen: false }, 'input.hours.periods', 'HOURS_UNCLEAR'],
        [
          { periods: [{ ...WEEK, closes: '08:00' }] },
          'input.hours.periods.0.closes',
          'HOURS_UNCLEAR',
        ],
      ] as const) {
        const result = await admin.gql(UPDATE, {
          id: created.id,
          input: { name: 'Cambiado', hours },
        });
        expect(result.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason,
          fields: [field],
        });
      }
      expect(await stored(created.id)).toEqual(before);
      const [{ name }] = await app.sql<{ name: string }>('SELECT name FROM shelter WHERE id = $1', [
        created.id,
      ]);
      expect(name).toBe(created.name);
    });
  });

  describe('requestId', () => {
    it('a retried create returns the first result and creates nothing more, even when the retries race', async () => {
      const input = shelterInput(organisationId, { name: 'Reintento' });
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          admin.gql<{ createShelter: { id: string } }>(
            'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
            { input },
          ),
        ),
      );
      const ids = new Set(results.map((r) => r.data?.createShelter.id));
      expect(ids.size).toBe(1);
      const [{ n }] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM shelter WHERE name = 'Reintento'`,
      );
      expect(n).toBe(1);
    });

    it('the same requestId with other input is a CONFLICT and creates nothing', async () => {
      const input = shelterInput(organisationId, { name: 'Primero' });
      await admin.gql(
        'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
        { input },
      );
      const reused = await admin.gql(
        'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
        {
          input: { ...input, name: 'Segundo' },
        },
      );
      expect(reused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'REQUEST_ID_REUSED',
      });
      const [{ n }] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM shelter WHERE name = 'Segundo'`,
      );
      expect(n).toBe(0);
    });

    it('forgets requestIds after a day, since the log holds a hash of the input', async () => {
      await app.sql(
        `INSERT INTO request_log (request_id, operation, payload_hash, created_at) VALUES ($1, 'x', 'h', now() - interval '25 hours')`,
        [randomUUID()],
      );
      expect(await app.app.get(IdempotencyService).prune()).toBe(1);
    });

    it('a create that fails leaves its requestId free for a corrected retry', async () => {
      const input = shelterInput(randomUUID(), { name: 'Sin organización' });
      const failed = await admin.gql(
        'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
        { input },
      );
      expect(failed.errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: ['input.organisationId'],
      });
      const retried = await admin.gql<{ createShelter: { id: string } }>(
        'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
        {
          input: { ...input, organisationId },
        },
      );
      expect(retried.errors).toBeUndefined();
    });
  });
});
