/**
 * The API as a client sees it: GraphQL over HTTP, and a session cookie after the login mutation.
 * Shared by the e2e specs (test/) and the benchmarks (bench/); no server code comes in here.
 */

import { Secret, TOTP } from 'otpauth';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; reason?: string; fields?: string[] };
  }[];
}

export interface GraphQLClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface SignedIn extends GraphQLClient {
  /** The Cookie header this client sends. */
  cookie: string;
  userId: string;
  /** The TOTP secret this user signs in with, when they have a second factor. */
  totpSecret?: string;
}

export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { headers: Headers }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** A client without an account, as the public map and a person resetting a password are. */
export function anonymous(baseUrl: string): GraphQLClient {
  return { gql: (query, variables) => graphql(baseUrl, query, variables) };
}

/**
 * The TOTP secrets this process knows, by email: those it enrolled (signIn enrols a network user
 * at their first sign-in, as a person would with an authenticator app) and those it was given.
 */
const knownSecrets = new Map<string, string>();

/** The last TOTP time step this process used per secret: the server takes each code once. */
const usedSteps = new Map<string, number>();

const PERIOD_MS = 30_000;

/** Tells signIn the TOTP secret of an account (one the operator chose, say ADMIN_TOTP_SECRET). */
export function rememberSecondFactor(email: string, secret: string): void {
  knownSecrets.set(email.trim().toLowerCase(), secret);
}

/**
 * A code this process has not used yet for `secret`, as an authenticator app shows it now (or
 * for the next time step, which the server also accepts); waits for a fresh step when both are spent.
 */
export async function freshCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / PERIOD_MS);
    const step = Math.max(current, (usedSteps.get(secret) ?? -1) + 1);
    if (step <= current + 1) {
      usedSteps.set(secret, step);
      return totpCode(secret, step * PERIOD_MS);
    }
    await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_MS - now + 50));
  }
}

export function totpCode(secret: string, timestamp = Date.now()): string {
  return new TOTP({
    issuer: 'Albergue',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).generate({ timestamp });
}

type Step = 'NONE' | 'REQUIRED' | 'ENROL';

/**
 * Signs in with the login mutation, as the console does, and keeps the session cookie. A sign-in
 * that owes a second factor is finished as a person would: a code for the known secret
 * (`totpSecret`, or one this process enrolled or was told), or, for a network role with none yet,
 * enrolment with a new secret, which is then remembered (and returned as `totpSecret`).
 */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
  totpSecret: string | undefined = knownSecrets.get(email.trim().toLowerCase()),
): Promise<SignedIn> {
  const result = await graphql<{ login: { id: string; secondFactor: Step } }>(
    baseUrl,
    'mutation($input: LoginInput!) { login(input: $input) { id secondFactor } }',
    { input: { email, password } },
  );
  const setCookie = result.headers.get('set-cookie');
  if (!result.data || !setCookie) {
    throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
  }
  const cookie = setCookie.split(';')[0];
  const client: SignedIn = {
    cookie,
    userId: result.data.login.id,
    gql: (query, variables) => graphql(baseUrl, query, variables, { cookie }),
  };
  const step = result.data.login.secondFactor;
  if (step === 'ENROL') {
    const enrolled = await client.gql<{ enrolSecondFactor: { secret: string } }>(
      'mutation { enrolSecondFactor { secret } }',
    );
    if (!enrolled.data) {
      throw new Error(`enrolment of ${email} failed: ${JSON.stringify(enrolled.errors)}`);
    }
    const secret = enrolled.data.enrolSecondFactor.secret;
    await finish(client, email, 'confirmEnrolment', secret);
    rememberSecondFactor(email, secret);
    return { ...client, totpSecret: secret };
  }
  if (step === 'REQUIRED') {
    if (!totpSecret) {
      throw new Error(`sign-in as ${email} owes a second factor, and its secret is not known here`);
    }
    await finish(client, email, 'verifySecondFactor', totpSecret);
    return { ...client, totpSecret };
  }
  return client;
}

/** Sends a fresh code; a code another process used in this time step is refused, so try the next. */
async function finish(
  client: GraphQLClient,
  email: string,
  mutation: 'confirmEnrolment' | 'verifySecondFactor',
  secret: string,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const result = await client.gql(
      mutation === 'confirmEnrolment'
        ? 'mutation($code: String!) { confirmEnrolment(input: { code: $code }) }'
        : 'mutation($code: String!) { verifySecondFactor(input: { code: $code }) { id } }',
      { code: await freshCode(secret) },
    );
    if (result.data) {
      return;
    }
    if (attempt >= 3 || result.errors?.[0]?.extensions.reason !== 'SECOND_FACTOR_REPLAYED') {
      throw new Error(`${mutation} as ${email} failed: ${JSON.stringify(result.errors)}`);
    }
  }
}
