import { FieldCipher, normaliseDocument, normaliseName } from './field-cipher.js';
import { keyId, newKey, parseKeyring, serialiseKeyring } from './keyring.js';

const ring = (...keys: Buffer[]) => parseKeyring(keys.map((k) => k.toString('base64')).join('\n'));

describe(FieldCipher.name, () => {
  const key = newKey();
  const sut = new FieldCipher(ring(key));

  it('seals and opens a value in its context, naming the key, never showing the plain text', () => {
    const sealed = sut.seal('María José Pérez', 'resident.name:1');
    expect(sealed).toMatch(new RegExp(`^v1:${keyId(key)}:`));
    expect(sealed).not.toContain('María');
    expect(sut.open(sealed, 'resident.name:1')).toBe('María José Pérez');
    expect(sut.seal('same', 'c')).not.toBe(sut.seal('same', 'c'));
  });

  it('refuses a value moved to another row or column, or tampered with', () => {
    const sealed = sut.seal('5512345678', 'resident.phone:1');
    expect(() => sut.open(sealed, 'resident.phone:2')).toThrow();
    expect(() => sut.open(sealed, 'resident.notes:1')).toThrow();
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => sut.open(parts.join(':'), 'resident.phone:1')).toThrow();
  });

  it('opens values of older keys in the ring, and seals with the current one', () => {
    const old = newKey();
    const before = new FieldCipher(ring(old)).seal('Folio 123', 'x');
    const rotated = new FieldCipher(ring(old, key));
    expect(rotated.open(before, 'x')).toBe('Folio 123');
    expect(FieldCipher.keyIdOf(rotated.seal('y', 'x'))).toBe(keyId(key));
    expect(() => new FieldCipher(ring(key)).open(before, 'x')).toThrow(/no key/);
  });

  it('hashes for look-up: equal for equal input and key, different across kinds and keys', () => {
    expect(sut.hash('folio', 'ABC123')).toBe(sut.hash('folio', 'ABC123'));
    expect(sut.hash('folio', 'ABC123')).not.toBe(sut.hash('passport', 'ABC123'));
    expect(new FieldCipher(ring(newKey())).hash('folio', 'ABC123')).not.toBe(
      sut.hash('folio', 'ABC123'),
    );
  });
});

describe('blind indexes', () => {
  const key = newKey();
  const sut = new FieldCipher(ring(key));

  it('gives equal terms equal 128-bit values, apart by kind, key and from look-up hashes', () => {
    expect(sut.index('TOKEN', 'maria')).toBe(sut.index('TOKEN', 'maria'));
    expect(sut.index('TOKEN', 'maria')).toMatch(/^[\w-]{22}$/);
    expect(sut.index('TOKEN', 'maria')).not.toBe(sut.index('PHONETIC', 'maria'));
    expect(sut.index('TOKEN', 'maria')).not.toBe(sut.hash('TOKEN', 'maria').slice(0, 22));
    expect(new FieldCipher(ring(newKey())).index('TOKEN', 'maria')).not.toBe(
      sut.index('TOKEN', 'maria'),
    );
  });
});

describe('keyring files', () => {
  it('round-trips, the last key being current', () => {
    const [a, b] = [newKey(), newKey()];
    const parsed = parseKeyring(serialiseKeyring(ring(a, b)));
    expect(parsed.currentId).toBe(keyId(b));
    expect([...parsed.keys.keys()]).toEqual([keyId(a), keyId(b)]);
  });

  it('refuses a file without a proper key', () => {
    expect(() => parseKeyring('# nothing\n')).toThrow(/no key/);
    expect(() => parseKeyring('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});

describe('normalising for look-ups', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseName('  José  Pérez-Gómez ')).toBe('JOSE PEREZ GOMEZ');
    expect(normaliseDocument('mx-12.345/ab')).toBe('MX12345AB');
  });
});
