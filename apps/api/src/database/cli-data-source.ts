// The data source for the TypeORM CLI (`npm run migration:*`), run from dist/ after a build.
// With DATABASE_URL it uses that database; otherwise the embedded one in DATA_DIR.
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/config.js';
import { dataSourceOptions } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

const config = loadConfig(process.env);
const url = config.DATABASE_URL ?? (await startEmbeddedPostgres(config.DATA_DIR, console.log)).url;

export default new DataSource(dataSourceOptions(url));
