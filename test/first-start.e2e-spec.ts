import { captureLogs } from './helpers/log-capture.js';
import { NO_ADMIN, signIn, startTestApp } from './helpers/test-app.js';

const SETUP = `mutation($input: CompleteSetupInput!) { completeSetup(input: $input) { id email networkRole } }`;

// About first starts, with no admin yet (NO_ADMIN: not the test apps' TEST_ADMIN), and about the
// demo accounts: the last two start the demo network because they are about it.
describe('First start (e2e)', () => {
  it('with no account and no ADMIN_EMAIL, prints a one-time setup token that creates the first admin, once', async () => {
    const logs = captureLogs();
    const app = await startTestApp(NO_ADMIN, logs.logger);
    try {
      const line = logs.lines.find((l) => l.includes('setup token'))!;
      const token = /token \(valid 7 days\): ([A-Za-z0-9_-]{43})/.exec(line)![1];
      const input = {
        token,
        email: 'Coordinadora@Red.example',
        displayName: 'Primera admin',
        password: 'una frase larga y propia',
      };
      const weak = await app.gql(SETUP, { input: { ...input, password: 'password1234' } });
      expect(weak.errors![0].extensions.reason).toBe('WEAK_PASSWORD');
      const done = await app.gql<{ completeSetup: { email: string; networkRole: string } }>(SETUP, {
        input,
      });
      expect(done.data!.completeSetup).toMatchObject({
        email: 'coordinadora@red.example',
        networkRole: 'ADMIN',
      });
      const again = await app.gql(SETUP, { input: { ...input, email: 'other@red.example' } });
      expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SETUP_DONE' });
      await expect(
        signIn(app.url, 'coordinadora@red.example', input.password),
      ).resolves.toBeDefined();
    } finally {
      await app.close();
    }
  });

  it('creates the first admin from ADMIN_EMAIL and ADMIN_PASSWORD, and says how to sign in', async () => {
    const logs = captureLogs();
    const app = await startTestApp(
      {
        DEMO_DATA: 'false',
        ADMIN_EMAIL: 'boss@red.example',
        ADMIN_PASSWORD: 'una frase larga y propia',
        ADMIN_TOTP_SECRET: '',
      },
      logs.logger,
    );
    try {
      expect(logs.lines.some((l) => l.includes('First admin created from ADMIN_EMAIL'))).toBe(true);
      expect(logs.lines.join('')).not.toContain('una frase larga');
      expect(logs.lines.some((l) => l.includes('then set up a second factor'))).toBe(true);
      // The first sign-in owes enrolment (signIn enrols, as the person would with an app).
      const admin = await signIn(app.url, 'boss@red.example', 'una frase larga y propia');
      expect(admin.totpSecret).toBeDefined();
      const me = await admin.gql<{ me: { networkRole: string } }>('{ me { networkRole } }');
      expect(me.data!.me.networkRole).toBe('ADMIN');
    } finally {
      await app.close();
    }
  });

  it('turns off the demo accounts when a demo database is started in production', async () => {
    const demo = await startTestApp({ DEMO_DATA: 'true' });
    const databaseUrl = demo.databaseUrl;
    await demo.close();
    const logs = captureLogs();
    const production = await startTestApp(
      { NODE_ENV: 'production', DATABASE_URL: databaseUrl, ...NO_ADMIN },
      logs.logger,
    );
    try {
      const login = await production.gql(
        'mutation { login(input: { email: "admin@demo.example", password: "demo-albergue-2026" }) { id } }',
      );
      expect(login.errors![0].extensions.reason).toBe('LOGIN_FAILED');
      expect(
        logs.lines.some((l) => l.includes('demo accounts (published password) deactivated')),
      ).toBe(true);
      expect(logs.lines.some((l) => l.includes('setup token'))).toBe(true);
    } finally {
      await production.close();
    }
    // Two starts, the first loading the whole demo network: a watchdog for a hang, not a
    // measure of speed (that is the benchmarks' job).
  }, 90_000);

  it('never creates the demo accounts when NODE_ENV=production, even with demo data', async () => {
    const logs = captureLogs();
    const app = await startTestApp(
      { NODE_ENV: 'production', DEMO_DATA: 'true', ...NO_ADMIN },
      logs.logger,
    );
    try {
      const [{ n }] = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM app_user');
      expect(n).toBe(0);
      const [{ residents }] = await app.sql<{ residents: number }>(
        'SELECT count(*)::int AS residents FROM resident',
      );
      expect(residents).toBe(0);
      expect(logs.lines.some((l) => l.includes('setup token'))).toBe(true);
      const shelters = await app.gql<{ shelters: unknown[] }>('{ shelters(first: 1000) { id } }');
      expect(shelters.data!.shelters).toHaveLength(40);
    } finally {
      await app.close();
    }
  });
});
