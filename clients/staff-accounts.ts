import { randomUUID } from 'node:crypto';
import type { GraphQLClient, GraphQLResponse } from './graphql-client.js';

export interface StaffAccount {
  email: string;
  password: string;
  networkRole?: string;
  displayName?: string;
}

/**
 * An account made as an admin makes one: createUser, then a one-time reset token the person uses
 * to choose their password. Returns the user id; throws with the errors when a step fails.
 */
export async function createStaff(
  admin: GraphQLClient,
  anonymous: GraphQLClient,
  account: StaffAccount,
): Promise<string> {
  const check = <T>(step: string, result: GraphQLResponse<T>): T => {
    if (!result.data) {
      throw new Error(`${step} failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  };
  const { createUser } = check(
    'createUser',
    await admin.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          requestId: randomUUID(),
          email: account.email,
          displayName: account.displayName ?? account.email.split('@')[0],
          networkRole: account.networkRole,
        },
      },
    ),
  );
  const { createPasswordReset } = check(
    'createPasswordReset',
    await admin.gql<{ createPasswordReset: string }>(
      'mutation($id: ID!) { createPasswordReset(userId: $id) }',
      { id: createUser.id },
    ),
  );
  check(
    'resetPassword',
    await anonymous.gql<{ resetPassword: boolean }>(
      'mutation($t: String!, $p: String!) { resetPassword(input: { token: $t, newPassword: $p }) }',
      {
        t: createPasswordReset,
        p: account.password,
      },
    ),
  );
  return createUser.id;
}
