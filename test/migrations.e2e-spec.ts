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

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

/**
 * Shelters as an older version stored them, one per name: [borough, neighbourhood] then, and
 * [borough code, neighbourhood] after.
 */
const BOROUGHS: Record<string, [[string | null, string | null], [string | null, string | null]]> = {
  acentos: [
    ['Cuauhtémoc', 'Centro'],
    ['cdmx-cuauhtemoc', 'Centro'],
  ],
  'sin acentos': [
    ['alcaldia cuauhtemoc', null],
    ['cdmx-cuauhtemoc', null],
  ],
  sigla: [
    ['GAM', null],
    ['cdmx-gustavo-a-madero', null],
  ],
  municipio: [
    [' Neza ', null],
    ['mex-nezahualcoyotl', null],
  ],
  'otra ciudad': [
    ['Tijuana', 'Zona Centro'],
    [null, 'Zona Centro, Tijuana'],
  ],
  'una colonia': [
    ['Colonia Roma', '  '],
    [null, 'Colonia Roma'],
  ],
  vacío: [
    ['   ', 'Doctores'],
    [null, 'Doctores'],
  ],
  nada: [
    [null, null],
    [null, null],
  ],
};

/** Free-text hours then, and [hours, note] after. */
const HOURS: Record<string, [string | null, [unknown, string | null]]> = {
  'h 24': ['Abierto 24 horas', [{ alwaysOpen: true, periods: [] }, null]],
  'h ingreso': [
    'Ingreso 17:00–21:00, todos los días',
    [{ alwaysOpen: false, periods: [{ days: EVERY_DAY, opens: '17:00', closes: '21:00' }] }, null],
  ],
  'h semana': [
    'Lunes a viernes 8:00-20:00, sábado 9:00-14:00',
    [
      {
        alwaysOpen: false,
        periods: [
          { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' },
          { days: [6], opens: '09:00', closes: '14:00' },
        ],
      },
      null,
    ],
  ],
  'h noche': [
    'Entrada de 8 pm a 7 am de lunes a jueves',
    [
      { alwaysOpen: false, periods: [{ days: [1, 2, 3, 4], opens: '20:00', closes: '07:00' }] },
      null,
    ],
  ],
  'h en partes': [
    'lun-vie 8.30-14.00 y 16:00 a 19:00',
    [
      {
        alwaysOpen: false,
        periods: [
          { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '14:00' },
          { days: [1, 2, 3, 4, 5], opens: '16:00', closes: '19:00' },
        ],
      },
      null,
    ],
  ],
  'h nota': ['Llame antes de venir', [null, 'Llame antes de venir']],
  'h una hora': ['Desde las 18:00', [null, 'Desde las 18:00']],
  'h número suelto': ['de 8 a 20 hrs', [null, 'de 8 a 20 hrs']],
  'h 24 algunos días': ['24 horas de lunes a viernes', [null, '24 horas de lunes a viernes']],
  'h nada': [null, [null, null]],
};

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
      const rows: (readonly [string, string | null, string | null, string | null])[] = [
        ...Object.entries(BOROUGHS).map(
          ([name, [[borough, neighbourhood]]]) => [name, borough, neighbourhood, null] as const,
        ),
        ...Object.entries(HOURS).map(([name, [text]]) => [name, null, null, text] as const),
      ];
      for (const [name, borough, neighbourhood, hours] of rows) {
        const { rows: made } = await client.query<{ id: string }>(
          `INSERT INTO shelter (organisation_id, name, lat, lng, public_lat, public_lng,
                                address_borough, address_neighbourhood, opening_hours)
           VALUES ($1, $2, 19.43, -99.13, 19.43, -99.13, $3, $4, $5) RETURNING id`,
          [organisation.id, name, borough, neighbourhood, hours],
        );
        ids.set(name, made[0].id);
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
  const logged = (migration: string) =>
    logs.lines
      .map((line) => JSON.parse(line) as { level: number; migration?: string; msg: string })
      .find((line) => line.migration === migration)!;

  it('turns free-text boroughs into catalogue codes, keeping what names none in the neighbourhood', async () => {
    const rows = await sql<{ name: string; code: string | null; neighbourhood: string | null }>(
      `SELECT name, address_borough_code AS code, address_neighbourhood AS neighbourhood
         FROM shelter WHERE name = ANY($1)`,
      [Object.keys(BOROUGHS)],
    );
    expect(
      Object.fromEntries(rows.map((row) => [row.name, [row.code, row.neighbourhood]])),
    ).toEqual(
      Object.fromEntries(Object.entries(BOROUGHS).map(([name, [, after]]) => [name, after])),
    );
  });

  it('turns free-text hours that read whole as hours into data, and keeps any other text as a note', async () => {
    const rows = await sql<{ name: string; hours: unknown; note: string | null }>(
      `SELECT name, hours, opening_hours AS note FROM shelter WHERE name = ANY($1)`,
      [Object.keys(HOURS)],
    );
    expect(Object.fromEntries(rows.map((row) => [row.name, [row.hours, row.note]]))).toEqual(
      Object.fromEntries(Object.entries(HOURS).map(([name, [, after]]) => [name, after])),
    );
  });

  it('says at start how many it could not place, and which shelters, without their text', () => {
    const boroughs = logged('ReferenceBoroughCatalogue1795913700000');
    expect(boroughs.level).toBe(40);
    expect(boroughs.msg).toContain('4 shelters now name a borough of the catalogue; 2 named none');
    expect(boroughs.msg).toContain(ids.get('otra ciudad'));
    expect(boroughs.msg).toContain(ids.get('una colonia'));
    expect(boroughs.msg).not.toMatch(/Tijuana|Roma/);
    const hours = logged('StructureOpeningHours1795913800000');
    expect(hours.level).toBe(40);
    expect(hours.msg).toContain("5 shelters' hours read as hours and are now data; 4 did not");
    expect(hours.msg).toContain(ids.get('h nota'));
    expect(hours.msg).not.toContain('Llame');
  });

  it('goes back down: hours to Spanish text, codes to the catalogue’s names', async () => {
    await app!.close();
    app = undefined;
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    // Undoes the migrations after `name` (later ones land on top), then `name` itself.
    const undoThrough = async (name: string) => {
      for (;;) {
        const [last] = await dataSource.query<{ name: string }[]>(
          'SELECT name FROM migrations ORDER BY id DESC LIMIT 1',
        );
        await dataSource.undoLastMigration({ transaction: 'each' });
        if (last.name === name) {
          return;
        }
      }
    };
    try {
      await undoThrough('StructureOpeningHours1795913800000');
      const texts = await dataSource.query<{ name: string; opening_hours: string | null }[]>(
        `SELECT name, opening_hours FROM shelter WHERE name IN ('h semana', 'h nota') ORDER BY name`,
      );
      expect(texts).toEqual([
        { name: 'h nota', opening_hours: 'Llame antes de venir' },
        { name: 'h semana', opening_hours: 'lunes a viernes 08:00–20:00; sábado 09:00–14:00' },
      ]);
      await undoThrough('ReferenceBoroughCatalogue1795913700000');
      const boroughs = await dataSource.query<{ name: string; address_borough: string | null }[]>(
        `SELECT name, address_borough FROM shelter WHERE name IN ('sigla', 'otra ciudad') ORDER BY name`,
      );
      expect(boroughs).toEqual([
        { name: 'otra ciudad', address_borough: null },
        { name: 'sigla', address_borough: 'Gustavo A. Madero' },
      ]);
    } finally {
      await dataSource.destroy();
    }
  });
});
