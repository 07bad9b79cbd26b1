import { describe, expect, it } from '@jest/globals';
import { chooseEncoding } from './public-snapshot.js';

describe(chooseEncoding.name, () => {
  it('prefers brotli, then gzip, then none', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBe('identity');
    expect(chooseEncoding('deflate')).toBe('identity');
  });

  it('honours an encoding refused with q=0', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.0, gzip;q=0')).toBe('identity');
    expect(chooseEncoding('BR;q=0.5')).toBe('br');
  });
});
