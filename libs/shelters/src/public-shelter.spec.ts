import { areaOf, toPublicShelter } from './public-shelter.js';
import type { Shelter } from './shelter.entity.js';
import { Population, ShelterService, ShelterStatus, TrackingMode } from './shelters.enums.js';

const rules = { fewThreshold: 5, staleAfterMs: 12 * 3_600_000 };
const now = new Date('2026-11-25T20:00:00Z');

function shelter(overrides: Partial<Shelter> = {}): Shelter {
  return {
    id: '6b1f9f7e-3c1a-4d55-9d1e-0d7a4c1b2e3f',
    organisationId: '0b8e1c0e-7b7f-4a4e-8a55-2f0f6c2f8a11',
    name: 'Casa de prueba',
    status: ShelterStatus.OPEN,
    sensitive: false,
    lat: 19.4326,
    lng: -99.1332,
    publicLat: 19.4326,
    publicLng: -99.1332,
    address: {
      street: 'Calle 1',
      neighbourhood: 'Centro',
      boroughCode: 'cdmx-cuauhtemoc',
      city: 'Ciudad de México',
      state: 'CDMX',
      postalCode: '06000',
    },
    contact: { phone: '+52 55 1234 5678', whatsapp: null, email: null },
    hours: {
      alwaysOpen: false,
      periods: [{ days: [1, 2, 3, 4, 5], opens: '18:00', closes: '22:00' }],
    },
    openingHours: 'Llame antes de llegar después de las 22:00',
    eligibility: {
      idRequired: false,
      petsAllowed: true,
      wheelchairAccessible: true,
      maxStayDays: 30,
      curfew: '22:00',
    },
    populations: [Population.MEN],
    services: [ShelterService.LEGAL_AID],
    languages: ['es'],
    trackingMode: TrackingMode.COUNTS,
    availabilityVersion: 7,
    availabilityConfirmedAt: new Date('2026-11-25T19:00:00Z'),
    capacities: [
      {
        shelterId: 'x',
        population: Population.MEN,
        totalBeds: 30,
        freeBeds: 12,
        overflowTotal: 0,
        overflowFree: 0,
      },
    ],
    ...overrides,
  } as Shelter;
}

describe(areaOf.name, () => {
  it('names a borough by its catalogue code, so every instance and client agrees', () => {
    expect(areaOf(shelter())).toBe('b:cdmx-cuauhtemoc');
    expect(
      areaOf(shelter({ address: { ...shelter().address, boroughCode: 'cdmx-gustavo-a-madero' } })),
    ).toBe('b:cdmx-gustavo-a-madero');
  });

  it('falls back to a fixed 0.1° grid cell of the public point where there is no borough', () => {
    expect(areaOf(shelter({ address: { ...shelter().address, boroughCode: null } }))).toBe(
      'g:194:-992',
    );
  });
});

describe(toPublicShelter.name, () => {
  it('carries the map’s fields with GraphQL’s enum names and the counts', () => {
    expect(toPublicShelter(shelter(), rules, now)).toEqual({
      id: shelter().id,
      version: 7,
      area: 'b:cdmx-cuauhtemoc',
      name: 'Casa de prueba',
      status: 'OPEN',
      location: { lat: 19.4326, lng: -99.1332, approximate: false, radiusKm: null },
      populations: ['MEN'],
      services: ['LEGAL_AID'],
      languages: ['es'],
      address: {
        street: 'Calle 1',
        neighbourhood: 'Centro',
        borough: 'Cuauhtémoc',
        boroughCode: 'cdmx-cuauhtemoc',
        city: 'Ciudad de México',
        state: 'CDMX',
        postalCode: '06000',
      },
      contact: { phone: '+52 55 1234 5678', whatsapp: null, email: null },
      hours: {
        alwaysOpen: false,
        periods: [{ days: [1, 2, 3, 4, 5], opens: '18:00', closes: '22:00' }],
      },
      openingHours: 'Llame antes de llegar después de las 22:00',
      eligibility: {
        idRequired: false,
        petsAllowed: true,
        wheelchairAccessible: true,
        maxStayDays: 30,
        curfew: '22:00',
      },
      availability: {
        band: 'SPACE',
        freeBeds: 12,
        totalBeds: 30,
        overflowFree: 0,
        overflowTotal: 0,
        updatedAt: '2026-11-25T19:00:00.000Z',
        byPopulation: [
          {
            population: 'MEN',
            band: 'SPACE',
            freeBeds: 12,
            totalBeds: 30,
            overflowFree: 0,
            overflowTotal: 0,
          },
        ],
      },
    });
  });

  it('gives a sensitive shelter’s approximate point and bands only, never its door or counts', () => {
    const entry = toPublicShelter(
      shelter({ sensitive: true, lat: 19.5, lng: -99.2, publicLat: 19.51, publicLng: -99.19 }),
      rules,
      now,
    );
    expect(entry.location).toEqual({ lat: 19.51, lng: -99.19, approximate: true, radiusKm: 1 });
    expect(entry.availability).toMatchObject({ band: 'SPACE', freeBeds: null, totalBeds: null });
    expect(entry.address).toMatchObject({
      street: null,
      neighbourhood: null,
      postalCode: null,
      borough: 'Cuauhtémoc',
      boroughCode: 'cdmx-cuauhtemoc',
    });
    expect(JSON.stringify(entry)).not.toMatch(/Calle 1|Centro|06000|19\.5,|-99\.2,/);
  });
});
