import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { type Keyring, KeyringError, subkey } from './keyring.js';

const VERSION = 'v1';

/** The stored form below, as a pattern JavaScript and PostgreSQL (`~`) read alike. */
export const SEALED_FORM = `^${VERSION}:[^:]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+:[A-Za-z0-9_-]*$`;

/**
 * Authenticated encryption (AES-256-GCM) of one field, bound to where it lives: the context
 * (`resident.name:<id>`) is authenticated data, so a sealed value copied to another row or
 * column fails to open instead of silently showing the wrong person's data.
 * Stored form: `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts).
 */
export class FieldCipher {
  private readonly seals = new Map<string, Buffer>();
  private readonly lookup: Buffer;
  private readonly indexKey: Buffer;

  constructor(private readonly ring: Keyring) {
    for (const [id, key] of ring.keys) {
      this.seals.set(id, subkey(key, 'seal'));
    }
    this.lookup = subkey(ring.keys.get(ring.currentId)!, 'lookup');
    this.indexKey = subkey(ring.keys.get(ring.currentId)!, 'index');
  }

  get currentKeyId(): string {
    return this.ring.currentId;
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.seals.get(this.ring.currentId)!, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
    return [VERSION, this.ring.currentId, ...parts].join(':');
  }

  open(sealed: string, context: string): string {
    const [version, id, iv, tag, body] = sealed.split(':');
    const key = this.seals.get(id);
    if (version !== VERSION || !key || !iv || !tag || body === undefined) {
      throw new KeyringError(`no key for a sealed value (key ${id ?? '?'})`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  /** The key a sealed value was made with. */
  static keyIdOf(sealed: string): string {
    return sealed.split(':')[1] ?? '';
  }

  /**
   * A keyed hash for exact look-ups (folio, document number, name with birth year): equal inputs
   * give equal hashes, but without the key nobody can test guesses against the table.
   */
  hash(kind: string, normalised: string): string {
    return createHmac('sha256', this.lookup)
      .update(`${kind}\u0000${normalised}`)
      .digest('base64url');
  }

  /**
   * A blind-index value of one searchable term (a name token, its sound): a keyed hash under its
   * own subkey, cut to 128 bits (collisions stay out of reach at any register's size, and the
   * index is a third smaller). Equal terms of one kind give equal values; nothing else shows.
   */
  index(kind: string, term: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${kind}\u0000${term}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}

/** Upper-case, accents and punctuation removed, spaces collapsed: "José  Pérez-Gómez" -> "JOSE PEREZ GOMEZ". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

export function normaliseDocument(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}
