import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Field, GqlExecutionContext, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import type { Actor } from './policy.js';
import type { GraphQLContext } from './request-loaders.js';

/**
 * The `requestId` of an input that creates or moves something: a UUID the client makes once per
 * intended act, so that a retry acts at most once (IdempotencyService).
 */
export const RequestIdField = (): PropertyDecorator =>
  applyDecorators(
    Field(() => ID, {
      description:
        'A UUID the client makes once per intended act: a retry with it returns the first result and acts no more.',
    }),
    IsUUID(),
  );

/** Who acts, from where, in which request: for scoping and for the audit log. */
export interface Caller {
  actor: Actor;
  ip: string;
  requestId: string;
}

function contextOf(context: ExecutionContext): GraphQLContext {
  return GqlExecutionContext.create(context).getContext<GraphQLContext>();
}

/**
 * The signed-in actor of a guarded operation (the policy guard sets it; an operation that is
 * not public never runs without one).
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => contextOf(context).req.actor!,
);

/** The actor with the caller's address and the request's id, for services that audit. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const { req } = contextOf(context);
  return { actor: req.actor!, ip: req.ip, requestId: req.id } satisfies Caller;
});
