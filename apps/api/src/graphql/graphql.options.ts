import {
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
import { formatGraphQLError } from './graphql-errors.js';
import { aliasLimit, costLimit } from './query-limits.js';

interface MercuriusErrorContext {
  reply?: { log: FastifyBaseLogger };
  app: { log: FastifyBaseLogger };
}

/** Mercurius wraps validation failures in one error whose `originalError.errors` holds the real ones. */
function unwrap(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(inner)
    ? inner.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String(e))))
    : [error];
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
    graphiql: !production,
    // Batches would let one request carry many operations past the per-request limits.
    allowBatchedQueries: false,
    // A request that a form or an <img> could send (text/plain, form encodings, a bare GET) is
    // refused unless it carries a header only script on an allowed origin can add.
    csrfPrevention: true,
    queryDepth: config.GRAPHQL_MAX_DEPTH,
    graphql: { parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS } },
    validationRules: [
      aliasLimit(config.GRAPHQL_MAX_ALIASES),
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
      for (const outcome of outcomes) {
        if (outcome.unexpected) {
          log.error(
            { err: outcome.unexpected, path: outcome.error.path },
            'unexpected error in a GraphQL request',
          );
        }
      }
      const errors: GraphQLFormattedError[] = outcomes.map((outcome) => outcome.error);
      // A request refused before execution (body too large, CSRF) keeps its HTTP status.
      const refused = outcomes.find((outcome) => outcome.status)?.status;
      const statusCode = execution.data
        ? 200
        : (refused ?? (execution as { statusCode?: number }).statusCode ?? 200);
      return { statusCode, response: { data: execution.data ?? null, errors } };
    },
  };
}
