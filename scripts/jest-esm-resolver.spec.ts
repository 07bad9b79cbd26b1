import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
type Options = { defaultResolver: (request: string) => string; conditions?: string[] };
const resolver = require('./jest-esm-resolver.cjs') as ((
  request: string,
  options: Options,
) => string) & {
  isEsm: (file: string) => boolean;
};
const modules = path.resolve('node_modules');
// Paths by hand: inside Jest, require.resolve itself goes through this resolver.
const cookie = path.join(modules, 'cookie/dist/index.js');
const contentDisposition = path.join(modules, 'content-disposition/dist/index.js');

describe('jest-esm-resolver', () => {
  it('recognises the ESM-only packages that CommonJS code in our tree requires', () => {
    expect(resolver.isEsm(cookie)).toBe(true);
    expect(resolver.isEsm(contentDisposition)).toBe(true);
  });

  it('leaves CommonJS packages and our own sources alone', () => {
    expect(resolver.isEsm(path.join(modules, 'pg/lib/index.js'))).toBe(false);
    expect(resolver.isEsm(path.resolve('libs/common/src/index.js'))).toBe(false);
  });

  it('hands a require() of an ESM-only package a working CommonJS bundle, and an import the original', () => {
    const required = resolver('cookie', {
      defaultResolver: () => cookie,
      conditions: ['require', 'default'],
    });
    expect(required).toMatch(/\.cache\/jest-cjs\/[0-9a-f]+\.cjs$/);
    const bundle = require(required) as { parseCookie?: unknown; parse?: unknown };
    expect(typeof (bundle.parseCookie ?? bundle.parse)).toBe('function');
    expect(
      resolver('cookie', { defaultResolver: () => cookie, conditions: ['import', 'default'] }),
    ).toBe(cookie);
  });
});
