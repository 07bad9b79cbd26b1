import { seedLargeNetwork } from '../apps/api/src/seed/large-network.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

describe('Seeding a large network for benchmarks (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('makes the shelters (a share bed by bed) and registers the residents sealed, reporting progress', async () => {
    const steps: string[] = [];
    const seeded = await seedLargeNetwork(
      app.app,
      { shelters: 20, residents: 450, bedsShare: 0.1 },
      (step, done, total) => steps.push(`${step} ${done}/${total}`),
    );
    expect(seeded.shelterIds).toHaveLength(20);
    expect(seeded.residents).toBe(450);
    expect(steps).toContain('shelters 20/20');
    expect(steps[steps.length - 1]).toBe('residents 450/450');
    const [counts] = await app.sql<{
      shelters: number;
      beds_mode: number;
      residents: number;
      boroughs: number;
    }>(
      `SELECT (SELECT count(*)::int FROM shelter) AS shelters,
              (SELECT count(*)::int FROM shelter WHERE tracking_mode = 'beds') AS beds_mode,
              (SELECT count(*)::int FROM resident) AS residents,
              (SELECT count(DISTINCT address_borough_code)::int FROM shelter) AS boroughs`,
    );
    expect(counts).toEqual({ shelters: 20, beds_mode: 2, residents: 450, boroughs: 16 });
    // Names are sealed like any other: the table holds no plaintext.
    const [{ plain }] = await app.sql<{ plain: number }>(
      `SELECT count(*)::int AS plain FROM resident r WHERE r::text ~ '(Pierre|Dorival|García) [0-9]+'`,
    );
    expect(plain).toBe(0);
    // Its recorder can never sign in.
    const [seedUser] = await app.sql<{ active: boolean; password_hash: string | null }>(
      `SELECT active, password_hash FROM app_user WHERE email = 'seed@albergue.invalid'`,
    );
    expect(seedUser).toEqual({ active: false, password_hash: null });
  });
});
