import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type RunningDatabase,
  startEmbeddedPostgres,
} from '../../apps/api/src/database/embedded-postgres.js';

/** An embedded PostgreSQL of a spec's own, which it may stop and start again under the app. */
export interface OwnDatabase {
  readonly url: string;
  /** Stops the server (the app's connections drop). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data: the app finds it where it was. */
  start(): Promise<void>;
  /** Stops it for good and deletes its data. */
  remove(): Promise<void>;
}

export async function ownDatabase(): Promise<OwnDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'albergue-own-db-'));
  // As root the server runs as `postgres`, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  let running: RunningDatabase = await startEmbeddedPostgres(dataDir, () => undefined);
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    stop: () => running.stop(),
    start: async () => {
      running = await startEmbeddedPostgres(dataDir, () => undefined, { port });
    },
    remove: async () => {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
