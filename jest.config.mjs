import { swcOptions } from './scripts/swc-options.mjs';

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  // Sources import siblings as `./x.js` (Node ESM); Jest finds them as `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  resolver: '<rootDir>/scripts/jest-esm-resolver.cjs',
  testEnvironment: 'node',
};

export default {
  // Real PostgreSQL, real HTTP and a real browser: a slow CI machine needs more than 5 s. (A
  // global option: Jest ignores it inside a project.)
  testTimeout: 30_000,
  // A test process is replaced once it holds more than this after a spec file: the ESM module
  // registry (experimental-vm-modules) keeps each file's modules, and one process running all
  // 156 files in band ran out of its 4 GB heap at file 137 (a 2-core CI machine, 2026-11-29).
  // Setting it also makes Jest run the files in a worker even with one core.
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.mjs',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.mjs',
    },
  ],
};
