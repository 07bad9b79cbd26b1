import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * The console's GraphQL documents, typed from schema.graphql: `npm run build:schema` writes
 * graphql-env.d.ts beside this file from the schema (a spec fails when it is stale), so every
 * answer's type comes from the API's contract, never written by hand.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
