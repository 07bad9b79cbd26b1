import type { DeclaredPolicy, GraphQLContext, RequestLike } from '@albergue/common';
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

/** The shelter an operation acts in, when its policy names one and the argument is a real id (guards run before validation). */
export function shelterIdOf(call: CallContext): string | null {
  const id = call.policy?.kind === 'roles' ? call.policy.shelterOf?.(call.args) : undefined;
  return id && isUUID(id) ? id : null;
}
