import { randomUUID } from 'node:crypto';
import { anonymous, signIn, type SignedIn } from '../../clients/graphql-client.js';
import { createStaff } from '../../clients/staff-accounts.js';
import { adminOf, type Reachable } from '../helpers/test-app.js';
import { makeMember } from './shelter.factory.js';

export type ShelterRole = 'COORDINATOR' | 'VOLUNTEER' | 'HEALTH_WORKER';
export type NetworkRole = 'ADMIN' | 'NETWORK_COORDINATOR';

/** A person a spec made, signed in; `email` and `password` sign them in again (another session). */
export interface Person extends SignedIn {
  email: string;
  password: string;
}

export interface AccountOptions {
  /** Default: `<role>-<random>@test.example`. */
  email?: string;
  password?: string;
  displayName?: string;
}

export const TEST_PASSWORD = 'a test passphrase long enough';

async function person(
  app: Reachable,
  label: string,
  networkRole: NetworkRole | undefined,
  { email, password = TEST_PASSWORD, displayName }: AccountOptions,
  shelters: [string, ShelterRole][] = [],
): Promise<Person> {
  const admin = await adminOf(app);
  const address = email ?? `${label.toLowerCase()}-${randomUUID().slice(0, 8)}@test.example`;
  const id = await createStaff(admin, anonymous(app.url), {
    email: address,
    password,
    networkRole,
    displayName,
  });
  for (const [shelterId, role] of shelters) {
    await makeMember(admin, id, shelterId, role);
  }
  return { ...(await signIn(app.url, address, password)), email: address, password };
}

/**
 * Someone with a network role (ADMIN, NETWORK_COORDINATOR), or with none and no shelter (`null`),
 * made by the app's admin as a real admin makes an account, and signed in.
 */
export function networkUser(
  app: Reachable,
  role: NetworkRole | null,
  account: AccountOptions = {},
): Promise<Person> {
  return person(app, role ?? 'user', role ?? undefined, account);
}

/**
 * Staff with `role` in one shelter (`shelterId`) or several (`shelterIds`), made by the app's
 * admin (an account, then a membership in each), and signed in.
 */
export function staffAt(
  app: Reachable,
  {
    role,
    shelterId,
    shelterIds = shelterId ? [shelterId] : [],
    ...account
  }: AccountOptions & { role: ShelterRole; shelterId?: string; shelterIds?: string[] },
): Promise<Person> {
  return person(
    app,
    role,
    undefined,
    account,
    shelterIds.map((id) => [id, role]),
  );
}

/**
 * Staff of a health service (role SERVICE_STAFF there), made by the app's admin (an account,
 * then a service membership), and signed in.
 */
export async function serviceStaffAt(
  app: Reachable,
  serviceId: string,
  account: AccountOptions = {},
): Promise<Person> {
  const admin = await adminOf(app);
  const address = account.email ?? `service-${randomUUID().slice(0, 8)}@test.example`;
  const password = account.password ?? TEST_PASSWORD;
  const id = await createStaff(admin, anonymous(app.url), {
    email: address,
    password,
    displayName: account.displayName,
  });
  const added = await admin.gql(
    'mutation($u: ID!, $s: ID!) { setServiceMembership(userId: $u, serviceId: $s) { id } }',
    { u: id, s: serviceId },
  );
  if (added.errors) {
    throw new Error(`setServiceMembership failed: ${JSON.stringify(added.errors)}`);
  }
  return { ...(await signIn(app.url, address, password)), email: address, password };
}
