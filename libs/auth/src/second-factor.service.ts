import { randomInt } from 'node:crypto';
import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import { Vault, VaultRegistry } from '@albergue/vault';
import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { checkPassword, hashPassword } from './passwords.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { SecondFactor } from './second-factor.entity.js';
import type { SecondFactorPending } from './session.entity.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';

/** The vault field of TOTP secrets (bound to the user id). */
const SECRET_FIELD = 'second_factor.secret';
/** Wrong codes in a row (TOTP or recovery) before the step locks for LOGIN_LOCKOUT. */
export const SECOND_FACTOR_MAX_TRIES = 5;
/**
 * Wrong codes (TOTP or recovery) within a day, right codes in between or not, that block the
 * factor until an admin resets it: the short lock alone leaves an open-ended budget of guesses.
 */
export const SECOND_FACTOR_DAILY_MAX = 20;
const RECOVERY_CODES = 10;
/** No 0/o, 1/l/i: a code read from paper is typed right. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** What an authenticator app needs, shown once at enrolment. */
export interface Enrolment {
  secret: string;
  uri: string;
}

/**
 * The standard authenticator-app profile (RFC 6238: SHA-1, 6 digits, 30 s), which every app reads
 * from the otpauth:// URI.
 */
export function totpFor(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({
    issuer: 'Albergue',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });
}

