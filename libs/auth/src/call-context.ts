import type { DeclaredPolicy, GraphQLContext, RequestLike, ScopeLookups } from '@albergue/common';
import { POLICY } from '@albergue/common';
import type { ExecutionContext } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';

/** What the guard and the audit need of one call, GraphQL or plain HTTP alike. */
export interface CallContext {
  policy: DeclaredPolicy | undefined;
  /** The GraphQL field (`shelters`, `login`) or the HTTP route. */
  operation: string;
  isMutation: boolean;
  args: Record<string, unknown>;
  req: RequestLike;
}

export function callContext(context: ExecutionContext, reflector: Reflector): CallContext {
  const policy = reflector.getAllAndOverride<DeclaredPolicy | undefined>(POLICY, [
    context.getHandler(),
    context.getClass(),
  ]);
  if (context.getType<string>() === 'graphql') {
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<{ fieldName: string; parentType: { name: string } }>();
    return {
      policy,
      operation: info.fieldName,
      isMutation: info.parentType.name === 'Mutation',
      args: gql.getArgs<Record<string, unknown>>(),
      req: gql.getContext<GraphQLContext>().req,
    };
  }
  const req = context
    .switchToHttp()
    .getRequest<RequestLike & { method: string; routeOptions?: { url?: string } }>();
  return {
    policy,
    operation: `${req.method} ${req.routeOptions?.url ?? ''}`,
    isMutation: req.method !== 'GET' && req.method !== 'HEAD',
    args: {},
    req,
  };
}

/**
 * The shelters an operation acts in, when its policy names any: read from the arguments, or
 * looked up through a record's scope. Ids that are not UUIDs are dropped (guards run before validation).
 */
export async function sheltersOf(call: CallContext, scopes: ScopeLookups): Promise<string[]> {
  if (call.policy?.kind !== 'roles' || !call.policy.shelterOf) {
    return [];
  }
  return uuids(await call.policy.shelterOf(call.args, scopes));
}

/** The health services an operation acts in, when its policy names any (`serviceOf`). */
export async function servicesOf(call: CallContext, scopes: ScopeLookups): Promise<string[]> {
  if (call.policy?.kind !== 'roles' || !call.policy.serviceOf) {
    return [];
  }
  return uuids(await call.policy.serviceOf(call.args, scopes));
}

function uuids(found: string | string[] | null | undefined): string[] {
  const ids = Array.isArray(found) ? found : found ? [found] : [];
  return ids.filter((id) => isUUID(id));
}
