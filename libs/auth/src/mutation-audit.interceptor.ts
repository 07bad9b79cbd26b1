import { AuditOutcome, AuditService } from '@albergue/audit';
import { AppException, ScopeRegistry } from '@albergue/common';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { callContext, type CallContext, sheltersOf } from './call-context.js';

function targetIdOf(call: CallContext, result: unknown): string | null {
  const fromResult =
    result && typeof result === 'object' ? (result as { id?: unknown }).id : undefined;
  const candidate = fromResult ?? call.args.id ?? call.args.userId;
  return typeof candidate === 'string' && isUUID(candidate) ? candidate : null;
}

/**
 * Leaves an audit row for every GraphQL mutation that got past the guard: who, what, on which
 * record (by id), in which shelter, from where, and whether it succeeded. Refusals are audited by
 * the guard; operations that audit themselves (login) are skipped. Ids only, never values.
 */
@Injectable()
export class MutationAuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
    private readonly scopes: ScopeRegistry,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = callContext(context, this.reflector);
    if (context.getType<string>() !== 'graphql' || !call.isMutation || call.policy?.auditsItself) {
      return next.handle();
    }
    const record = async (outcome: AuditOutcome, result?: unknown, detail?: string) =>
      this.audit.record({
        action: call.operation,
        outcome,
        actorId: call.req.actor?.userId ?? null,
        targetId: targetIdOf(call, result),
        shelterId: (await sheltersOf(call, this.scopes).catch(() => []))[0] ?? null,
        detail: detail ?? null,
        ip: call.req.ip,
        requestId: call.req.id,
      });
    return next.handle().pipe(
      mergeMap((result) => from(record(AuditOutcome.SUCCEEDED, result).then(() => result))),
      catchError((error: unknown) =>
        from(
          record(
            AuditOutcome.FAILED,
            undefined,
            error instanceof AppException ? error.reason : 'error',
          ),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }
}
