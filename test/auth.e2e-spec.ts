import { SessionsService } from '@albergue/auth';
import { AuditService } from '@albergue/audit';
import { createStaff } from '../clients/staff-accounts.js';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, staffAt } from './factories/staff.factory.js';
import {
  adminOf,
  graphql,
  type SignedIn,
  signIn,
  startTestApp,
  TEST_ADMIN,
  type TestApp,
} from './helpers/test-app.js';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id email } }';
const ME = '{ me { id email networkRole memberships { shelterId role } } }';

interface AuditRow {
  action: string;
  outcome: string;
  actor_id: string | null;
  target_id: string | null;
  shelter_id: string | null;
  detail: string | null;
  ip: string | null;
}

describe('Accounts and sessions (e2e)', () => {
  // These tests share one app, its admin and its audit log; each makes the accounts it signs in
  // with. The audit-log tests at the end read rows the tests before them wrote (logins, for the
  // filtered list and the CSV), so they run after them.
  let app: TestApp;
  let admin: SignedIn;

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    graphql<{ login: { id: string } }>(app.url, LOGIN, { input: { email, password } }, headers);

  const auditRows = (where: string, params: unknown[] = []) =>
    app.sql<AuditRow>(
      `SELECT action, outcome, actor_id, target_id, shelter_id, detail, ip FROM audit_entry WHERE ${where} ORDER BY id`,
      params,
    );

  /** Creates a user with a password through the admin's reset token, not yet signed in. */
  const newUser = async (
    email: string,
    password = 'correct horse battery staple',
    networkRole?: string,
  ) => {
    return createStaff(admin, app, { email, password, networkRole });
  };

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    admin = await adminOf(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('login', () => {
    it('sets an HttpOnly, SameSite session cookie (Secure only over https) and audits the login', async () => {
      await newUser('casey@test.example');
      const result = await login('Casey@Test.Example ', 'correct horse battery staple');
      expect(result.errors).toBeUndefined();
      const cookie = result.headers.get('set-cookie')!;
      expect(cookie).toMatch(
        /^albergue_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/,
      );
      const rows = await auditRows(`action = 'login' AND outcome = 'succeeded' AND actor_id = $1`, [
        result.data!.login.id,
      ]);
      expect(rows).toEqual([expect.objectContaining({ ip: '127.0.0.1' })]);
    });

    it('marks the cookie Secure behind an https proxy, and takes the address the proxy saw, not one the caller wrote', async () => {
      const proxied = await startTestApp({ TRUST_PROXY: '1' });
      try {
        await createStaff(await adminOf(proxied), proxied, {
          email: 'proxied@test.example',
          password: 'correct horse battery staple',
        });
        const result = await graphql(
          proxied.url,
          LOGIN,
          { input: { email: 'proxied@test.example', password: 'correct horse battery staple' } },
          {
            'x-forwarded-proto': 'https',
            'x-forwarded-for': '198.51.100.66, 203.0.113.9',
          },
        );
        expect(result.headers.get('set-cookie')).toMatch(/; Secure$/);
        const [row] = await proxied.sql<{ ip: string }>(
          `SELECT ip FROM audit_entry WHERE action = 'login' ORDER BY id DESC LIMIT 1`,
        );
        expect(row.ip).toBe('203.0.113.9');
      } finally {
        await proxied.close();
      }
    });

    it('answers a wrong password, an unknown account and an inactive account alike, and audits each', async () => {
      await newUser('known@test.example');
      const inactive = await newUser('inactive@test.example');
      await admin.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }',
        { id: inactive },
      );
      const answers = await Promise.all([
        login('known@test.example', 'not the password at all'),
        login('nobody@test.example', 'not the password at all'),
        login('inactive@test.example', 'correct horse battery staple'),
      ]);
      const shapes = answers.map((a) => ({
        data: a.data,
        errors: a.errors,
        cookie: a.headers.get('set-cookie'),
      }));
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
      expect(shapes[0].errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'LOGIN_FAILED',
      });
      const details = (await auditRows(`action = 'login' AND outcome = 'failed'`)).map(
        (r) => r.detail,
      );
      expect(details).toEqual(
        expect.arrayContaining(['wrong_password', 'unknown_account', 'inactive_account']),
      );
      expect(JSON.stringify(await auditRows('true'))).not.toContain('not the password');
    });

    it('locks an account after repeated failures, also when the attempts come as aliases in one request', async () => {
      const target = await newUser('target@test.example', 'the real passphrase here');
      const aliases = [1, 2, 3, 4, 5, 6]
        .map(
          (i) =>
            `a${i}: login(input: { email: "target@test.example", password: "guess number ${i}" }) { id }`,
        )
        .join(' ');
      const attempts = async () =>
        (
          await auditRows(`action = 'login' AND detail = 'wrong_password' AND target_id = $1`, [
            target,
          ])
        ).length;
      // graphql-js stops a mutation at the first failed non-null field; graphql-jit (used from a
      // query's second run on) goes on with the other aliases. Either way every try is counted and
      // no alias gets past the limit of 3.
      for (let request = 1; request <= 2; request += 1) {
        const burst = await app.gql(`mutation { ${aliases} }`);
        expect(burst.data).toBeNull();
        expect(burst.errors![0].extensions.reason).toBe('LOGIN_FAILED');
      }
      expect(await attempts()).toBe(3);
      // The right password is refused too while locked, with the same answer.
      const locked = await login('target@test.example', 'the real passphrase here');
      expect(locked.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'LOGIN_FAILED',
      });
      expect(await auditRows(`action = 'login' AND detail = 'locked'`)).not.toHaveLength(0);
      // Once the lock is over, the right password works.
      await app.sql(
        `UPDATE login_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '1 hour'`,
      );
      expect(
        (await login('target@test.example', 'the real passphrase here')).errors,
      ).toBeUndefined();
    });

    it('counts tries before checking them, so that concurrent requests cannot get past the limit', async () => {
      const target = await newUser('raced@test.example', 'a guarded passphrase');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login('raced@test.example', `parallel guess ${i}`)),
      );
      expect(answers.every((a) => a.errors![0].extensions.reason === 'LOGIN_FAILED')).toBe(true);
      const checked = await auditRows(
        `action = 'login' AND detail = 'wrong_password' AND target_id = $1`,
        [target],
      );
      expect(checked).toHaveLength(3);
      const refused = await auditRows(`action = 'login' AND detail = 'locked' AND target_id = $1`, [
        target,
      ]);
      expect(refused).toHaveLength(7);
    });

    it('locks an address that tries many accounts', async () => {
      const strict = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '3' });
      try {
        for (const email of ['a@x.example', 'b@x.example', 'c@x.example']) {
          await graphql(strict.url, LOGIN, { input: { email, password: 'whatever it is now' } });
        }
        const right = await graphql(strict.url, LOGIN, {
          input: { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
        });
        expect(right.errors![0].extensions.reason).toBe('LOGIN_FAILED');
      } finally {
        await strict.close();
      }
    });
  });

  describe('sessions', () => {
    it('me answers with the session, and logout ends it on the very next request', async () => {
      const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: await shelterFor(app) });
      const me = await volunteer.gql<{ me: { email: string; memberships: { role: string }[] } }>(
        ME,
      );
      expect(me.data!.me).toMatchObject({
        email: volunteer.email,
        memberships: [{ role: 'VOLUNTEER' }],
      });
      const out = await volunteer.gql<{ logout: boolean }>('mutation { logout }');
      expect(out.data!.logout).toBe(true);
      const after = await volunteer.gql(ME);
      expect(after.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_INVALID',
      });
    });

    it("an admin's end-all-sessions takes effect on the user's next request", async () => {
      const first = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: await shelterFor(app) });
      const second = await app.signIn(first.email, first.password);
      const ended = await admin.gql<{ endAllSessions: number }>(
        'mutation($id: ID!) { endAllSessions(userId: $id) }',
        { id: first.userId },
      );
      expect(ended.data!.endAllSessions).toBeGreaterThanOrEqual(2);
      for (const session of [first, second]) {
        expect((await session.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });

    it('ends after the idle timeout and after the absolute timeout, and expired sessions are purged', async () => {
      const idle = await networkUser(app, 'NETWORK_COORDINATOR');
      const old = await app.signIn(idle.email, idle.password);
      await app.sql(
        `UPDATE session SET last_seen_at = now() - interval '3 hours' WHERE user_id = $1 AND token_hash = (SELECT token_hash FROM session WHERE user_id = $1 ORDER BY created_at LIMIT 1)`,
        [idle.userId],
      );
      await app.sql(
        `UPDATE session SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND last_seen_at > now() - interval '1 hour'`,
        [old.userId],
      );
      expect((await idle.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await old.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await app.app.get(SessionsService).purgeExpired()).toBeGreaterThanOrEqual(2);
      const [{ n }] = await app.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM session WHERE user_id = $1',
        [idle.userId],
      );
      expect(n).toBe(0);
    });

    it('refuses malformed and unknown cookies with UNAUTHENTICATED, and audits the refusal', async () => {
      const refusals = async () =>
        (await auditRows(`action = 'me' AND outcome = 'denied' AND detail = 'session_invalid'`))
          .length;
      const before = await refusals();
      for (const cookie of [
        'albergue_session=not-a-token',
        `albergue_session=${'A'.repeat(43)}`,
        'albergue_session=a; albergue_session=b',
      ]) {
        const result = await graphql(app.url, ME, undefined, { cookie });
        expect(result.errors![0].extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: 'SESSION_INVALID',
        });
      }
      expect((await app.gql(ME)).errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'NOT_SIGNED_IN',
      });
      expect(await refusals()).toBe(before + 3);
    });

    it('a deactivated user loses their open session at once', async () => {
      await newUser('leaving@test.example');
      const leaving = await app.signIn('leaving@test.example', 'correct horse battery staple');
      await admin.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }',
        { id: leaving.userId },
      );
      expect((await leaving.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('passwords', () => {
    it('refuses short, common and email-like passwords', async () => {
      // The local part of the address is in the last one.
      const user = await staffAt(app, {
        role: 'COORDINATOR',
        shelterId: await shelterFor(app),
        email: 'coordinator@test.example',
      });
      for (const newPassword of [
        'short',
        'password1234',
        'Contraseña 123',
        'coordinator-secret-2026',
      ]) {
        const result = await user.gql(
          'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }',
          {
            input: { currentPassword: user.password, newPassword },
          },
        );
        expect(result.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason: 'WEAK_PASSWORD',
          fields: ['input.newPassword'],
        });
      }
    });

    it('a password change needs the current password and ends the other sessions only', async () => {
      await newUser('changer@test.example', 'first long passphrase');
      const here = await app.signIn('changer@test.example', 'first long passphrase');
      const elsewhere = await app.signIn('changer@test.example', 'first long passphrase');
      const wrong = await here.gql(
        'mutation { changePassword(input: { currentPassword: "nope nope nope", newPassword: "second long passphrase" }) }',
      );
      expect(wrong.errors![0].extensions.code).toBe('FORBIDDEN');
      const changed = await here.gql(
        'mutation { changePassword(input: { currentPassword: "first long passphrase", newPassword: "second long passphrase" }) }',
      );
      expect(changed.errors).toBeUndefined();
      expect((await here.gql(ME)).errors).toBeUndefined();
      expect((await elsewhere.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(
        signIn(app.url, 'changer@test.example', 'second long passphrase'),
      ).resolves.toBeDefined();
      const [{ hash }] = await app.sql<{ hash: string }>(
        `SELECT password_hash AS hash FROM app_user WHERE email = 'changer@test.example'`,
      );
      expect(hash).toMatch(/^\$argon2id\$/);
    });

    it('a password change voids reset tokens not yet used', async () => {
      const userId = await newUser('thorough@test.example', 'first careful phrase');
      const reset = await admin.gql<{ createPasswordReset: string }>(
        'mutation($id: ID!) { createPasswordReset(userId: $id) }',
        { id: userId },
      );
      const session = await app.signIn('thorough@test.example', 'first careful phrase');
      await session.gql(
        'mutation { changePassword(input: { currentPassword: "first careful phrase", newPassword: "second careful phrase" }) }',
      );
      const late = await app.gql(
        'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
        {
          input: { token: reset.data!.createPasswordReset, newPassword: 'attacker chosen phrase' },
        },
      );
      expect(late.errors![0].extensions.reason).toBe('TOKEN_INVALID');
    });

    it("an admin's reset token works once, and ends the user's sessions", async () => {
      const userId = await newUser('forgetful@test.example', 'old long passphrase');
      const session = await app.signIn('forgetful@test.example', 'old long passphrase');
      const reset = await admin.gql<{ createPasswordReset: string }>(
        'mutation($id: ID!) { createPasswordReset(userId: $id) }',
        { id: userId },
      );
      const token = reset.data!.createPasswordReset;
      const use = (newPassword: string) =>
        app.gql('mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }', {
          input: { token, newPassword },
        });
      expect((await use('new long passphrase')).errors).toBeUndefined();
      expect((await use('another long passphrase')).errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
      expect((await session.gql(ME)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const malformed = await app.gql(
        'mutation { resetPassword(input: { token: "abc", newPassword: "whatever long enough" }) }',
      );
      expect(malformed.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
    });
  });

  describe('audit log', () => {
    it('records mutations and refusals by id, never the values sent', async () => {
      const shelter = { id: await shelterFor(app) };
      const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelter.id });
      const denied = await volunteer.gql(
        'mutation($id: ID!) { updateShelter(id: $id, input: { name: "Nombre Secreto" }) { id } }',
        { id: shelter.id },
      );
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      const renamed = await admin.gql(
        'mutation($id: ID!) { updateShelter(id: $id, input: { name: "Nombre Nuevo" }) { id } }',
        { id: shelter.id },
      );
      expect(renamed.errors).toBeUndefined();
      const rows = await auditRows(`action = 'updateShelter'`);
      expect(rows).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          actor_id: volunteer.userId,
          shelter_id: shelter.id,
          detail: 'forbidden',
        }),
        expect.objectContaining({
          outcome: 'succeeded',
          actor_id: admin.userId,
          target_id: shelter.id,
          shelter_id: shelter.id,
        }),
      ]);
      expect(JSON.stringify(await auditRows('true'))).not.toMatch(/Nombre/);
    });

    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      await expect(app.sql(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(app.sql('DELETE FROM audit_entry')).rejects.toThrow(/append-only/);
      await expect(app.sql('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    });

    it('purges rows past retention, and the purge leaves its own row', async () => {
      await app.sql(`SELECT set_config('albergue.audit_purge', 'off', false)`);
      await app.sql(
        `INSERT INTO audit_entry (at, action, outcome) VALUES (now() - interval '800 days', 'ancient', 'succeeded')`,
      );
      const deleted = await app.app.get(AuditService).purge(730);
      expect(deleted).toBe(1);
      expect(await auditRows(`action = 'ancient'`)).toHaveLength(0);
      expect(
        await auditRows(`action = 'audit.purge' AND detail LIKE 'deleted 1 rows%'`),
      ).toHaveLength(1);
    });

    it('admins read it with filters, and export it as CSV', async () => {
      const list = await admin.gql<{ auditLog: { action: string; outcome: string }[] }>(
        '{ auditLog(action: "login", outcome: SUCCEEDED, first: 5) { action outcome actorId at } }',
      );
      expect(list.data!.auditLog.length).toBeGreaterThan(0);
      expect(
        list.data!.auditLog.every((row) => row.action === 'login' && row.outcome === 'SUCCEEDED'),
      ).toBe(true);
      const csv = await admin.gql<{ auditLogCsv: string }>(
        '{ auditLogCsv(action: "login", first: 3) }',
      );
      const lines = csv.data!.auditLogCsv.trim().split('\n');
      expect(lines[0]).toBe(
        'id,at,actorId,action,outcome,targetType,targetId,shelterId,detail,ip,requestId',
      );
      expect(lines.length).toBe(4);
    });
  });
});
