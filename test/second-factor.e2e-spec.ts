import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { createStaff } from '../clients/staff-accounts.js';
import { networkUser, staffAt } from './factories/staff.factory.js';
import { connect } from './helpers/sockets.js';
import { reportInput, shelterFor } from './factories/shelter.factory.js';
import {
  adminOf,
  type GraphQLClient,
  graphql,
  type SignedIn,
  startTestApp,
  type TestApp,
} from './helpers/test-app.js';

const PASSWORD = 'a second factor passphrase';

/** A code as an authenticator app shows it, made with the library the server uses, for `at`. */
function codeFor(secret: string, at = Date.now()): string {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).generate({ timestamp: at });
}

interface Session extends GraphQLClient {
  step: string;
  cookie: string;
}

describe('Second factor (e2e)', () => {
  let app: TestApp;
  let admin: SignedIn;

  /** Signs in with the password only, as a browser does, and keeps the cookie whatever is owed. */
  const passwordOnly = async (email: string, password = PASSWORD): Promise<Session> => {
    const result = await graphql<{ login: { secondFactor: string } }>(
      app.url,
      'mutation($input: LoginInput!) { login(input: $input) { id secondFactor } }',
      { input: { email, password } },
    );
    const cookie = result.headers.get('set-cookie')!.split(';')[0];
    return {
      cookie,
      step: result.data!.login.secondFactor,
      gql: (query, variables) => graphql(app.url, query, variables, { cookie }),
    };
  };

  const newAccount = async (networkRole?: string) => {
    const email = `sf-${Math.random().toString(36).slice(2, 10)}@test.example`;
    const id = await createStaff(admin, app, { email, password: PASSWORD, networkRole });
    return { id, email };
  };

  const reason = (result: { errors?: { extensions: { reason?: string } }[] }) =>
    result.errors?.[0]?.extensions.reason;

  /** Enrols through the API as a person does; returns the secret and the recovery codes. */
  const enrol = async (session: Session) => {
    const enrolled = await session.gql<{ enrolSecondFactor: { secret: string; uri: string } }>(
      'mutation { enrolSecondFactor { secret uri } }',
    );
    const secret = enrolled.data!.enrolSecondFactor.secret;
    expect(enrolled.data!.enrolSecondFactor.uri).toMatch(/^otpauth:\/\/totp\/Albergue:/);
    const confirmed = await session.gql<{ confirmEnrolment: string[] }>(
      'mutation($c: String!) { confirmEnrolment(input: { code: $c }) }',
      { c: codeFor(secret) },
    );
    return { secret, recoveryCodes: confirmed.data!.confirmEnrolment };
  };

  const verify = (session: Session, input: { code?: string; recoveryCode?: string }) =>
    session.gql<{ verifySecondFactor: { id: string } }>(
      'mutation($input: VerifySecondFactorInput!) { verifySecondFactor(input: $input) { id } }',
      { input },
    );

  const audit = (action: string, userId: string) =>
    app.sql<{ outcome: string; detail: string | null; actor_id: string }>(
      'SELECT outcome, detail, actor_id FROM audit_entry WHERE action = $1 AND target_id = $2 ORDER BY id',
      [action, userId],
    );

  beforeAll(async () => {
    app = await startTestApp({ LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    admin = await adminOf(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('makes a network role enrol at first sign-in; until then it reads no network data', async () => {
    const { id, email } = await newAccount('NETWORK_COORDINATOR');
    const session = await passwordOnly(email);
    expect(session.step).toBe('ENROL');
    const shelterId = await shelterFor(app, { sensitive: true });
    const refused = await session.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', {
      id: shelterId,
    });
    expect(reason(refused)).toBe('SECOND_FACTOR_ENROLMENT_REQUIRED');
    expect(refused.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(refused.errors![0].message).toMatch(/enrolSecondFactor/);
    // A verify step is not open to it (it has nothing to verify with).
    expect(reason(await verify(session, { code: '123456' }))).toBe(
      'SECOND_FACTOR_ENROLMENT_REQUIRED',
    );
    expect(
      ((await session.gql('{ me { secondFactor } }')).data as { me: { secondFactor: string } }).me
        .secondFactor,
    ).toBe('ENROL');

    const { secret, recoveryCodes } = await enrol(session);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(
      ((await session.gql('{ me { secondFactor } }')).data as { me: { secondFactor: string } }).me
        .secondFactor,
    ).toBe('NONE');

    // Neither the secret nor a recovery code is in the database as typed.
    const [stored] = await app.sql<{ secret_sealed: string; confirmed_at: Date | null }>(
      'SELECT secret_sealed, confirmed_at FROM second_factor WHERE user_id = $1',
      [id],
    );
    expect(stored.confirmed_at).not.toBeNull();
    expect(stored.secret_sealed).not.toContain(secret);
    const hashes = await app.sql<{ code_hash: string }>(
      'SELECT code_hash FROM recovery_code WHERE user_id = $1',
      [id],
    );
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) {
      expect(code_hash).toMatch(/^\$argon2id\$/);
      expect(recoveryCodes.some((code) => code_hash.includes(code.replace('-', '')))).toBe(false);
    }
    expect((await audit('enrolSecondFactor', id)).map((r) => r.detail)).toEqual(['started']);
    expect((await audit('confirmEnrolment', id)).map((r) => r.outcome)).toEqual(['succeeded']);

    // Enrolled: a second enrolment is refused, and sign-in now asks for a code.
    expect(reason(await session.gql('mutation { enrolSecondFactor { secret } }'))).toBe(
      'SECOND_FACTOR_ENROLLED',
    );
    const next = await passwordOnly(email);
    expect(next.step).toBe('REQUIRED');
    const owed = await next.gql('{ users { id } }');
    expect(reason(owed)).toBe('SECOND_FACTOR_REQUIRED');
    // A session that owes a code cannot enrol a new factor over the old one.
    expect(reason(await next.gql('mutation { enrolSecondFactor { secret } }'))).toBe(
      'SECOND_FACTOR_REQUIRED',
    );
    expect((await verify(next, { code: codeFor(secret, Date.now() + 30_000) })).data).toBeTruthy();
    const read = await next.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', {
      id: shelterId,
    });
    expect(read.errors).toBeUndefined();
  });

  it('keeps a session that owes its code off the staff socket until the code is given', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR', { password: PASSWORD });
    const session = await passwordOnly(person.email);
    await expect(connect(app.url, '/staff', { cookie: session.cookie })).rejects.toMatchObject({
      data: { code: 'UNAUTHENTICATED' },
    });
    expect(
      (await verify(session, { code: codeFor(person.totpSecret!, Date.now() + 30_000) })).errors,
    ).toBeUndefined();
    const socket = await connect(app.url, '/staff', { cookie: session.cookie });
    socket.socket.disconnect();
  });

  it('takes a code once: the same code in its window is refused, the next one is taken', async () => {
    const person = await networkUser(app, 'ADMIN', { password: PASSWORD });
    const secret = person.totpSecret!;
    const first = await passwordOnly(person.email);
    const second = await passwordOnly(person.email);
    // Both a step ahead of what the factory's sign-in used.
    const code = codeFor(secret, Date.now() + 30_000);
    expect((await verify(first, { code })).data).toBeTruthy();
    const replayed = await verify(second, { code });
    expect(reason(replayed)).toBe('SECOND_FACTOR_REPLAYED');
    expect(replayed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(replayed.errors![0].message).toMatch(/wait for the next code/);
    expect(reason(await second.gql('{ users { id } }'))).toBe('SECOND_FACTOR_REQUIRED');
    expect((await audit('verifySecondFactor', person.userId)).map((r) => r.detail)).toContain(
      'replayed_code',
    );
  });

  it('locks the step after five wrong codes in a row; the right code is then refused too', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR', { password: PASSWORD });
    const lastStep = () =>
      app
        .sql<{ last: number | null }>(
          'SELECT last_used_step AS last FROM second_factor WHERE user_id = $1',
          [person.userId],
        )
        .then(([row]) => row.last);
    const before = await lastStep();
    const session = await passwordOnly(person.email);
    const right = codeFor(person.totpSecret!, Date.now() + 30_000);
    const wrong = right === '000000' ? '111111' : '000000';
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 5; i += 1) {
      answers.push(reason(await verify(session, { code: wrong })));
    }
    expect(answers).toEqual([...Array(4).fill('SECOND_FACTOR_WRONG'), 'SECOND_FACTOR_LOCKED']);
    const locked = await verify(session, { code: right });
    expect(reason(locked)).toBe('SECOND_FACTOR_LOCKED');
    expect(locked.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(locked.errors![0].message).toMatch(/ask an admin/);
    // Nothing changed: the session still owes its code, and the right code was not spent.
    expect(
      ((await session.gql('{ me { secondFactor } }')).data as { me: { secondFactor: string } }).me
        .secondFactor,
    ).toBe('REQUIRED');
    expect(await lastStep()).toBe(before);
    // Recovery codes are locked out the same way.
    expect(reason(await verify(session, { recoveryCode: 'aaaaa-bbbbb' }))).toBe(
      'SECOND_FACTOR_LOCKED',
    );
    const wrongs = await audit('verifySecondFactor', person.userId);
    expect(wrongs.filter((r) => r.detail === 'wrong_code')).toHaveLength(5);
  });

  it('blocks the factor after twenty wrong codes in a day, right codes between or not, until an admin resets it', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR', { password: PASSWORD });
    const secret = person.totpSecret!;
    const lastStep = () =>
      app
        .sql<{ last: number | null }>(
          'SELECT last_used_step AS last FROM second_factor WHERE user_id = $1',
          [person.userId],
        )
        .then(([row]) => row.last);
    let session = await passwordOnly(person.email);
    const right = codeFor(secret, Date.now() + 30_000);
    const wrong = right === '000000' ? '111111' : '000000';
    const answers: (string | undefined)[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      // Four at a time, under the five-in-a-row lock; recovery codes count as much as codes.
      for (let i = 0; i < 4; i += 1) {
        answers.push(
          reason(
            await verify(session, batch === 1 ? { recoveryCode: 'aaaaa-bbbbb' } : { code: wrong }),
          ),
        );
      }
      if (batch === 2) {
        // A right code in between gives the day's wrong codes back no more than the pause does.
        expect((await verify(session, { code: right })).errors).toBeUndefined();
        session = await passwordOnly(person.email);
      }
      // The short pause (LOGIN_LOCKOUT) is over, as it would be after waiting.
      await app.sql('DELETE FROM login_throttle WHERE key = $1', [
        `second-factor:${person.userId}`,
      ]);
    }
    expect(answers).toEqual([...Array(19).fill('SECOND_FACTOR_WRONG'), 'SECOND_FACTOR_BLOCKED']);
    // The session that owed the step has ended; signing in again meets the block, whatever is typed.
    expect(reason(await session.gql('{ me { id } }'))).toBe('SESSION_INVALID');
    const before = await lastStep();
    const again = await passwordOnly(person.email);
    expect(again.step).toBe('REQUIRED');
    const blocked = await verify(again, { code: codeFor(secret) });
    expect(reason(blocked)).toBe('SECOND_FACTOR_BLOCKED');
    expect(blocked.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(blocked.errors![0].message).toMatch(/until an admin resets it/);
    expect(await lastStep()).toBe(before);
    expect(reason(await again.gql('{ me { id } }'))).toBe('SESSION_INVALID');
    const denied = await audit('secondFactor', person.userId);
    expect(denied.filter((r) => r.detail === 'blocked_until_reset')).toHaveLength(2);
    // An admin's reset lifts it: the next sign-in enrols afresh.
    await admin.gql('mutation($id: ID!) { resetSecondFactor(userId: $id) }', { id: person.userId });
    expect((await passwordOnly(person.email)).step).toBe('ENROL');
  });

  it('confirms only the secret the code was checked against, not one swapped in meanwhile', async () => {
    const { id, email } = await newAccount('NETWORK_COORDINATOR');
    const session = await passwordOnly(email);
    const enrolled = await session.gql<{ enrolSecondFactor: { secret: string } }>(
      'mutation { enrolSecondFactor { secret } }',
    );
    const secret = enrolled.data!.enrolSecondFactor.secret;
    // Another request replaces the secret while this confirmation is between its check and its
    // update: held here by a transaction that swaps the secret and commits once the
    // confirmation waits on the row.
    const swap = app.app.get(DataSource).createQueryRunner();
    await swap.connect();
    await swap.startTransaction();
    await swap.query("UPDATE second_factor SET secret_sealed = 'swapped' WHERE user_id = $1", [id]);
    const confirming = session.gql(
      'mutation($c: String!) { confirmEnrolment(input: { code: $c }) }',
      {
        c: codeFor(secret),
      },
    );
    for (let waited = 0; ; waited += 1) {
      const waiting = await app.sql(
        "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%second_factor%'",
      );
      if (waiting.length > 0 || waited > 200) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await swap.commitTransaction();
    await swap.release();
    const confirmed = await confirming;
    expect(reason(confirmed)).toBe('SECOND_FACTOR_NOT_PENDING');
    expect(confirmed.errors![0].message).toMatch(/newest secret/);
    const [row] = await app.sql<{ confirmed_at: Date | null }>(
      'SELECT confirmed_at FROM second_factor WHERE user_id = $1',
      [id],
    );
    expect(row.confirmed_at).toBeNull();
    expect((await audit('confirmEnrolment', id)).map((r) => r.detail)).toEqual(['secret_changed']);
  });

  it('audits the refusals made before any code is checked, with their reason', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR', { password: PASSWORD });
    const denied = async (action: string) =>
      (await audit(action, person.userId))
        .filter((r) => r.outcome === 'denied')
        .map((r) => r.detail);
    expect(reason(await person.gql('mutation { enrolSecondFactor { secret } }'))).toBe(
      'SECOND_FACTOR_ENROLLED',
    );
    expect(
      reason(await person.gql('mutation { confirmEnrolment(input: { code: "123456" }) }')),
    ).toBe('SECOND_FACTOR_NOT_PENDING');
    const signedIn = await person.gql(
      'mutation { verifySecondFactor(input: { code: "123456" }) { id } }',
    );
    expect(reason(signedIn)).toBe('SECOND_FACTOR_NOT_PENDING');
    const owed = await passwordOnly(person.email);
    expect(reason(await verify(owed, { code: '123456', recoveryCode: 'aaaaa-bbbbb' }))).toBe(
      'SECOND_FACTOR_WRONG',
    );
    expect(await denied('enrolSecondFactor')).toEqual(['enrolled_already']);
    expect(await denied('confirmEnrolment')).toEqual(['confirmed_already']);
    expect(await denied('verifySecondFactor')).toEqual(['no_code_owed', 'code_xor_recovery_code']);
  });

  it('takes each recovery code once, and audits its use', async () => {
    const { id, email } = await newAccount('ADMIN');
    const { recoveryCodes } = await enrol(await passwordOnly(email));
    const first = await passwordOnly(email);
    // As typed from paper: upper case, with spaces.
    const typed = recoveryCodes[3].toUpperCase().replace('-', ' ');
    expect((await verify(first, { recoveryCode: typed })).data).toBeTruthy();
    expect(reason(await first.gql('{ users { id } }'))).toBeUndefined();
    const again = await passwordOnly(email);
    expect(reason(await verify(again, { recoveryCode: recoveryCodes[3] }))).toBe(
      'SECOND_FACTOR_WRONG',
    );
    expect((await verify(again, { recoveryCode: recoveryCodes[4] })).data).toBeTruthy();
    const used = await audit('useRecoveryCode', id);
    expect(used.map((r) => [r.outcome, r.detail])).toEqual([
      ['succeeded', 'left:9'],
      ['failed', 'wrong_recovery_code'],
      ['succeeded', 'left:8'],
    ]);
    const left = await app.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM recovery_code WHERE user_id = $1 AND used_at IS NULL',
      [id],
    );
    expect(left[0].n).toBe(8);
  });

  it('lets an admin reset a lost second factor: sessions end, the next sign-in enrols again', async () => {
    const person = await networkUser(app, 'NETWORK_COORDINATOR', { password: PASSWORD });
    expect(reason(await person.gql('{ me { id } }'))).toBeUndefined();
    const reset = await admin.gql<{ resetSecondFactor: boolean }>(
      'mutation($id: ID!) { resetSecondFactor(userId: $id) }',
      { id: person.userId },
    );
    expect(reset.data!.resetSecondFactor).toBe(true);
    expect(reason(await person.gql('{ me { id } }'))).toBe('SESSION_INVALID');
    expect((await passwordOnly(person.email)).step).toBe('ENROL');
    const rows = await audit('resetSecondFactor', person.userId);
    expect(rows).toEqual([{ outcome: 'succeeded', detail: null, actor_id: admin.userId }]);
    expect(
      await app.sql('SELECT 1 FROM recovery_code WHERE user_id = $1', [person.userId]),
    ).toEqual([]);
  });

  describe('a session that gave no code', () => {
    const promote = (id: string) =>
      admin.gql(
        'mutation($id: ID!) { updateUser(id: $id, input: { networkRole: NETWORK_COORDINATOR }) { id } }',
        {
          id,
        },
      );

    it('promoted mid-session then enrols elsewhere: the old session is refused', async () => {
      const shelterId = await shelterFor(app, { sensitive: true });
      const { id, email } = await newAccount();
      const shared = await passwordOnly(email); // the shared PC
      expect(shared.step).toBe('NONE');
      expect((await promote(id)).errors).toBeUndefined();
      const phone = await passwordOnly(email);
      expect(phone.step).toBe('ENROL');
      await enrol(phone);
      expect(
        (await phone.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', { id: shelterId }))
          .errors,
      ).toBeUndefined();
      // The shared PC never gave a code: it reads nothing and does not join the network room.
      const read = await shared.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', {
        id: shelterId,
      });
      expect(read.data).toBeNull();
      expect(read.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(connect(app.url, '/staff', { cookie: shared.cookie })).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
    });

    it('another session confirms: the old session is ended, and a survivor owes its code', async () => {
      const shelterId = await shelterFor(app, { sensitive: true });
      const { id, email } = await newAccount('NETWORK_COORDINATOR');
      const old = await passwordOnly(email);
      expect(old.step).toBe('ENROL');
      const [oldRow] = await app.sql<Record<string, unknown>>(
        'SELECT * FROM session WHERE user_id = $1',
        [id],
      );
      const { secret } = await enrol(await passwordOnly(email));
      expect(reason(await old.gql('{ me { id } }'))).toBe('SESSION_INVALID');
      // Were it still there (a session from before this rule, say), it still owes a code of its own.
      await app.sql(
        `INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, now(), $4)`,
        [oldRow.token_hash, id, oldRow.created_at, oldRow.expires_at],
      );
      const refused = await old.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', {
        id: shelterId,
      });
      expect(reason(refused)).toBe('SECOND_FACTOR_REQUIRED');
      await expect(connect(app.url, '/staff', { cookie: old.cookie })).rejects.toMatchObject({
        data: { code: 'UNAUTHENTICATED' },
      });
      expect(
        (await verify(old, { code: codeFor(secret, Date.now() + 30_000) })).errors,
      ).toBeUndefined();
      expect(
        (await old.gql('query($id: ID!) { networkShelter(id: $id) { lat } }', { id: shelterId }))
          .errors,
      ).toBeUndefined();
    });
  });

  it('is optional for shelter roles: none asked, and once enrolled it is asked', async () => {
    const shelterId = await shelterFor(app);
    const volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId, password: PASSWORD });
    expect(volunteer.totpSecret).toBeUndefined();
    const session = await passwordOnly(volunteer.email);
    expect(session.step).toBe('NONE');
    const { secret } = await enrol(session);
    const next = await passwordOnly(volunteer.email);
    expect(next.step).toBe('REQUIRED');
    expect(
      reason(await verify(next, { code: codeFor(secret, Date.now() + 30_000) })),
    ).toBeUndefined();
  });

  it('refuses bad input with a typed error and changes nothing', async () => {
    const person = await networkUser(app, 'ADMIN', { password: PASSWORD });
    const session = await passwordOnly(person.email);
    const both = await verify(session, { code: '123456', recoveryCode: 'aaaaa-bbbbb' });
    expect(both.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const letters = await verify(session, { code: 'abcdef' });
    expect(letters.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(letters.errors![0].extensions.fields).toEqual(['input.code']);
    expect(
      ((await session.gql('{ me { secondFactor } }')).data as { me: { secondFactor: string } }).me
        .secondFactor,
    ).toBe('REQUIRED');
  });

  describe('sensitive shelters', () => {
    const DETAIL = `query($id: ID!) { networkShelter(id: $id) {
      id sensitive lat lng address { street postalCode }
      availability { freeBeds totalBeds byPopulation { population freeBeds totalBeds } }
      capacity { population totalBeds overflowTotal } } }`;
    const PUBLIC = `query($id: ID!) { shelter(id: $id) {
      location { lat lng approximate } address { street postalCode }
      availability { band freeBeds totalBeds byPopulation { freeBeds totalBeds } } } }`;
    let shelterId: string;

    beforeAll(async () => {
      shelterId = await shelterFor(app, {
        sensitive: true,
        name: 'Refugio (sensible)',
        location: { lat: 19.41, lng: -99.15 },
        address: { street: 'Calle Secreta 12', postalCode: '06700', city: 'Ciudad de México' },
        capacity: [{ population: 'WOMEN', totalBeds: 12 }],
      });
      const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
      const reported = await coordinator.gql(
        'mutation($input: ReportAvailabilityInput!) { reportAvailability(input: $input) { id } }',
        {
          input: await reportInput(coordinator, shelterId, [{ population: 'WOMEN', freeBeds: 7 }]),
        },
      );
      expect(reported.errors).toBeUndefined();
    });

    it('shows network roles the door and exact counts after their second factor, audited', async () => {
      const network = await networkUser(app, 'NETWORK_COORDINATOR');
      const detail = await network.gql<{
        networkShelter: {
          lat: number;
          address: { street: string };
          availability: { freeBeds: number; totalBeds: number };
        };
      }>(DETAIL, { id: shelterId });
      expect(detail.errors).toBeUndefined();
      expect(detail.data!.networkShelter).toMatchObject({
        sensitive: true,
        lat: 19.41,
        lng: -99.15,
        address: { street: 'Calle Secreta 12', postalCode: '06700' },
        availability: {
          freeBeds: 7,
          totalBeds: 12,
          byPopulation: [{ population: 'WOMEN', freeBeds: 7, totalBeds: 12 }],
        },
        capacity: [{ population: 'WOMEN', totalBeds: 12, overflowTotal: 0 }],
      });
      const rows = await app.sql<{ actor_id: string; shelter_id: string; detail: string }>(
        "SELECT actor_id, shelter_id, detail FROM audit_entry WHERE action = 'networkShelter' AND actor_id = $1",
        [network.userId],
      );
      expect(rows).toEqual([
        { actor_id: network.userId, shelter_id: shelterId, detail: 'sensitive' },
      ]);
    });

    it('shows them nothing before the second factor, and shelter staff never', async () => {
      const network = await networkUser(app, 'ADMIN', { password: PASSWORD });
      const owed = await passwordOnly(network.email);
      expect(reason(await owed.gql(DETAIL, { id: shelterId }))).toBe('SECOND_FACTOR_REQUIRED');
      const coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
      const refused = await coordinator.gql(DETAIL, { id: shelterId });
      expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
      expect(
        await app.sql(
          "SELECT 1 FROM audit_entry WHERE action = 'networkShelter' AND outcome = 'succeeded' AND actor_id = ANY($1)",
          [[network.userId, coordinator.userId]],
        ),
      ).toEqual([]);
    });

    it('leaves the public answer as it was, for everyone who asks it', async () => {
      const network = await networkUser(app, 'NETWORK_COORDINATOR');
      const anonymousAnswer = await app.gql<{ shelter: unknown }>(PUBLIC, { id: shelterId });
      const networkAnswer = await network.gql<{ shelter: unknown }>(PUBLIC, { id: shelterId });
      expect(networkAnswer.data).toEqual(anonymousAnswer.data);
      expect(anonymousAnswer.data!.shelter).toMatchObject({
        location: { approximate: true },
        address: { street: null, postalCode: null },
        availability: {
          freeBeds: null,
          totalBeds: null,
          byPopulation: [{ freeBeds: null, totalBeds: null }],
        },
      });
      const text = JSON.stringify(anonymousAnswer.data);
      expect(text).not.toContain('Calle Secreta');
      expect(text).not.toContain('-99.15,');
    });
  });
});