function newRecoveryCode(): string {
  const chars = Array.from(
    { length: 10 },
    () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
  );
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Case, spaces and dashes do not matter when a recovery code is typed. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Staff second factor: TOTP with one-time recovery codes. Required for network roles (their first
 * sign-in enrols), optional for others. Secrets are sealed by the vault; recovery codes are kept as
 * argon2id hashes; a code is taken once (its time step must be later than the last one taken);
 * five wrong codes in a row lock the step for LOGIN_LOCKOUT.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly vault: Vault,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    registry: VaultRegistry,
  ) {
    // At construction: nothing can be sealed before the column is declared (and key rotation re-seals it).
    registry.register({
      table: 'second_factor',
      ownerColumn: 'user_id',
      columns: [{ column: 'secret_sealed', field: SECRET_FIELD }],
    });
  }

  /** The step a new session of this user owes: a code when enrolled, enrolment for network roles. */
  async stepAtLogin(user: User): Promise<SecondFactorPending | null> {
    if (await this.enrolled(user.id)) {
      return 'verify';
    }
    return user.networkRole ? 'enrol' : null;
  }

  /** Whether the user has a confirmed second factor. */
  async enrolled(userId: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(SecondFactor).findOneBy({ userId });
    return !!row?.confirmedAt;
  }

  /**
   * A fresh secret for the caller's authenticator app (replacing an unconfirmed one); it counts
   * once confirmEnrolment has a code from it. Refused when a confirmed factor exists (an admin resets).
   */
  async enrol(caller: Caller): Promise<Enrolment> {
    const { actor } = caller;
    if (actor.pendingStep === 'verify') {
      throw await this.refused(
        caller,
        'enrolSecondFactor',
        'code_owed',
        new AuthException(
          'Enter a code of your current second factor (verifySecondFactor) first.',
          AuthExceptionCode.SECOND_FACTOR_REQUIRED,
        ),
      );
    }
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    const secret = new Secret({ size: 20 }).base32;
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager
        .getRepository(SecondFactor)
        .findOne({ where: { userId: actor.userId }, lock: { mode: 'pessimistic_write' } });
      if (existing?.confirmedAt) {
        throw await this.refused(
          caller,
          'enrolSecondFactor',
          'enrolled_already',
          new AuthException(
            'You have a second factor already; to replace it, ask an admin to reset it (resetSecondFactor).',
            AuthExceptionCode.SECOND_FACTOR_ENROLLED,
          ),
        );
      }
      await manager.getRepository(SecondFactor).upsert(
        {
          userId: actor.userId,
          secretSealed: this.vault.seal(SECRET_FIELD, actor.userId, secret)!,
          confirmedAt: null,
          lastUsedStep: null,
        },
        ['userId'],
      );
      await this.record(caller, 'enrolSecondFactor', AuditOutcome.SUCCEEDED, 'started', manager);
    });
    return { secret, uri: totpFor(secret, user.email).toString() };
  }

  /**
   * Confirms enrolment with a code from the new secret: the factor counts from now on, the
   * session is signed in, and ten recovery codes are returned (shown this once; kept as hashes).
   */
  async confirmEnrolment(caller: Caller, code: string): Promise<string[]> {
    const { actor } = caller;
    const row = await this.dataSource
      .getRepository(SecondFactor)
      .findOneBy({ userId: actor.userId });
    if (!row || row.confirmedAt) {
      throw await this.refused(
        caller,
        'confirmEnrolment',
        row ? 'confirmed_already' : 'not_enrolling',
        new AuthException(
          row
            ? 'Your second factor is confirmed already.'
            : 'Start with enrolSecondFactor, then confirm with a code from your authenticator app.',
          AuthExceptionCode.SECOND_FACTOR_NOT_PENDING,
        ),
      );
    }
    await this.checkCode(caller, row, code, 'confirmEnrolment');
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    const hashes = await Promise.all(codes.map((c) => hashPassword(normaliseRecoveryCode(c))));
    await this.dataSource.transaction(async (manager) => {
      // Only the secret the code was checked against: one swapped in meanwhile (another
      // enrolSecondFactor) is not confirmed by a code from the old one.
      const [, confirmed] = await manager.query<[unknown, number]>(
        `UPDATE second_factor SET confirmed_at = now()
          WHERE user_id = $1 AND confirmed_at IS NULL AND secret_sealed = $2`,
        [actor.userId, row.secretSealed],
      );
      if (confirmed !== 1) {
        await this.record(caller, 'confirmEnrolment', AuditOutcome.DENIED, 'secret_changed');
        throw new AuthException(
          'Your enrolment changed while this code was checked (enrolSecondFactor ran again): confirm with a code from the newest secret.',
          AuthExceptionCode.SECOND_FACTOR_NOT_PENDING,
        );
      }
      await manager.delete(RecoveryCode, { userId: actor.userId });
      await manager.insert(
        RecoveryCode,
        hashes.map((codeHash) => ({ userId: actor.userId, codeHash })),
      );
      await this.sessions.completeSecondFactor(actor.sessionId, manager);
      // Every other session of the user ends: none of them gave this factor.
      await this.sessions.endAll(actor.userId, actor.sessionId, manager);
      await this.record(caller, 'confirmEnrolment', AuditOutcome.SUCCEEDED, 'enrolled', manager);
    });
    return codes;
  }

  /** Finishes a sign-in that owes a code: a TOTP code, or one of the recovery codes (used up). */
  async verify(caller: Caller, input: { code?: string; recoveryCode?: string }): Promise<void> {
    const { actor } = caller;
    if (actor.pendingStep !== 'verify') {
      throw await this.refused(
        caller,
        'verifySecondFactor',
        actor.pendingStep === 'enrol' ? 'enrolment_owed' : 'no_code_owed',
        new AuthException(
          actor.pendingStep === 'enrol'
            ? 'You have no second factor yet: enrolSecondFactor, then confirmEnrolment.'
            : 'This session is signed in already: no code is owed.',
          AuthExceptionCode.SECOND_FACTOR_NOT_PENDING,
        ),
      );
    }
    if (!input.code === !input.recoveryCode) {
      throw await this.refused(
        caller,
        'verifySecondFactor',
        'code_xor_recovery_code',
        new AuthException(
          'Give either a code from your authenticator app or a recovery code, one of the two.',
          AuthExceptionCode.SECOND_FACTOR_WRONG,
          ['input.code', 'input.recoveryCode'],
        ),
      );
    }
    const row = await this.dataSource
      .getRepository(SecondFactor)
      .findOneBy({ userId: actor.userId });
    if (!row?.confirmedAt) {
      throw await this.refused(
        caller,
        'verifySecondFactor',
        'no_factor',
        new AuthException(
          'You have no second factor: sign in again.',
          AuthExceptionCode.SECOND_FACTOR_NOT_PENDING,
        ),
      );
    }
    if (input.code) {
      await this.checkCode(caller, row, input.code, 'verifySecondFactor');
      await this.dataSource.transaction(async (manager) => {
        await this.sessions.completeSecondFactor(actor.sessionId, manager);
        await this.record(caller, 'verifySecondFactor', AuditOutcome.SUCCEEDED, 'totp', manager);
      });
      return;
    }
    await this.useRecoveryCode(caller, input.recoveryCode ?? '');
  }

  /**
   * An admin removes a user's second factor (a lost phone): the factor and its recovery codes
   * go, every session of the user ends, and a network role enrols again at the next sign-in.
   */
  async reset(caller: Caller, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(User).findOneBy({ id: userId });
      if (!user) {
        throw new AuthException('No such user.', AuthExceptionCode.USER_NOT_FOUND, ['userId']);
      }
      await manager.delete(SecondFactor, { userId });
      await manager.delete(RecoveryCode, { userId });
      await this.sessions.endAll(userId, undefined, manager);
      await this.audit.record(
        {
          action: 'resetSecondFactor',
          outcome: AuditOutcome.SUCCEEDED,
          actorId: caller.actor.userId,
          targetType: 'user',
          targetId: userId,
          ip: caller.ip,
          requestId: caller.requestId,
        },
        manager,
      );
    });
    await this.throttle.secondFactorSucceeded(userId);
  }

  /**
   * Enrols a user with a secret the operator chose (the first admin's ADMIN_TOTP_SECRET, the
   * demo's published one): confirmed at once, no recovery codes. An existing factor is replaced.
   */
  async enrolWithSecret(
    userId: string,
    secretBase32: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    totpFor(secretBase32); // refuses a secret that is not base32
    await manager.getRepository(SecondFactor).upsert(
      {
        userId,
        secretSealed: this.vault.seal(SECRET_FIELD, userId, secretBase32.toUpperCase())!,
        confirmedAt: new Date(),
        lastUsedStep: null,
      },
      ['userId'],
    );
  }

  private async useRecoveryCode(caller: Caller, typed: string): Promise<void> {
    const { actor } = caller;
    const tries = await this.admit(caller);
    const normalised = normaliseRecoveryCode(typed);
    const unused = await this.dataSource
      .getRepository(RecoveryCode)
      .findBy({ userId: actor.userId, usedAt: IsNull() });
    // Checked side by side (argon2 runs on libuv's threads): about a tenth of a second each.
    const matches = await Promise.all(
      unused.map((candidate) => checkPassword(candidate.codeHash, normalised)),
    );
    const match: RecoveryCode | undefined = unused[matches.indexOf(true)];
    const used = match
      ? await this.dataSource.transaction(async (manager) => {
          // Single use, whoever races for it: only the update that finds it unused wins.
          const [, taken] = await manager.query<[unknown, number]>(
            'UPDATE recovery_code SET used_at = now() WHERE id = $1 AND used_at IS NULL',
            [match.id],
          );
          if (taken === 0) {
            return false;
          }
          await this.sessions.completeSecondFactor(actor.sessionId, manager);
          await this.record(
            caller,
            'useRecoveryCode',
            AuditOutcome.SUCCEEDED,
            `left:${unused.length - 1}`,
            manager,
          );
          return true;
        })
      : false;
    if (!used) {
      await this.wrong(caller, 'useRecoveryCode', 'wrong_recovery_code', tries);
    }
    await this.throttle.secondFactorSucceeded(actor.userId);
  }

  /** Checks a TOTP code against the row's secret, takes its time step once, or throws. */
  private async checkCode(
    caller: Caller,
    row: SecondFactor,
    typed: string,
    action: string,
  ): Promise<void> {
    const { actor } = caller;
    const tries = await this.admit(caller);
    const secret = this.vault.open(SECRET_FIELD, actor.userId, row.secretSealed)!;
    const totp = totpFor(secret);
    const now = Date.now();
    const delta = totp.validate({ token: typed.replace(/\s/g, ''), timestamp: now, window: 1 });
    if (delta === null) {
      await this.wrong(caller, action, 'wrong_code', tries);
    }
    const step = totp.counter({ timestamp: now }) + delta!;
    const [, taken] = await this.dataSource.query<[unknown, number]>(
      `UPDATE second_factor SET last_used_step = $2
        WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
      [actor.userId, step],
    );
    if (taken === 0) {
      await this.record(caller, action, AuditOutcome.DENIED, 'replayed_code');
      throw new AuthException(
        'This code was used already: wait for the next code from your authenticator app and enter that one.',
        AuthExceptionCode.SECOND_FACTOR_REPLAYED,
        ['input.code'],
      );
    }
    await this.throttle.secondFactorSucceeded(actor.userId);
  }

  /** Takes a try at the step (or throws, locked); returns this try's number in the row of wrong ones. */
  private async admit(caller: Caller): Promise<number> {
    const [factor] = await this.dataSource.query<{ blocked: boolean }[]>(
      'SELECT blocked_at IS NOT NULL AS blocked FROM second_factor WHERE user_id = $1',
      [caller.actor.userId],
    );
    if (factor?.blocked) {
      return this.blocked(caller);
    }
    const { admitted, tries } = await this.throttle.admitSecondFactor(
      caller.actor.userId,
      SECOND_FACTOR_MAX_TRIES,
    );
    if (!admitted) {
      await this.record(caller, 'secondFactor', AuditOutcome.DENIED, 'locked');
      throw lockedError();
    }
    return tries;
  }

  /** A wrong code: audited; the fifth in a row locks the step. */
  private async wrong(
    caller: Caller,
    action: string,
    detail: string,
    tries: number,
  ): Promise<never> {
    await this.record(caller, action, AuditOutcome.FAILED, detail);
    // The day's count: a window of 24 h from its first wrong code, which right codes do not reset.
    // An UPDATE answers [rows, count].
    const [[day]] = await this.dataSource.query<[{ wrong_tries: number }[], number]>(
      `UPDATE second_factor SET
         wrong_tries = CASE WHEN wrong_since IS NULL OR wrong_since <= now() - interval '24 hours'
                            THEN 1 ELSE wrong_tries + 1 END,
         wrong_since = CASE WHEN wrong_since IS NULL OR wrong_since <= now() - interval '24 hours'
                            THEN now() ELSE wrong_since END
       WHERE user_id = $1 RETURNING wrong_tries`,
      [caller.actor.userId],
    );
    if (day && day.wrong_tries >= SECOND_FACTOR_DAILY_MAX) {
      await this.dataSource.query(
        'UPDATE second_factor SET blocked_at = now() WHERE user_id = $1 AND blocked_at IS NULL',
        [caller.actor.userId],
      );
      return this.blocked(caller);
    }
    if (tries >= SECOND_FACTOR_MAX_TRIES) {
      await this.throttle.lockSecondFactor(caller.actor.userId);
      throw lockedError();
    }
    throw new AuthException(
      `That code is not right: check your authenticator app's clock and try again (${SECOND_FACTOR_MAX_TRIES - tries} tries left before a pause).`,
      AuthExceptionCode.SECOND_FACTOR_WRONG,
      [detail === 'wrong_code' ? 'input.code' : 'input.recoveryCode'],
    );
  }

  /**
   * The factor is blocked: audited, the session that owes the step ends (signing in again only
   * meets the block), and the caller is told that an admin must reset the factor.
   */
  private async blocked(caller: Caller): Promise<never> {
    await this.record(caller, 'secondFactor', AuditOutcome.DENIED, 'blocked_until_reset');
    if (caller.actor.pendingStep) {
      await this.sessions.end(caller.actor.sessionId);
    }
    throw new AuthException(
      `${SECOND_FACTOR_DAILY_MAX} wrong codes in a day: your second factor is blocked until an admin resets it (resetSecondFactor). Ask an admin; you will enrol again after the reset.`,
      AuthExceptionCode.SECOND_FACTOR_BLOCKED,
    );
  }

  /**
   * A refusal before any code is checked, audited with its reason (these operations audit
   * themselves, so the generic mutation audit does not); returns the error to throw.
   */
  private async refused(
    caller: Caller,
    action: string,
    detail: string,
    error: AuthException,
  ): Promise<AuthException> {
    await this.record(caller, action, AuditOutcome.DENIED, detail);
    return error;
  }

  private record(
    caller: Caller,
    action: string,
    outcome: AuditOutcome,
    detail: string,
    manager?: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        outcome,
        actorId: caller.actor.userId,
        targetType: 'user',
        targetId: caller.actor.userId,
        detail,
        ip: caller.ip,
        requestId: caller.requestId,
      },
      manager,
    );
  }
}

function lockedError(): AuthException {
  return new AuthException(
    'Five wrong codes in a row: the second-factor step is locked for a while. Try again later, or ask an admin to reset your second factor.',
    AuthExceptionCode.SECOND_FACTOR_LOCKED,
  );
}
