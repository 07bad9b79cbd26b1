import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../apps/api/src/database/data-source.js';
import { MIGRATIONS } from '../migrations/index.js';
import { captureLogs } from './helpers/log-capture.js';
import { freshDatabase, startTestApp, type TestApp } from './helpers/test-app.js';

/** Migrates a database up to, not including, the migration of this class name. */
async function migrateBefore(url: string, name: string): Promise<void> {
  const index = MIGRATIONS.findIndex((migration) => migration.name === name);
  expect(index).toBeGreaterThan(0);
  const dataSource = new DataSource({
    ...dataSourceOptions(url),
    migrations: MIGRATIONS.slice(0, index),
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Shelters as an older version stored them: what each held, and what it should hold after. */
const BOROUGHS: {
  name: string;
  borough: string | null;
  neighbourhood: string | null;
  code: string | null;
  neighbourhoodAfter: string | null;
}[] = [
  {
    name: 'acentos',
    borough: 'Cuauhtémoc',
    neighbourhood: 'Centro',
    code: 'cdmx-cuauhtemoc',
    neighbourhoodAfter: 'Centro',
  },
  {
    name: 'sin acentos',
    borough: 'alcaldia cuauhtemoc',
    neighbourhood: null,
    code: 'cdmx-cuauhtemoc',
    neighbourhoodAfter: null,
  },
  {
    name: 'sigla',
    borough: 'GAM',
    neighbourhood: null,
    code: 'cdmx-gustavo-a-madero',
    neighbourhoodAfter: null,
  },
  {
    name: 'municipio',
    borough: ' Neza ',
    neighbourhood: null,
    code: 'mex-nezahualcoyotl',
    neighbourhoodAfter: null,
  },
  {
    name: 'otra ciudad',
    borough: 'Tijuana',
    neighbourhood: 'Zona Centro',
    code: null,
    neighbourhoodAfter: 'Zona Centro, Tijuana',
  },
  {
    name: 'una colonia',
    borough: 'Colonia Roma',
    neighbourhood: '  ',
    code: null,
    neighbourhoodAfter: 'Colonia Roma',
  },
  {
    name: 'vacío',
    borough: '   ',
    neighbourhood: 'Doctores',
    code: null,
    neighbourhoodAfter: 'Doctores',
  },
  { name: 'nada', borough: null, neighbourhood: null, code: null, neighbourhoodAfter: null },
];

describe('Migrations that move data, on data an older version wrote (e2e)', () => {
  // One database, migrated to the head before the borough catalogue and filled as that version
  // filled it; then the app starts on it (migrating to head) and the tests read what it made, in
  // order: the last one migrates it back down.
  let url: string;
  let app: TestApp | undefined;
  const logs = captureLogs();
  const ids = new Map<string, string>();

  beforeAll(async () => {
    url = await freshDatabase();
    await migrateBefore(url, 'ReferenceBoroughCatalogue1795913700000');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const {
        rows: [organisation],
      } = await client.query<{ id: string }>(
        `INSERT INTO organisation (name, kind) VALUES ('Red antigua', 'ngo') RETURNING id`,
      );
      for (const shelter of BOROUGHS) {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO shelter (organisation_id, name, lat, lng, public_lat, public_lng,
                                address_borough, address_neighbourhood)
           VALUES ($1, $2, 19.43, -99.13, 19.43, -99.13, $3, $4) RETURNING id`,
          [organisation.id, shelter.name, shelter.borough, shelter.neighbourhood],
        );
        ids.set(shelter.name, rows[0].id);
      }
    } finally {
      await client.end();
    }
    app = await startTestApp({ DATABASE_URL: url }, logs.logger);
  });

  afterAll(async () => {
    await app?.close();
  });

  const sql: TestApp['sql'] = (text, params) => app!.sql(text, params);

  it('turns free-text boroughs into catalogue codes, keeping what names none in the neighbourhood', async () => {
    const rows = await sql<{
      name: string;
      address_borough_code: string | null;
      address_neighbourhood: string | null;
    }>('SELECT name, address_borough_code, address_neighbourhood FROM shelter ORDER BY name');
    expect(rows).toEqual(
      BOROUGHS.map((shelter) => ({
        name: shelter.name,
        address_borough_code: shelter.code,
        address_neighbourhood: shelter.neighbourhoodAfter,
      })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
  });

  it('says at start how many it could not place, and which shelters, without their text', () => {
    const warning = logs.lines
      .map((line) => JSON.parse(line) as { level: number; migration?: string; msg: string })
      .find((line) => line.migration === 'ReferenceBoroughCatalogue1795913700000')!;
    expect(warning.level).toBe(40);
    expect(warning.msg).toContain('4 shelters now name a borough of the catalogue; 2 named none');
    expect(warning.msg).toContain(ids.get('otra ciudad'));
    expect(warning.msg).toContain(ids.get('una colonia'));
    expect(warning.msg).not.toMatch(/Tijuana|Roma/);
  });

  it('goes back down to the catalogue’s names', async () => {
    await app!.close();
    app = undefined;
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
      const rows = await dataSource.query<{ name: string; address_borough: string | null }[]>(
        `SELECT name, address_borough FROM shelter WHERE name IN ('sigla', 'otra ciudad') ORDER BY name`,
      );
      expect(rows).toEqual([
        { name: 'otra ciudad', address_borough: null },
        { name: 'sigla', address_borough: 'Gustavo A. Madero' },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
