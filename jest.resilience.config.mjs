import config from './jest.config.mjs';

const e2e = config.projects.find((project) => project.displayName === 'e2e');

/** `npm run test:resilience`: faults and hostile load against the real thing; minutes, not seconds. */
export default {
  testTimeout: 600_000,
  projects: [
    {
      ...e2e,
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
    },
  ],
};
