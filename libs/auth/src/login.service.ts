import { AuditOutcome, AuditService } from '@albergue/audit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SecondFactorService } from './second-factor.service.js';
import type { SecondFactorPending } from './session.entity.js';
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
    private readonly secondFactor: SecondFactorService,
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
  ): Promise<{ user: User; token: string; step: SecondFactorPending | null }> {
    const email = normaliseEmail(emailInput);
    const keys = this.throttle.keys(email, meta.ip);
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    const admitted = await this.throttle.admit(keys);
    const matches = await checkPassword(admitted ? (user?.passwordHash ?? null) : null, password);
    if (!matches || !user || !user.active) {
      await this.audit.record({
        action: 'login',
        outcome: admitted ? AuditOutcome.FAILED : AuditOutcome.DENIED,
        targetType: 'user',
        targetId: user?.id ?? null,
        detail: !admitted
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
    await this.throttle.succeeded(keys);
    // A session that owes a second-factor step can do nothing else until it is done.
    const step = await this.secondFactor.stepAtLogin(user);
    const token = await this.sessions.create(user.id, undefined, step);
    await this.audit.record({
      action: 'login',
      outcome: AuditOutcome.SUCCEEDED,
      actorId: user.id,
      targetType: 'user',
      targetId: user.id,
      detail: step ? `second_factor_${step}` : null,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    return { user, token, step };
  }
}
