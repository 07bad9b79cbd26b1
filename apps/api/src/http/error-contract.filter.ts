import { ApiErrorCode, AppException, HTTP_STATUS } from '@albergue/common';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  codeOfHttp,
  codeOfTransport,
  databaseError,
  transportStatus,
} from '../graphql/graphql-errors.js';
import { prefersHtml } from './not-found-page.js';

/** What a client is told of a refusal, on any transport. */
export interface Refusal {
  code: ApiErrorCode;
  reason?: string;
  fields?: string[];
  message: string;
  errorType: string;
}

/**
 * An expected refusal, as the client sees it: a lib's AppException, Nest's HttpException, or
 * PostgreSQL refusing what the client sent (a null, a duplicate) or not answering. Null for a
 * fault, which the client sees only as INTERNAL_SERVER_ERROR.
 */
export function refusalOf(error: unknown): Refusal | null {
  if (error instanceof AppException) {
    return {
      code: error.code,
      reason: error.reason,
      fields: error.fields,
      message: error.message,
      errorType: error.name,
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    const code = codeOfHttp(error.getStatus());
    return { code, message: error.message, errorType: error.name };
  }
  const database = error instanceof Error ? databaseError(error) : null;
  if (database) {
    return {
      code: database.code,
      reason: String((error as { code?: unknown }).code),
      message: database.message,
      errorType: (error as Error).name,
    };
  }
  return null;
}

/**
 * The one error contract of every Nest route, GraphQL or HTTP. A refusal is an answer, not a
 * fault: one line (kind, code, reason; never the message, which may name what was sent) at warn
 * for FORBIDDEN and UNAUTHENTICATED, info otherwise, so that a burst of refusals cannot bury the
 * faults. An HTTP route answers the code's status with `{ code, reason, fields, message }`, the
 * body GraphQL puts in `extensions`; a fault answers 500 and is logged with its stack. GraphQL
 * gets the exception thrown again: its error formatter maps it, and logs the faults.
 */
@Catch()
export class ErrorContractFilter implements ExceptionFilter {
  /**
   * `notFoundPage`: what a browser (Accept preferring text/html) is shown for NOT_FOUND, an
   * unknown address above all; API clients keep the JSON body.
   */
  constructor(
    private readonly log: Logger,
    private readonly notFoundPage?: (request: FastifyRequest) => string,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const refusal = refusalOf(exception);
    if (refusal) {
      const level =
        refusal.code === ApiErrorCode.FORBIDDEN || refusal.code === ApiErrorCode.UNAUTHENTICATED
          ? 'warn'
          : refusal.code === ApiErrorCode.SERVICE_UNAVAILABLE
            ? 'error'
            : 'info';
      this.log[level](
        { errorType: refusal.errorType, code: refusal.code, reason: refusal.reason },
        'refused',
      );
    }
    if (host.getType() !== 'http') {
      // Thrown again, not returned: a resolver would return it as its value, and graphql-jit
      // would then complete the exception as data ("Expected Iterable").
      throw exception;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (!refusal) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.log.error(
        { errorType: error.name, stack: error.stack?.split('\n').slice(1).join('\n') },
        'unexpected error in an HTTP route',
      );
    }
    const code = refusal?.code ?? ApiErrorCode.INTERNAL_SERVER_ERROR;
    if (code === ApiErrorCode.NOT_FOUND && this.notFoundPage) {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      if (prefersHtml(request.headers.accept)) {
        void reply
          .status(HTTP_STATUS[code])
          .type('text/html; charset=utf-8')
          .send(this.notFoundPage(request));
        return;
      }
    }
    void reply.status(HTTP_STATUS[code]).send({
      code,
      reason: refusal?.reason,
      fields: refusal?.fields,
      message: refusal?.message ?? 'Internal server error',
    });
  }
}

/**
 * What Fastify refuses itself before a Nest route runs (a body over BODY_LIMIT_KB, a JSON body
 * that is not JSON, a content type no parser takes) never reaches the ErrorContractFilter: the
 * routes took Fastify's default error handler before Nest installed its exception layer. Each
 * route registered on the root from now on (Nest's, the static files') gets this handler, which
 * answers those under the same contract, logged as a refusal; any other error goes on to the
 * handler the route had. Plugins with a context of their own (GraphQL) keep their own handler.
 */
export function answerTransportRefusals(root: FastifyInstance, log: Logger): void {
  const handler = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    const status = transportStatus(error);
    if (!status) {
      throw error;
    }
    const code = codeOfTransport(status);
    log.info({ errorType: error.name, code, reason: error.code }, 'refused');
    void reply.status(status).send({ code, reason: error.code, message: error.message });
  };
  root.addHook('onRoute', function (this: FastifyInstance, route) {
    if (this === root) {
      route.errorHandler ??= handler;
    }
  });
}
