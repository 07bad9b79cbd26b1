import { Role } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountsService, checkedPassword } from './accounts.service.js';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import type { CompleteSetupInput } from './dto/password.input.js';
import { normaliseEmail } from './login.service.js';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity.js';
import { hashPassword } from './passwords.js';
import { SecondFactorService } from './second-factor.service.js';
import { newToken, tokenHash } from './session-cookie.js';
import { User } from './user.entity.js';

export interface FirstAdmin {
  email?: string;
  password?: string;
  /** The first admin's TOTP secret (base32), enrolled at once; without it they enrol at first sign-in. */
  totpSecret?: string;
}

/** A setup token lasts a week: long enough to find the log line, short enough to not linger. */
const SETUP_TOKEN_MS = 7 * 86_400_000;

/** Makes sure someone can sign in on a fresh install, without a default password anyone could guess. */
@Injectable()
export class FirstStartService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /**
   * With no active admin: the admin from ADMIN_EMAIL/ADMIN_PASSWORD when both are set, or else
   * a one-time setup token for the operator to choose the first admin's password. Returns what
   * the operator must be told, or null when an active admin exists.
   */
  async ensureAccess(admin: FirstAdmin): Promise<string | null> {
    if (await this.hasActiveAdmin()) {
      return null;
    }
    if (admin.email && admin.password) {
      checkedPassword(admin.password, admin.email, 'ADMIN_PASSWORD');
      const user = await this.accounts.create({
        requestId: randomUUID(),
        email: admin.email,
        displayName: 'Admin',
        networkRole: Role.ADMIN,
      });
      await this.accounts.setPassword(user.id, admin.password);
      if (admin.totpSecret) {
        await this.secondFactor.enrolWithSecret(user.id, admin.totpSecret);
        return `First admin created from ADMIN_EMAIL (${user.email}): sign in with ADMIN_PASSWORD and a code for ADMIN_TOTP_SECRET.`;
      }
      return `First admin created from ADMIN_EMAIL (${user.email}): sign in with ADMIN_PASSWORD, then set up a second factor (enrolSecondFactor, confirmEnrolment).`;
    }
    const token = newToken();
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(PasswordToken, { purpose: PasswordTokenPurpose.SETUP });
      await manager.insert(PasswordToken, {
        tokenHash: tokenHash(token),
        purpose: PasswordTokenPurpose.SETUP,
        userId: null,
        expiresAt: new Date(Date.now() + SETUP_TOKEN_MS),
      });
    });
    return (
      `No account exists yet. Create the first admin with this one-time setup token (valid 7 days): ${token} ` +
      '(GraphQL mutation completeSetup, or set ADMIN_EMAIL and ADMIN_PASSWORD and restart).'
    );
  }

  /**
   * The demo accounts' password is published: a production start turns them off, so that a
   * database first started in demo mode does not carry a known admin password into production.
   */
  async disableDemoAccounts(domain: string): Promise<number> {
    const [, disabled] = await this.dataSource.query<[unknown, number]>(
      `UPDATE app_user SET active = false WHERE active AND email LIKE '%@' || $1`,
      [domain],
    );
    await this.dataSource.query(
      `DELETE FROM session WHERE user_id IN (SELECT id FROM app_user WHERE email LIKE '%@' || $1)`,
      [domain],
    );
    return disabled;
  }

  private hasActiveAdmin(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(User).exists({ where: { active: true, networkRole: Role.ADMIN } });
  }

  /** Creates the first admin with the setup token; refused once an active admin exists. */
  async completeSetup(input: CompleteSetupInput): Promise<User> {
    const id = await this.dataSource.transaction(async (manager) => {
      // One setup at a time, whoever races for it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('albergue.setup'))`);
      if (await this.hasActiveAdmin(manager)) {
        throw new AuthException('Setup is done: an admin exists.', AuthExceptionCode.SETUP_DONE);
      }
      await this.accounts.useToken(manager, input.token, PasswordTokenPurpose.SETUP);
      const email = normaliseEmail(input.email);
      const user = await manager.save(
        manager.create(User, {
          email,
          displayName: input.displayName,
          networkRole: Role.ADMIN,
          passwordHash: await hashPassword(
            checkedPassword(input.password, email, 'input.password'),
          ),
        }),
      );
      return user.id;
    });
    return this.accounts.get(id);
  }
}
