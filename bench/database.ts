import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../apps/api/src/database/embedded-postgres.js';
import { progressBar } from '../apps/api/src/seed/progress-bar.js';
import { type SeedSize, seedLargeNetwork } from '../apps/api/src/seed/large-network.js';
import { recreateDatabase, startBenchApp, withClient } from './harness.js';

export interface BenchDatabase {
  url: string;
  /** pg_stat_statements is there (preloaded, `track = top`): statements per request can be counted. */
  statements: boolean;
  close(): Promise<void>;
}

const BENCH_DATABASE = 'albergue_bench';

/**
 * A fresh database for one `npm run bench`: by default an embedded PostgreSQL of its own in a
 * temporary folder, with pg_stat_statements loaded (`track = top`: a statement a function runs
 * inside another is not counted twice); with DATABASE_URL, a new `albergue_bench` database on
 * that server (dropped first if an earlier run left one; the database the URL names is never
 * touched). Migrated, with the demo network, then the large network seeded on top.
 */
export async function prepareBenchDatabase(size: SeedSize): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  let url: string;
  let stop: () => Promise<void>;
  if (given) {
    url = await recreateDatabase(given, BENCH_DATABASE);
    stop = async () => undefined;
  } else {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-bench-'));
    await chmod(dataDir, 0o755);
    const database = await startEmbeddedPostgres(dataDir, () => undefined, {
      settings: {
        shared_preload_libraries: 'pg_stat_statements',
        'pg_stat_statements.track': 'top',
        max_connections: '200',
      },
    });
    url = database.url;
    stop = async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  try {
    const statements = await withClient(url, (client) =>
      client
        .query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
        .then(() => client.query('SELECT 1 FROM pg_stat_statements LIMIT 1'))
        .then(
          () => true,
          () => false,
        ),
    );
    if (!statements) {
      console.warn(
        'pg_stat_statements is not loaded on this server (shared_preload_libraries): statements per request will read n/a',
      );
    }
    // The first start migrates and loads the demo network (and its accounts, which the gate uses).
    const bench = await startBenchApp(url);
    try {
      console.error(
        `seeding ${size.shelters} shelters and ${size.residents} residents (${Math.round(size.bedsShare * 100)}% of shelters bed by bed)`,
      );
      await seedLargeNetwork(bench.app.app, size, progressBar);
    } finally {
      await bench.close();
    }
    return { url, statements, close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
