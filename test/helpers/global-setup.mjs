// Jest loads global setup outside its module system, so this file is plain ESM and loads the
// product's TypeScript through tsx (fine here: embedded-postgres.ts has no decorators).
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

/**
 * One real PostgreSQL for the e2e run, from the same embedded binaries the product starts,
 * unless DATABASE_URL points at one. Each spec file gets a fresh database on it (test-app.ts).
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.ALBERGUE_TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const { startEmbeddedPostgres, stopOnExit } = await tsImport(
    '../../apps/api/src/database/embedded-postgres.ts',
    import.meta.url,
  );
  const dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-e2e-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres(dataDir, () => undefined);
  // Should Jest die before its teardown, the server goes with it.
  stopOnExit(dataDir);
  process.env.ALBERGUE_TEST_DATABASE_URL = database.url;
  process.env.ALBERGUE_TEST_DATA_DIR = dataDir;
  globalThis.albergueTestDatabase = database;
}
