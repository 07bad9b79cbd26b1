import { IdempotencyService, StaffDirectory } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options.js';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { passwordProblem } from './common-passwords.js';
import type { CreateUserInput, MembershipInput, UpdateUserInput } from './dto/user.input.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { normaliseEmail } from './login.service.js';
import { Membership } from './membership.entity.js';
import { ServiceMembership } from './service-membership.entity.js';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity.js';
import { checkPassword, hashPassword } from './passwords.js';
import { newToken, tokenHash } from './session-cookie.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';

export function checkedPassword(
  password: string,
  email: string | undefined,
  field: string,
): string {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw new AuthException(`The password ${problem}.`, AuthExceptionCode.WEAK_PASSWORD, [field]);
  }
  return password;
}

/** Users, their roles and their passwords: what an admin manages and what a person changes of their own. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    directory: StaffDirectory,
  ) {
    directory.provide(async (ids) => {
      const rows = await this.dataSource.query<{ id: string; display_name: string }[]>(
        'SELECT id, display_name FROM app_user WHERE id = ANY($1)',
        [ids],
      );
      return new Map(rows.map((row) => [row.id, row.display_name]));
    });
  }

  async create(input: CreateUserInput): Promise<User> {
    const email = normaliseEmail(input.email);
    const { id } = await this.idempotency.run('createUser', input, async (manager, fields) => {
      if (await manager.existsBy(User, { email })) {
        throw new AuthException(
          'An account with this email exists.',
          AuthExceptionCode.EMAIL_TAKEN,
          ['input.email'],
        );
      }
      const user = await manager.save(
        manager.create(User, {
          email,
          displayName: fields.displayName,
          preferredLanguage: fields.preferredLanguage ?? 'es',
          networkRole: fields.networkRole ?? null,
        }),
      );
      return user.id;
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateUserInput): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.get(id, manager);
      const granted = !!input.networkRole && input.networkRole !== user.networkRole;
      Object.assign(user, input);
      await manager.save(user);
      // A network role granted (or changed) ends every session: each signs in again and gives
      // its second factor, rather than carrying a password-only session into network data.
      if (input.active === false || granted) {
        await this.sessions.endAll(id, undefined, manager);
      } else {
        await this.sessions.announceAccessChange(manager);
      }
      return user;
    });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const user = await manager.findOne(User, { where: { id }, relations: { memberships: true } });
    if (!user) {
      throw new AuthException('No user has this id.', AuthExceptionCode.USER_NOT_FOUND, ['id']);
    }
    return (await this.withShelterNames([user], manager))[0];
  }

  async list(): Promise<User[]> {
    return this.withShelterNames(
      await this.dataSource
        .getRepository(User)
        .find({ relations: { memberships: true }, order: { email: 'ASC' } }),
    );
  }

  /** Names each membership's shelter, in one read for all the users. */
  private async withShelterNames(
    users: User[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<User[]> {
    const ids = [...new Set(users.flatMap((u) => (u.memberships ?? []).map((m) => m.shelterId)))];
    if (ids.length === 0) {
      return users;
    }
    // The membership's own foreign key names the shelter table; no need of the shelters lib.
    const rows = await manager.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM shelter WHERE id = ANY($1)',
      [ids],
    );
    const names = new Map(rows.map((row) => [row.id, row.name]));
    for (const membership of users.flatMap((u) => u.memberships ?? [])) {
      membership.shelterName = names.get(membership.shelterId) ?? '';
    }
    return users;
  }

  /** A standing role (a field visit's end, if any, is lifted: the admin says so explicitly). */
  async setMembership(input: MembershipInput): Promise<User> {
    await this.get(input.userId);
    await this.dataSource.query(
      `INSERT INTO membership (user_id, shelter_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, shelter_id) DO UPDATE SET role = EXCLUDED.role, expires_at = NULL`,
      [input.userId, input.shelterId, input.role],
    );
    await this.sessions.announceAccessChange();
    return this.get(input.userId);
  }

  async removeMembership(userId: string, shelterId: string): Promise<User> {
    await this.dataSource.getRepository(Membership).delete({ userId, shelterId });
    await this.sessions.announceAccessChange();
    return this.get(userId);
  }

  /** Puts a user on a health service's staff (role SERVICE_STAFF there); a second time changes nothing. */
  async setServiceMembership(userId: string, serviceId: string): Promise<User> {
    await this.get(userId);
    // The membership's own foreign key names the service table; no need of the referrals lib.
    const [service] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM health_service WHERE id = $1',
      [serviceId],
    );
    if (!service) {
      throw new AuthException(
        'No health service has this id.',
        AuthExceptionCode.SERVICE_NOT_FOUND,
        ['serviceId'],
      );
    }
    await this.dataSource.query(
      `INSERT INTO service_membership (user_id, service_id) VALUES ($1, $2)
       ON CONFLICT (user_id, service_id) DO NOTHING`,
      [userId, serviceId],
    );
    await this.sessions.announceAccessChange();
    return this.get(userId);
  }

  async removeServiceMembership(userId: string, serviceId: string): Promise<User> {
    await this.dataSource.getRepository(ServiceMembership).delete({ userId, serviceId });
    await this.sessions.announceAccessChange();
    return this.get(userId);
  }

  /** The health services whose staff each user is, in one read. */
  async serviceIdsOf(userId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ service_id: string }[]>(
      'SELECT service_id FROM service_membership WHERE user_id = $1 ORDER BY created_at',
      [userId],
    );
    return rows.map((row) => row.service_id);
  }

  /** A one-time token the admin hands to the person (no email server needed); earlier ones stop working. */
  async createResetToken(userId: string): Promise<string> {
    await this.get(userId);
    const token = newToken();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(PasswordToken, {
        userId,
        purpose: PasswordTokenPurpose.RESET,
        usedAt: IsNull(),
      });
      await manager.insert(PasswordToken, {
        tokenHash: tokenHash(token),
        purpose: PasswordTokenPurpose.RESET,
        userId,
        expiresAt: new Date(Date.now() + this.options.resetTokenMs),
      });
    });
    return token;
  }

  /** Sets a new password with a reset token; every session of that user ends. */
  async resetPassword(token: string, newPassword: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.useToken(manager, token, PasswordTokenPurpose.RESET);
      const user = await this.get(row.userId!, manager);
      user.passwordHash = await hashPassword(
        checkedPassword(newPassword, user.email, 'input.newPassword'),
      );
      await manager.save(user);
      await this.sessions.endAll(user.id, undefined, manager);
      await this.dropResetTokens(manager, user.id);
      return user;
    });
  }

  /**
   * Changes one's own password; other sessions of the same user end, this one goes on, and reset
   * tokens not yet used stop working. Tries of the current password count like login tries, so a
   * stolen session cannot guess it at leisure.
   */
  async changePassword(
    userId: string,
    sessionId: string,
    current: string,
    next: string,
    ip: string,
  ): Promise<void> {
    const user = await this.get(userId);
    const keys = this.throttle.keys(user.email, ip);
    const admitted = await this.throttle.admit(keys);
    if (!admitted || !(await checkPassword(user.passwordHash, current))) {
      throw new AuthException(
        'The current password is wrong, or too many tries: wait and try again.',
        AuthExceptionCode.WRONG_CURRENT_PASSWORD,
        ['input.currentPassword'],
      );
    }
    await this.throttle.succeeded(keys);
    user.passwordHash = await hashPassword(checkedPassword(next, user.email, 'input.newPassword'));
    await this.dataSource.transaction(async (manager) => {
      await manager.save(user);
      await this.sessions.endAll(user.id, sessionId, manager);
      await this.dropResetTokens(manager, user.id);
    });
  }

  private async dropResetTokens(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(PasswordToken, {
      userId,
      purpose: PasswordTokenPurpose.RESET,
      usedAt: IsNull(),
    });
  }

  /** For accounts made by the operator (first admin, demo users): a password set without a token. */
  async setPassword(userId: string, password: string): Promise<void> {
    const user = await this.get(userId);
    user.passwordHash = await hashPassword(checkedPassword(password, user.email, 'password'));
    await this.dataSource.getRepository(User).save(user);
  }

  /** Marks a token used, or refuses it: unknown, used, expired or of another purpose all look the same. */
  async useToken(
    manager: EntityManager,
    token: string,
    purpose: PasswordTokenPurpose,
  ): Promise<PasswordToken> {
    const row = await manager.findOne(PasswordToken, {
      where: {
        tokenHash: tokenHash(token),
        purpose,
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) {
      throw new AuthException(
        'This token is not valid (unknown, used or expired).',
        AuthExceptionCode.TOKEN_INVALID,
        ['input.token'],
      );
    }
    await manager.update(PasswordToken, { tokenHash: row.tokenHash }, { usedAt: new Date() });
    return row;
  }
}
