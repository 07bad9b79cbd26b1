import { BOROUGHS } from '@albergue/contracts';
import {
  AvailabilityService,
  OrganisationKind,
  OrganisationsService,
  Population,
  type CapacityInput,
  ShelterService,
  ShelterStatus,
  SheltersService,
} from '@albergue/shelters';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DemoClock } from './demo-clock.js';
import { seeded } from './seeded.js';

/** Mexico City's sixteen boroughs (alcaldías), from the catalogue, with its centre points. */
export const CITY_BOROUGHS = BOROUGHS.filter((borough) => borough.state === 'CDMX');

const NAMES = [
  'Colibrí',
  'Ahuehuete',
  'Jacaranda',
  'Quetzal',
  'Ocelote',
  'Cenzontle',
  'Nopal',
  'Ajolote',
  'Tecolote',
  'Magnolia',
  'Cacomixtle',
  'Tejón',
  'Girasol',
  'Huizache',
  'Mezquite',
  'Garza',
  'Gorrión',
  'Ceiba',
  'Alcatraz',
  'Dalia',
  'Zenzontle',
  'Pirul',
  'Tulipán',
  'Golondrina',
  'Mariposa Monarca',
  'Xoloitzcuintle',
  'Ahuizote',
  'Bugambilia',
  'Lirio',
  'Cempasúchil',
  'Jilguero',
  'Guacamaya',
  'Tlacuache',
  'Framboyán',
  'Azucena',
  'Cardenal',
  'Laurel',
  'Colorín',
  'Capulín',
  'Zopilote',
];

const ORGANISATIONS = [
  { name: 'Red Ejemplo de Albergues (demo)', kind: OrganisationKind.NGO },
  { name: 'Parroquia de San Ficticio (demo)', kind: OrganisationKind.CHURCH },
  { name: 'Alcaldía Imaginaria, Servicios Sociales (demo)', kind: OrganisationKind.MUNICIPALITY },
  { name: 'Colectivo Puertas Abiertas (demo)', kind: OrganisationKind.NGO },
];

const POPULATION_MIXES: Population[][] = [
  [Population.MEN],
  [Population.WOMEN, Population.FAMILIES],
  [Population.MEN, Population.WOMEN, Population.FAMILIES],
  [Population.FAMILIES],
  [Population.LGBTQ],
  [Population.WOMEN, Population.LGBTQ],
  [Population.UNACCOMPANIED_MINORS],
  [Population.MEN, Population.FAMILIES, Population.LGBTQ],
];

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const HOURS = [
  { alwaysOpen: false, periods: [{ days: EVERY_DAY, opens: '18:00', closes: '22:00' }] },
  { alwaysOpen: true, periods: [] },
  {
    alwaysOpen: false,
    periods: [
      { days: [1, 2, 3, 4, 5], opens: '17:00', closes: '21:00' },
      { days: [6, 7], opens: '12:00', closes: '21:00' },
    ],
  },
];

/**
 * The demo shelters that count bed by bed (indexes into NAMES), each with a size a week of
 * fictional arrivals can fill: women and families; men, women and families; women and LGBTQ+.
 * The demo accounts work in them. Every other demo shelter reports counts.
 */
export const BEDS_MODE_SHELTERS = new Map([
  [1, 40],
  [2, 48],
  [5, 30],
]);

export interface DemoSummary {
  organisations: number;
  /** In the order they were made (indexes as in NAMES). */
  shelterIds: string[];
  /** The BEDS_MODE_SHELTERS, in counts mode still: their declared places become beds. */
  bedsMode: { id: string; capacity: CapacityInput[] }[];
}

/** Days of counts history before today's report: a week for the network's plots. */
const HISTORY_DAYS = 6;

/**
 * About forty fictional shelters over the city's boroughs, 20 to 600 places each, a few of them
 * sensitive, some full, some closed, some never reported and some stale: enough to see every
 * band on the map from the first minute. Names say "(demo)".
 */
