import { AuditOutcome, AuditService } from '@albergue/audit';
import { type Actor, type DeclaredPolicy, Role, ScopeRegistry } from '@albergue/common';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthException, AuthExceptionCode } from './auth.exception.js';
import { callContext, type CallContext, servicesOf, sheltersOf } from './call-context.js';
import { SessionsService } from './sessions.service.js';

/**
 * Whether an actor's roles let them run an operation under its policy, given the shelters (and
 * health services) the operation acts in: network roles listed act anywhere; shelter roles
 * listed only in those shelters (any of them, or with scopeMode 'all' every one); SERVICE_STAFF,
 * listed, only in one of those services.
 */
export function allows(
  policy: DeclaredPolicy,
  actor: Actor,
  shelters: string[],
  services: string[] = [],
): boolean {
  switch (policy.kind) {
    case 'public':
    case 'authenticated':
      return true;
    case 'roles': {
      if (actor.networkRole && policy.roles.includes(actor.networkRole)) {
        return true;
      }
      if (
        policy.roles.includes(Role.SERVICE_STAFF) &&
        services.some((serviceId) => actor.services.has(serviceId))
      ) {
        return true;
      }
      const holds = (shelterId: string) => {
        const role = actor.memberships.get(shelterId);
        return role !== undefined && policy.roles.includes(role);
      };
      if (shelters.length === 0) {
        return false;
      }
      return policy.scopeMode === 'all' ? shelters.every(holds) : shelters.some(holds);
    }
  }
}

/** Whether a session that still owes `step` may run an operation under this policy. */
export function openDuring(policy: DeclaredPolicy, step: 'verify' | 'enrol'): boolean {
  return policy.duringSecondFactor === 'both' || policy.duringSecondFactor === step;
}

/** The typed refusal for a session that still owes a second-factor step: it says what to do. */
export function secondFactorOwed(step: 'verify' | 'enrol'): AuthException {
  return step === 'verify'
    ? new AuthException(
        'Enter the code from your authenticator app (verifySecondFactor), or a recovery code, first.',
        AuthExceptionCode.SECOND_FACTOR_REQUIRED,
      )
    : new AuthException(
        'Your role needs a second factor: set one up with enrolSecondFactor, then confirmEnrolment with a code from your authenticator app.',
        AuthExceptionCode.SECOND_FACTOR_ENROLMENT_REQUIRED,
      );
}

/**
 * The one door: every GraphQL operation and HTTP route runs through here. No declared policy
 * means no entry for anyone. Refusals are audited, with the caller's address.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly scopes: ScopeRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const call = callContext(context, this.reflector);
    const { policy, req } = call;
    if (!policy) {
      await this.refuse(call, undefined, 'no_policy');
      throw new AuthException('This operation is not allowed.', AuthExceptionCode.FORBIDDEN);
    }
    if (policy.kind === 'public') {
      return true;
    }
    const check = await this.sessions.authenticate(req.headers.cookie);
    if (check.kind === 'pending') {
      const step = check.actor.pendingStep;
      if (!openDuring(policy, step)) {
        await this.refuse(call, check.actor, `second_factor_${step}`);
        throw secondFactorOwed(step);
      }
      req.actor = check.actor;
      return true;
    }
    if (check.kind !== 'actor') {
      await this.refuse(
        call,
        undefined,
        check.kind === 'anonymous' ? 'not_signed_in' : 'session_invalid',
      );
      throw check.kind === 'anonymous'
        ? new AuthException('Sign in first.', AuthExceptionCode.NOT_SIGNED_IN)
        : new AuthException(
            'The session is not valid (ended or expired): sign in again.',
            AuthExceptionCode.SESSION_INVALID,
          );
    }
    req.actor = check.actor;
    const [shelters, services] = await Promise.all([
      sheltersOf(call, this.scopes),
      servicesOf(call, this.scopes),
    ]);
    if (!allows(policy, check.actor, shelters, services)) {
      await this.refuse(call, check.actor, 'forbidden');
      throw new AuthException('Your role does not allow this here.', AuthExceptionCode.FORBIDDEN);
    }
    return true;
  }

  private async refuse(call: CallContext, actor: Actor | undefined, detail: string): Promise<void> {
    await this.audit.record({
      action: call.operation,
      outcome: AuditOutcome.DENIED,
      actorId: actor?.userId ?? null,
      shelterId: (await sheltersOf(call, this.scopes).catch(() => []))[0] ?? null,
      detail,
      ip: call.req.ip,
      requestId: call.req.id,
    });
  }
}
