import { boroughByCode, SERVICES } from '@albergue/contracts';
import { adminOf, type Reachable } from '../helpers/test-app.js';
import { createOrganisation, reportInput, shelterFor } from './shelter.factory.js';
import { type Person, staffAt } from './staff.factory.js';

/** Some of Mexico City's boroughs (alcaldías), from the catalogue: shelters go near their centres. */
const PLACES = [
  'cdmx-cuauhtemoc',
  'cdmx-benito-juarez',
  'cdmx-coyoacan',
  'cdmx-iztapalapa',
  'cdmx-gustavo-a-madero',
  'cdmx-miguel-hidalgo',
  'cdmx-venustiano-carranza',
  'cdmx-azcapotzalco',
  'cdmx-alvaro-obregon',
  'cdmx-tlalpan',
].map((code) => boroughByCode(code)!);

const MIXES = [
  ['MEN'],
  ['WOMEN', 'FAMILIES'],
  ['MEN', 'WOMEN', 'FAMILIES'],
  ['FAMILIES'],
  ['LGBTQ'],
  ['WOMEN', 'LGBTQ'],
  ['UNACCOMPANIED_MINORS'],
  ['MEN', 'FAMILIES', 'LGBTQ'],
];

const HOURS = [
  { alwaysOpen: true },
  {
    periods: [
      { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '20:00' },
      { days: [6, 7], opens: '10:00', closes: '14:00' },
    ],
  },
  null,
];

export interface SampleNetwork {
  /** In the order they were made (shelter `i` as described at sampleNetwork). */
  shelterIds: string[];
  /** A coordinator of every one of them, who reported their figures. */
  coordinator: Person;
}

/**
 * A network of `size` shelters over the city, with something of everything a map or a search
 * shows, made through the API as people make it: an admin creates the shelters (one
 * organisation), a coordinator of all of them reports. Shelter `i`, by rule, so that a spec can
 * count on it: groups MIXES[i % 8]; in PLACES[i % 10], near its centre; hours HOURS[i % 3] and
 * a note on them when i % 4 === 3; sensitive when it takes women and i % 3 === 2;
 * TEMPORARILY_CLOSED when i % 13 === 7; never reported (UNKNOWN) when i % 9 === 4; else full
 * when i % 5 === 0, few places (2 in its first group) when i % 5 === 1, and space otherwise.
 * The first eight hold every band, a sensitive one and a closed one.
 */
export async function sampleNetwork(app: Reachable, size: number): Promise<SampleNetwork> {
  const organisationId = await createOrganisation(await adminOf(app), {
    name: 'Red de prueba',
  });
  const plans = Array.from({ length: size }, (_, i) => {
    const populations = MIXES[i % MIXES.length];
    const place = PLACES[i % PLACES.length];
    const sensitive = populations.includes('WOMEN') && i % 3 === 2;
    return {
      i,
      fields: {
        organisationId,
        name: `${sensitive ? 'Refugio' : 'Albergue'} de prueba ${i}`,
        sensitive,
        status: i % 13 === 7 ? 'TEMPORARILY_CLOSED' : 'OPEN',
        location: {
          lat: place.centre.lat + (((i * 37) % 11) - 5) * 0.002,
          lng: place.centre.lng + (((i * 53) % 13) - 6) * 0.002,
        },
        address: {
          street: `Calle de Prueba ${100 + i}`,
          boroughCode: place.code,
          city: 'Ciudad de México',
        },
        services: SERVICES.filter((_, k) => (i + k) % 3 !== 0),
        languages: i % 2 === 0 ? ['es'] : ['es', 'ht'],
        hours: HOURS[i % HOURS.length],
        openingHours: i % 4 === 3 ? 'Toque el timbre después de las 22:00' : undefined,
        capacity: populations.map((population) => ({
          population,
          totalBeds: 8 + ((i * 7) % 23),
          overflowTotal: i % 4 === 1 ? 3 : 0,
        })),
      },
    };
  });
  const shelterIds: string[] = [];
  for (const plan of plans) {
    shelterIds.push(await shelterFor(app, plan.fields));
  }
  const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds });
  for (const { i, fields } of plans) {
    if (i % 9 === 4) {
      continue;
    }
    const counts = fields.capacity.map(({ population, totalBeds, overflowTotal }, g) => {
      if (i % 5 === 0) {
        return { population, freeBeds: 0, overflowFree: 0 };
      }
      if (i % 5 === 1) {
        return { population, freeBeds: g === 0 ? 2 : 0, overflowFree: 0 };
      }
      return { population, freeBeds: totalBeds - 2, overflowFree: overflowTotal };
    });
    const reported = await coordinator.gql(
      'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
      { input: await reportInput(coordinator, shelterIds[i], counts) },
    );
    if (reported.errors) {
      throw new Error(`reportAvailability failed: ${JSON.stringify(reported.errors)}`);
    }
  }
  return { shelterIds, coordinator };
}