export async function loadDemoNetwork(
  dataSource: DataSource,
  organisations: OrganisationsService,
  shelters: SheltersService,
  availability: AvailabilityService,
): Promise<DemoSummary | null> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    'SELECT count(*)::int AS count FROM shelter',
  );
  if (count > 0) {
    return null;
  }
  const random = seeded(2023);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const orgs = [];
  for (const org of ORGANISATIONS) {
    orgs.push(
      await organisations.create({ ...org, requestId: randomUUID(), phone: '+52 55 5000 0000' }),
    );
  }
  const allServices = Object.values(ShelterService);
  const bedsMode: DemoSummary['bedsMode'] = [];
  const clock = new DemoClock();
  const history: DatedReport[] = [];
  const shelterIds: string[] = [];
  for (const [index, name] of NAMES.entries()) {
    const borough = CITY_BOROUGHS[index % CITY_BOROUGHS.length];
    const populations = POPULATION_MIXES[index % POPULATION_MIXES.length];
    const drawn = Math.round(20 + random() ** 2 * 580);
    const places = BEDS_MODE_SHELTERS.get(index) ?? drawn;
    const capacity: CapacityInput[] = populations.map((population) => ({
      population,
      totalBeds: Math.max(4, Math.round(places / populations.length)),
      overflowTotal: random() < 0.3 ? Math.round(places / 10) : 0,
    }));
    const sensitive = populations.includes(Population.WOMEN) && index % 3 === 0;
    const status = index % 13 === 7 ? ShelterStatus.TEMPORARILY_CLOSED : ShelterStatus.OPEN;
    const shelter = await shelters.create({
      requestId: randomUUID(),
      organisationId: orgs[index % orgs.length].id,
      name: `${sensitive ? 'Refugio' : 'Albergue'} ${name} (demo)`,
      location: {
        lat: borough.centre.lat + (random() - 0.5) * 0.03,
        lng: borough.centre.lng + (random() - 0.5) * 0.03,
      },
      sensitive,
      status,
      address: {
        street: `Calle Ficticia ${100 + index}`,
        boroughCode: borough.code,
        city: 'Ciudad de México',
        state: 'CDMX',
      },
      contact: {
        phone: `+52 55 5${String(100_0000 + index * 7919).slice(0, 7)}`,
        whatsapp: `+52 55 6${String(200_0000 + index * 4813).slice(0, 7)}`,
      },
      services: allServices.filter(() => random() < 0.5),
      languages: ['es', ...['ht', 'fr', 'en', 'pt'].filter(() => random() < 0.4)],
      eligibility: {
        idRequired: random() < 0.2,
        petsAllowed: random() < 0.1,
        wheelchairAccessible: random() < 0.4,
        maxStayDays: pick([null, 7, 15, 30, 90]) ?? undefined,
        curfew: pick(['21:00', '22:00', '23:00']),
      },
      hours: pick(HOURS),
      openingHours: index % 7 === 2 ? 'Después de las 22:00, toque el timbre.' : undefined,
      capacity,
    });
    shelterIds.push(shelter.id);
    if (BEDS_MODE_SHELTERS.has(index)) {
      bedsMode.push({ id: shelter.id, capacity });
      continue; // its figures will come from its beds (demo-occupancy.ts)
    }
    if (index % 9 === 4) {
      continue; // never reported: UNKNOWN
    }
    // A week of reports, one a day, the last today; the stale ones stopped two days ago.
    const fullness = index % 5 === 0 ? 1 : random();
    const stale = index % 11 === 3;
    let version = shelter.availabilityVersion;
    for (let day = HISTORY_DAYS; day >= (stale ? 2 : 0); day -= 1) {
      const full = day === 0 ? fullness : Math.min(1, fullness * (0.6 + random() * 0.5));
      const reported = await availability.report({
        requestId: randomUUID(),
        shelterId: shelter.id,
        knownVersion: version,
        counts: capacity.map(({ population, totalBeds, overflowTotal = 0 }) => ({
          population,
          freeBeds: Math.floor(totalBeds * (1 - full)),
          overflowFree: Math.floor(overflowTotal * (1 - full)),
        })),
      });
      version = reported.availabilityVersion;
      if (day > 0) {
        history.push({ shelterId: shelter.id, version, at: clock.at(day, -3) });
      }
    }
  }
  await datedBack(dataSource, history);
  return { organisations: orgs.length, shelterIds, bedsMode };
}

interface DatedReport {
  shelterId: string;
  /** The version the report made: its row in the counts history. */
  version: number;
  at: Date;
}

/**
 * Reports made now, dated back to the days they stand for (see DemoClock): the history rows, and
 * for a shelter whose last report is in the past, its figures' confirmation time with them.
 */
async function datedBack(dataSource: DataSource, reports: DatedReport[]): Promise<void> {
  await dataSource.query(
    `UPDATE availability_report r SET at = dated.at
       FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) AS dated(shelter_id, version, at)
      WHERE r.shelter_id = dated.shelter_id AND r.version = dated.version`,
    [reports.map((r) => r.shelterId), reports.map((r) => r.version), reports.map((r) => r.at)],
  );
  await dataSource.query(
    `UPDATE shelter s SET availability_confirmed_at = last.at
       FROM (SELECT shelter_id, max(at) AS at FROM availability_report GROUP BY shelter_id) last
      WHERE s.id = last.shelter_id AND s.availability_confirmed_at > last.at + interval '1 hour'`,
  );
}
