import { createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The keys that protect every sealed field, of every lib. A key file holds one base64 key (32
 * bytes) per line; the last line is the current key, earlier lines are older keys kept until a
 * rotation has re-encrypted everything with the current one. A key's id is a fingerprint of it,
 * so a value names the key that sealed it without revealing it.
 */
export interface Keyring {
  currentId: string;
  /** id -> key material (32 bytes). */
  keys: Map<string, Buffer>;
}

export class KeyringError extends Error {}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('albergue-key-id').update(key).digest('hex').slice(0, 12);
}

export function parseKeyring(text: string): Keyring {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (lines.length === 0) {
    throw new KeyringError('the key file holds no key');
  }
  const keys = new Map<string, Buffer>();
  let currentId = '';
  for (const line of lines) {
    const key = Buffer.from(line, 'base64');
    if (key.length !== 32 || key.toString('base64') !== line) {
      throw new KeyringError('each key must be 32 bytes in base64, one per line');
    }
    currentId = keyId(key);
    keys.set(currentId, key);
  }
  return { currentId, keys };
}

export function serialiseKeyring(ring: Keyring): string {
  const others = [...ring.keys.entries()]
    .filter(([id]) => id !== ring.currentId)
    .map(([, key]) => key);
  const lines = [...others, ring.keys.get(ring.currentId)!].map((key) => key.toString('base64'));
  return `# Albergue resident data keys: the last line is the current key. Keep this file out of backups of the database.\n${lines.join('\n')}\n`;
}

export function newKey(): Buffer {
  return randomBytes(32);
}

/**
 * Separate subkeys derived from one key: sealing, exact look-up hashes, and the blind indexes of
 * searchable parts (name tokens), so that no value of one kind can be compared with another's.
 */
export function subkey(key: Buffer, purpose: 'seal' | 'lookup' | 'index'): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `albergue-${purpose}`, 32));
}
