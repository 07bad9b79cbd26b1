import type { GraphQLClient } from '../../clients/graphql-client.js';

/** The shelters a signed-in user works in, as `me` lists them. */
export async function workplaces(client: GraphQLClient): Promise<string[]> {
  const me = await client.gql<{ me: { memberships: { shelterId: string }[] } }>(
    '{ me { memberships { shelterId } } }',
  );
  if (!me.data) {
    throw new Error(`me failed: ${JSON.stringify(me.errors)}`);
  }
  return me.data.me.memberships.map((m) => m.shelterId);
}
