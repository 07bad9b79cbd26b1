// `npm run keys:rotate`: makes a new resident data key, re-seals everything with it and keeps the
// old key in the file until you remove it. Stop every Albergue instance first: a running one holds
// only the old key and could neither read the re-sealed data nor find people by their new hashes.
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import {
  FieldCipher,
  KeyRotationService,
  newKey,
  parseKeyring,
  type RotationReport,
} from '@albergue/vault';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { migrate } from '../database/data-source.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import {
  keyFilePath,
  loadResidentKeys,
  replaceKeyFile,
  replaceKeyFileText,
} from './resident-keys.js';

const config = loadConfig(process.env);
if (config.RESIDENT_KEY) {
  console.error(
    'Rotation needs a key file (RESIDENT_KEY_FILE): a key given in RESIDENT_KEY cannot be rotated in place.',
  );
  process.exit(1);
}
const database = config.DATABASE_URL
  ? { url: config.DATABASE_URL, stop: async () => undefined }
  : await startEmbeddedPostgres(config.DATA_DIR, console.log);
try {
  await migrate(database.url);
  const old = await loadResidentKeys(config, database.url, console.log);
  const file = keyFilePath(config);
  const previous = await readFile(file, 'utf8');
  const next = parseKeyring(`${previous.trim()}\n${newKey().toString('base64')}`);
  // The file first, holding both keys: whatever happens next, every value can still be opened.
  await replaceKeyFile(file, next);
  let report: RotationReport;
  try {
    const app = await NestFactory.createApplicationContext(
      AppModule.forRoot(config, database.url, new FieldCipher(old), { serving: false }),
      { logger: false },
    );
    try {
      report = await app.get(KeyRotationService).rotate(new FieldCipher(next));
    } finally {
      await app.close();
    }
  } catch (error) {
    // Unless the rotation committed (its key is the one on record), the data is still under the
    // old current key: with the new one current, the next start would hash with a key nothing was
    // hashed with, and find nobody. The previous file goes back.
    if (!(await keyOnRecord(database.url, next.currentId))) {
      await replaceKeyFileText(file, previous);
      console.error(`The rotation failed and changed nothing; ${file} is as it was.`);
    }
    throw error;
  }
  const rows = Object.entries(report.rows).map(([table, count]) => `${table} ${count}`);
  console.log(
    `Re-sealed every sealed value with key ${report.keyId} (rows: ${rows.join(', ')}). ` +
      `The older keys in ${file} are no longer used and may be removed.`,
  );
} finally {
  await database.stop();
}

/** Whether the database records this key as the one its values are sealed with. */
async function keyOnRecord(databaseUrl: string, id: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM crypto_key WHERE key_id = $1', [id]);
    return rows.length > 0;
  } finally {
    await client.end();
  }
}
