import { randomUUID } from 'node:crypto';
import { adminOf, type GraphQLClient, type Reachable } from '../helpers/test-app.js';

export const MEXICO_CITY = { lat: 19.4326, lng: -99.1332 };

export function organisationInput(overrides: Record<string, unknown> = {}) {
  return { requestId: randomUUID(), name: 'Organización de prueba', kind: 'NGO', ...overrides };
}

/** Creates an organisation through the API and returns its id. */
export async function createOrganisation(
  client: GraphQLClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await client.gql<{ createOrganisation: { id: string } }>(
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    { input: organisationInput(overrides) },
  );
  if (!created.data) {
    throw new Error(`createOrganisation failed: ${JSON.stringify(created.errors)}`);
  }
  return created.data.createOrganisation.id;
}

/** Gives a user a role in a shelter (as an admin does). */
export async function makeMember(
  admin: GraphQLClient,
  userId: string,
  shelterId: string,
  role: string,
): Promise<void> {
  const result = await admin.gql(
    'mutation($input: MembershipInput!) { setMembership(input: $input) { id } }',
    { input: { userId, shelterId, role } },
  );
  if (result.errors) {
    throw new Error(`setMembership failed: ${JSON.stringify(result.errors)}`);
  }
}

export function shelterInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    requestId: randomUUID(),
    organisationId,
    name: 'Albergue de prueba',
    location: MEXICO_CITY,
    address: { boroughCode: 'cdmx-cuauhtemoc', city: 'Ciudad de México' },
    contact: { phone: '+52 55 1234 5678', whatsapp: '+52 55 8765 4321' },
    services: ['MEALS', 'SHOWERS'],
    languages: ['es', 'ht'],
    capacity: [
      { population: 'MEN', totalBeds: 30 },
      { population: 'WOMEN', totalBeds: 10, overflowTotal: 4 },
    ],
    ...overrides,
  };
}

export interface ShelterOptions {
  /** The groups it takes, 10 beds each: a shorthand for `capacity`. */
  populations?: string[];
  /** Default: a new organisation of its own. */
  organisationId?: string;
  /** Anything else of CreateShelterInput: name, location, sensitive, status, capacity, address… */
  [field: string]: unknown;
}

/**
 * A shelter made as an admin makes one, through the API: an organisation (unless given), then the
 * shelter, in counts mode, not yet reported (UNKNOWN). Returns its id. Staff and figures are the
 * spec's to add (staffAt, reportAvailability, bedsAt).
 */
export async function shelterFor(
  app: Reachable,
  { populations, organisationId, ...fields }: ShelterOptions = {},
): Promise<string> {
  const admin = await adminOf(app);
  const created = await admin.gql<{ createShelter: { id: string } }>(
    'mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }',
    {
      input: shelterInput(organisationId ?? (await createOrganisation(admin)), {
        ...(populations
          ? { capacity: populations.map((population) => ({ population, totalBeds: 10 })) }
          : {}),
        ...fields,
      }),
    },
  );
  if (!created.data) {
    throw new Error(`createShelter failed: ${JSON.stringify(created.errors)}`);
  }
  return created.data.createShelter.id;
}

export const SHELTER_FIELDS = `id name status sensitive distanceKm populations services languages
  location { lat lng approximate radiusKm }
  address { borough boroughCode city } contact { phone whatsapp }
  organisation { id name }
  availability { band freeBeds totalBeds overflowFree overflowTotal updatedAt stale
    byPopulation { population band freeBeds totalBeds overflowFree overflowTotal } }`;

/** The shelter's availabilityVersion as anyone reads it: the version a report or confirmation names. */
export async function versionOf(client: GraphQLClient, shelterId: string): Promise<number> {
  const read = await client.gql<{ shelter: { availabilityVersion: number } | null }>(
    'query($id: ID!) { shelter(id: $id) { availabilityVersion } }',
    { id: shelterId },
  );
  if (!read.data?.shelter) {
    throw new Error(`shelter ${shelterId} not readable: ${JSON.stringify(read.errors)}`);
  }
  return read.data.shelter.availabilityVersion;
}

/**
 * A ReportAvailabilityInput as staff send one: a new requestId and the version just read, so the
 * report applies (specs about stale reports build their own).
 */
export async function reportInput(
  client: GraphQLClient,
  shelterId: string,
  counts: Record<string, unknown>[],
): Promise<Record<string, unknown>> {
  return {
    requestId: randomUUID(),
    shelterId,
    knownVersion: await versionOf(client, shelterId),
    counts,
  };
}

/** The variables of confirmAvailability as staff send them: a new requestId and the version just read. */
export async function confirmArgs(
  client: GraphQLClient,
  shelterId: string,
): Promise<{ id: string; requestId: string; knownVersion: number }> {
  return {
    id: shelterId,
    requestId: randomUUID(),
    knownVersion: await versionOf(client, shelterId),
  };
}

/** confirmAvailability's text, with `$id`, `$requestId` and `$knownVersion` (see confirmArgs). */
export const CONFIRM_AVAILABILITY = (fields = 'id') =>
  `mutation($id: ID!, $requestId: ID!, $knownVersion: Int!) { confirmAvailability(shelterId: $id, requestId: $requestId, knownVersion: $knownVersion) { ${fields} } }`;
