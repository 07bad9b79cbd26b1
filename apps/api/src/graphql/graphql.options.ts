import {
  ApiErrorCode,
  type GraphQLContext,
  type ReplyLike,
  RequestLoaders,
  type RequestLike,
} from '@albergue/common';
import { MAX_SHELTERS_PER_PAGE } from '@albergue/shelters';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, NoSchemaIntrospectionCustomRule } from 'graphql';
import type { AppConfig } from '../config/config.schema.js';
import { formatGraphQLError, RequestRefused, transportStatus } from './graphql-errors.js';
import {
  aliasLimit,
  costLimit,
  depthLimit,
  directiveLimit,
  fragmentLimit,
} from './query-limits.js';

interface MercuriusErrorContext {
  reply?: { log: FastifyBaseLogger };
  app: { log: FastifyBaseLogger };
}

/**
 * Mercurius wraps parse and validation failures in one error whose `originalError.errors` holds
 * the real ones (GraphQL's, or Fastify's body validation).
 */
function unwrap(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(inner)) {
    return [error];
  }
  return inner.map((e: unknown) => {
    if (e instanceof GraphQLError) {
      return e;
    }
    // Fastify's body validation keeps its 400; Mercurius' depth limit is a validation message.
    const transport = e instanceof Error && transportStatus(e) ? e : undefined;
    return new GraphQLError(e instanceof Error ? e.message : String(e), {
      originalError: transport,
    });
  });
}

/**
 * Mercurius parses a query text that is not GraphQL as JSON and validates whatever comes out
 * as a syntax tree: `"123"` or `"{}"` then fail inside validation as internal errors, and a
 * tree sent as JSON skips the token limit, which applies only to parsing. A document parsed
 * from text carries graphql-js's Location; JSON cannot make one.
 */
function parsedFromText(_schema: unknown, document: unknown): void {
  const loc = (document as { loc?: unknown } | null)?.loc;
  // The prototype's constructor: JSON can write a `constructor` property, not a prototype.
  const made = loc && typeof loc === 'object' ? Object.getPrototypeOf(loc) : null;
  if (!made || (made as { constructor?: { name?: string } }).constructor?.name !== 'Location') {
    throw new RequestRefused(
      'Syntax Error: the query must be a GraphQL document, sent as text.',
      ApiErrorCode.GRAPHQL_PARSE_FAILED,
    );
  }
}

/**
 * Fastify's schemas would turn `"query": 123` or `["{ … }"]` into a string before Mercurius
 * sees it; this runs before that coercion, and refuses a query that is not a string.
 */
async function queryIsText(request: {
  method: string;
  body?: unknown;
  query?: unknown;
}): Promise<void> {
  // A GET's query string may repeat `query=`, which arrives as a list.
  const params = request.method === 'GET' ? request.query : request.body;
  if (
    params !== null &&
    typeof params === 'object' &&
    !Array.isArray(params) &&
    'query' in params &&
    typeof params.query !== 'string'
  ) {
    throw new RequestRefused(
      'The query must be a GraphQL document, sent as a string.',
      ApiErrorCode.BAD_REQUEST,
    );
  }
}

export function graphqlOptions(config: AppConfig): MercuriusDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    driver: MercuriusDriver,
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    // graphql-jit compiles a query after it has been seen once: 2.3-2.6x Apollo's throughput here.
    jit: 1,
    // GraphiQL's page is served by http/graphiql.ts: Mercurius' own loads its assets from a CDN.
    graphiql: false,
    // Batches would let one request carry many operations past the per-request limits.
    allowBatchedQueries: false,
    // A request that a form or an <img> could send (text/plain, form encodings, a bare GET) is
    // refused unless it carries a header only script on an allowed origin can add.
    csrfPrevention: true,
    graphql: { parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS } },
    hooks: { preValidation: parsedFromText },
    additionalRouteOptions: { preValidation: queryIsText },
    validationRules: [
      fragmentLimit(),
      depthLimit(config.GRAPHQL_MAX_DEPTH),
      aliasLimit(config.GRAPHQL_MAX_ALIASES),
      directiveLimit(config.GRAPHQL_MAX_DIRECTIVES),
      costLimit(config.GRAPHQL_MAX_COST, MAX_SHELTERS_PER_PAGE),
      ...(production ? [NoSchemaIntrospectionCustomRule] : []),
    ],
    context: (req: RequestLike, reply: ReplyLike): GraphQLContext => ({
      req,
      reply,
      loaders: new RequestLoaders(),
    }),
    errorFormatter: (execution, context) => {
      const log = (
        (context as unknown as MercuriusErrorContext).reply ??
        (context as unknown as MercuriusErrorContext).app
      ).log;
      const outcomes = (execution.errors ?? []).flatMap(unwrap).map(formatGraphQLError);
      // Refused before execution (parse, validation, body too large, CSRF): the wrapper or the
      // error itself carries the HTTP status.
      const refused =
        execution.errors?.map((error) => transportStatus(error.originalError)).find(Boolean) ??
        outcomes.find((outcome) => outcome.status)?.status;
      for (const outcome of outcomes) {
        if (outcome.unexpected) {
          log.error(
            { err: outcome.unexpected, path: outcome.error.path },
            'unexpected error in a GraphQL request',
          );
        }
      }
      const errors: GraphQLFormattedError[] = outcomes.map((outcome) => outcome.error);
      const statusCode = execution.data
        ? 200
        : (refused ?? (execution as { statusCode?: number }).statusCode ?? 200);
      return { statusCode, response: { data: execution.data ?? null, errors } };
    },
  };
}
