// `npm run seed -- --shelters 1000 --residents 100000 [--beds-share 0.1]`: a large fictional
// network in the database (DATABASE_URL, or the embedded one in DATA_DIR), for benchmarks.
import 'reflect-metadata';
import { FieldCipher } from '@albergue/vault';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { migrate } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { loadResidentKeys } from '../keys/resident-keys.js';
import { seedLargeNetwork } from './large-network.js';
import { progressBar } from './progress-bar.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a number`);
    process.exit(2);
  }
  return value;
}

const size = {
  shelters: option('shelters', 1000),
  residents: option('residents', 100_000),
  bedsShare: option('beds-share', 0.1),
};
const config = loadConfig(process.env);
const database = config.DATABASE_URL
  ? { url: config.DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres(config.DATA_DIR, (line) => console.error(line));
try {
  await migrate(database.url);
  const keys = await loadResidentKeys(config, database.url, (line) => console.error(line));
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot(config, database.url, new FieldCipher(keys), { serving: false }),
    { logger: false },
  );
  const started = Date.now();
  const seeded = await seedLargeNetwork(app, size, progressBar);
  await app.close();
  console.log(
    `Seeded ${seeded.shelterIds.length} shelters (${Math.round(size.bedsShare * 100)}% bed by bed) and ${seeded.residents} residents in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
} finally {
  await database.stop();
}
