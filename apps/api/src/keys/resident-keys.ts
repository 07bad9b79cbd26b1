import { existsSync } from 'node:fs';
import { open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Keyring, newKey, parseKeyring, serialiseKeyring } from '@albergue/vault';
import pg from 'pg';
import type { AppConfig } from '../config/config.schema.js';

export class KeyError extends Error {}

type KeyConfig = Pick<AppConfig, 'RESIDENT_KEY' | 'RESIDENT_KEY_FILE' | 'DATA_DIR' | 'NODE_ENV'>;

/** Where the key file is: RESIDENT_KEY_FILE, or outside production a file in DATA_DIR. */
export function keyFilePath(config: KeyConfig): string {
  if (config.RESIDENT_KEY_FILE) {
    return path.resolve(config.RESIDENT_KEY_FILE);
  }
  if (config.NODE_ENV === 'production') {
    throw new KeyError(
      'RESIDENT_KEY or RESIDENT_KEY_FILE must be set in production (a key file outside DATA_DIR).',
    );
  }
  return path.resolve(config.DATA_DIR, 'resident.key');
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/** Replaces a key file in one step (a crash leaves the old file or the new one, never half of one). */
export async function replaceKeyFile(file: string, ring: Keyring): Promise<void> {
  await replaceKeyFileText(file, serialiseKeyring(ring));
}

/** Puts a key file's earlier text back, as replaceKeyFile writes (one step, owner-only). */
export async function replaceKeyFileText(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
}

async function knownKeyIds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ key_id: string }>(
    'SELECT key_id FROM crypto_key ORDER BY created_at',
  );
  return rows.map((row) => row.key_id);
}

/**
 * The keys that seal residents' identifying fields, from RESIDENT_KEY, RESIDENT_KEY_FILE or (not
 * in production) a key file made in DATA_DIR on first start, readable by its owner only and never
 * inside the database, so that a database backup never holds it. A start is refused when the
 * database holds data sealed with a key that is not at hand, rather than failing on the first read.
 */
export async function loadResidentKeys(
  config: KeyConfig,
  databaseUrl: string,
  log: (line: string) => void,
): Promise<Keyring> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const known = await knownKeyIds(client);
    let text: string;
    if (config.RESIDENT_KEY) {
      text = config.RESIDENT_KEY;
    } else {
      const file = keyFilePath(config);
      if (config.NODE_ENV === 'production' && isInside(path.resolve(config.DATA_DIR), file)) {
        throw new KeyError(
          'RESIDENT_KEY_FILE must be outside DATA_DIR in production, so that a copy of the data does not carry its key.',
        );
      }
      if (existsSync(file)) {
        text = await readFile(file, 'utf8');
      } else if (known.length > 0) {
        throw new KeyError(
          `The resident data key file ${file} is missing, but this database holds data sealed with key ${known.join(', ')}. Restore the key file; refusing to start.`,
        );
      } else if (config.RESIDENT_KEY_FILE) {
        throw new KeyError(`RESIDENT_KEY_FILE ${file} does not exist.`);
      } else {
        const created = parseKeyring(newKey().toString('base64'));
        // 'wx': two instances starting at once cannot each write a different key.
        await writeFile(file, serialiseKeyring(created), { mode: 0o600, flag: 'wx' });
        log(
          `created the resident data key ${file} (owner-only): back it up apart from the database; without it the residents' data cannot be read`,
        );
        text = await readFile(file, 'utf8');
      }
    }
    const ring = parseKeyring(text);
    const missing = known.filter((id) => !ring.keys.has(id));
    if (missing.length > 0) {
      throw new KeyError(
        `This database holds data sealed with key ${missing.join(', ')}, which the configured keys do not include; refusing to start.`,
      );
    }
    await client.query('INSERT INTO crypto_key (key_id) VALUES ($1) ON CONFLICT DO NOTHING', [
      ring.currentId,
    ]);
    return ring;
  } finally {
    await client.end();
  }
}
