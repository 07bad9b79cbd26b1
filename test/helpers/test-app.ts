import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { type RunningAlbergue, startAlbergue } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { createLogger } from '../../apps/api/src/logging/logger.js';
import {
  type GraphQLClient,
  graphql,
  rememberSecondFactor,
  type SignedIn,
  signIn,
} from '../../clients/graphql-client.js';

export {
  type GraphQLClient,
  type GraphQLResponse,
  graphql,
  type SignedIn,
  signIn,
} from '../../clients/graphql-client.js';

/**
 * The demo accounts' password (apps/api/src/demo/demo-users.ts, README): only for the specs about
 * the demo network itself. Every other spec makes the people it needs (test/factories).
 */
export const DEMO_PASSWORD = 'demo-albergue-2026';
/** The demo's network accounts' TOTP secret (apps/api/src/demo/demo-users.ts, README). */
export const DEMO_TOTP_SECRET = 'ALBERGUEDEMOSECRETALBERGUEDEMO23';
rememberSecondFactor('admin@demo.example', DEMO_TOTP_SECRET);
rememberSecondFactor('network@demo.example', DEMO_TOTP_SECRET);
/** One resident data key for the run, so that test apps write no key file into the project. */
export const TEST_RESIDENT_KEY = randomBytes(32).toString('base64');

/** Every test app's first admin (ADMIN_EMAIL/ADMIN_PASSWORD): the factories make people through it. */
export const TEST_ADMIN = {
  email: 'admin@test.example',
  password: 'a long test passphrase',
  /** Enrolled at first start (ADMIN_TOTP_SECRET): signIn sends its codes. */
  totpSecret: 'TESTADMINTOTPSECRETTESTADMINTOTP',
};
rememberSecondFactor(TEST_ADMIN.email, TEST_ADMIN.totpSecret);

/**
 * What a test app starts with unless its spec says otherwise: no demo network (the demo is for
 * people trying the product; a spec makes what it needs through test/factories), and TEST_ADMIN
 * as its first admin. For an app a spec starts itself (startAlbergue, a spawned process).
 */
export const TEST_START = {
  DEMO_DATA: 'false',
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
  ADMIN_TOTP_SECRET: TEST_ADMIN.totpSecret,
};

/** Spread into a start's env for a first start with no account at all (empty counts as unset). */
export const NO_ADMIN = { ADMIN_EMAIL: '', ADMIN_PASSWORD: '', ADMIN_TOTP_SECRET: '' };

/** Any running app a client can reach, e.g. a TestApp, a RunningAlbergue or `{ url }`. */
export interface Reachable {
  url: string;
}

const admins = new WeakMap<Reachable, Promise<SignedIn>>();

/** The app's first admin (TEST_ADMIN), signed in once per app object and reused. */
export function adminOf(app: Reachable): Promise<SignedIn> {
  let admin = admins.get(app);
  if (!admin) {
    admin = signIn(app.url, TEST_ADMIN.email, TEST_ADMIN.password);
    admins.set(app, admin);
    admin.catch(() => admins.delete(app));
  }
  return admin;
}

export interface TestApp extends RunningAlbergue, GraphQLClient {
  /** Signs in through the login mutation and returns a client that sends the session cookie. */
  signIn(email: string, password: string): Promise<SignedIn>;
  /** The SQL statements the app sends while `act` runs. */
  statements(act: () => Promise<unknown>): Promise<string[]>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** A fresh database on the run's PostgreSQL (see global-setup.ts). */
export async function freshDatabase(): Promise<string> {
  const serverUrl = process.env.ALBERGUE_TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error('ALBERGUE_TEST_DATABASE_URL is not set: run e2e specs through jest (npm test)');
  }
  const name = `albergue_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Boots the whole product, as `npm start` does, on a fresh database and a free port; given a
 * DATA_DIR (and no DATABASE_URL), on an embedded PostgreSQL of its own there, as `npm start` runs it.
 * Without the demo network and with TEST_ADMIN (TEST_START), unless `env` says otherwise.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    TILE_URL: 'none',
    RESIDENT_KEY: TEST_RESIDENT_KEY,
    ...TEST_START,
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? (env.DATA_DIR ? undefined : await freshDatabase()),
  });
  const running = await startAlbergue(config, logger ?? createLogger(config));
  const dataSource = running.app.get(DataSource);
  return {
    ...running,
    gql: (query, variables) => graphql(running.url, query, variables),
    signIn: (email, password) => signIn(running.url, email, password),
    sql: (text, params) => dataSource.query(text, params),
    async statements(act) {
      const logger = dataSource.logger;
      const original = logger.logQuery.bind(logger);
      const sent: string[] = [];
      logger.logQuery = (query, ...rest) => {
        sent.push(query);
        return original(query, ...rest);
      };
      try {
        await act();
      } finally {
        logger.logQuery = original;
      }
      return sent;
    },
  };
}
