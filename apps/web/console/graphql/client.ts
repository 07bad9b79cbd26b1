import { ApiErrorCode } from '@albergue/contracts';
import { cacheExchange, Client, fetchExchange, mapExchange } from '@urql/core';

/**
 * The console's one GraphQL client: same origin, the session in its HttpOnly cookie (no token in
 * script reach), every operation a JSON POST (the API refuses GET and form posts that a page
 * elsewhere could send). Answers live in memory only: nothing of them is written to the
 * browser's storage, and the service worker never sees /graphql. A refusal that says the session
 * is gone (`UNAUTHENTICATED`) calls `onSessionEnded`, unless it answers the sign-in itself.
 */
export function createClient(onSessionEnded: () => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error, operation) {
          const unauthenticated = error.graphQLErrors.some(
            (each) => each.extensions.code === ApiErrorCode.UNAUTHENTICATED,
          );
          if (unauthenticated && !SIGN_IN_OPERATIONS.has(operationName(operation.query) ?? '')) {
            onSessionEnded();
          }
        },
      }),
      cacheExchange,
      fetchExchange,
    ],
  });
}

/** Operations whose UNAUTHENTICATED means "wrong password or code", not "the session ended". */
const SIGN_IN_OPERATIONS = new Set([
  'Me',
  'SignIn',
  'VerifySecondFactor',
  'ResetPassword',
  'CompleteSetup',
]);

function operationName(query: { definitions: readonly unknown[] }): string | undefined {
  for (const definition of query.definitions as { kind: string; name?: { value: string } }[]) {
    if (definition.kind === 'OperationDefinition') {
      return definition.name?.value;
    }
  }
  return undefined;
}
