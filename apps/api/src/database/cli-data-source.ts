// The data source for the TypeORM CLI (`npm run migration:*`), run from dist/ after a build.
// With DATABASE_URL it uses that database; otherwise the embedded one in DATA_DIR.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres, stopOnExit } from './embedded-postgres.js';

const config = loadConfig(process.env);
async function embedded(): Promise<string> {
  const database = await startEmbeddedPostgres(config.DATA_DIR, console.log);
  // The CLI exits without closing its data source: the server must not outlive it.
  stopOnExit(config.DATA_DIR);
  return database.url;
}

const url = config.DATABASE_URL ?? (await embedded());

export default new DataSource(dataSourceOptions(url));
