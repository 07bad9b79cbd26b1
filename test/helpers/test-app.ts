import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { type RunningAlbergue, startAlbergue } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/config.js';
import { createLogger } from '../../apps/api/src/logging/logger.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; reason?: string; fields?: string[] };
  }[];
}

export interface TestApp extends RunningAlbergue {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Counts the SQL statements the app sends while `act` runs. */
  countStatements(act: () => Promise<unknown>): Promise<number>;
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

export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Boots the whole product, as `npm start` does, on a fresh database and a free port. */
export async function startTestApp(
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    TILE_URL: '',
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? (await freshDatabase()),
  });
  const running = await startAlbergue(config, logger ?? createLogger(config));
  const dataSource = running.app.get(DataSource);
  return {
    ...running,
    gql: (query, variables) => graphql(running.url, query, variables),
    sql: (text, params) => dataSource.query(text, params),
    async countStatements(act) {
      const logger = dataSource.logger;
      const original = logger.logQuery.bind(logger);
      let count = 0;
      logger.logQuery = (...args) => {
        count += 1;
        return original(...args);
      };
      try {
        await act();
      } finally {
        logger.logQuery = original;
      }
      return count;
    },
  };
}
