import { AuditOutcome, AuditService } from '@albergue/audit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { checkPassword } from './passwords.js';
import type { RequestMeta } from './request-meta.js';
import { SessionsService } from './sessions.service.js';
import { User } from './user.entity.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const LOGIN_FAILED_MESSAGE =
  'Email or password is wrong, or the account is locked for a while. Try again later or ask an admin.';

@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Wrong password, unknown account, inactive account and locked account all get the same
   * answer after the same work (an argon2 check, against a dummy hash when there is no account),
   * so that neither the message nor the time tells which emails have accounts.
   */
  async login(
    emailInput: string,
    password: string,
    meta: RequestMeta,
  ): Promise<{ user: User; token: string }> {
    const email = normaliseEmail(emailInput);
    const keys = this.throttle.keys(email, meta.ip);
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    const locked = await this.throttle.isLocked(keys);
    const matches = await checkPassword(locked ? null : (user?.passwordHash ?? null), password);
    if (!matches || !user || !user.active) {
      if (!locked) {
        await this.throttle.recordFailure(keys);
      }
      await this.audit.record({
        action: 'login',
        outcome: locked ? AuditOutcome.DENIED : AuditOutcome.FAILED,
        targetType: 'user',
        targetId: user?.id ?? null,
        detail: locked
          ? 'locked'
          : !user
            ? 'unknown_account'
            : !user.active
              ? 'inactive_account'
              : 'wrong_password',
        ip: meta.ip,
        requestId: meta.requestId,
      });
      throw new AuthException(LOGIN_FAILED_MESSAGE, AuthExceptionCode.LOGIN_FAILED);
    }
    await this.throttle.clearAccount(keys);
    const token = await this.sessions.create(user.id);
    await this.audit.record({
      action: 'login',
      outcome: AuditOutcome.SUCCEEDED,
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { user, token };
  }
}
