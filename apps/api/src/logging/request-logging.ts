import { randomUUID } from 'node:crypto';
import {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's (or a proxy's) request id when it looks like one; otherwise makes one. */
export function requestId(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * One line per request, with its id, and nothing a person typed: the path without its query
 * string (which may carry a GraphQL query, or coordinates), never headers or a body.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {
    // The line is written when the request completes, with its outcome.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) {
      request.log.error({ ...line, errorType: error.name }, 'request');
    } else {
      request.log.info(line, 'request');
    }
  }
}

/** Hands the request id back, so a coordinator reporting a problem can quote it. */
export function registerRequestIdHeader(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
}
