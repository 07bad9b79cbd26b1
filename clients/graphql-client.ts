/**
 * The API as a client sees it: GraphQL over HTTP, and a session cookie after the login mutation.
 * Shared by the e2e specs (test/) and the benchmarks (bench/); no server code comes in here.
 */

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; reason?: string; fields?: string[] };
  }[];
}

export interface GraphQLClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface SignedIn extends GraphQLClient {
  /** The Cookie header this client sends. */
  cookie: string;
  userId: string;
}

export async function graphql<T>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T> & { headers: Headers }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** A client without an account, as the public map and a person resetting a password are. */
export function anonymous(baseUrl: string): GraphQLClient {
  return { gql: (query, variables) => graphql(baseUrl, query, variables) };
}

/** Signs in with the login mutation, as the console does, and keeps the session cookie. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<SignedIn> {
  const result = await graphql<{ login: { id: string } }>(
    baseUrl,
    'mutation($input: LoginInput!) { login(input: $input) { id } }',
    { input: { email, password } },
  );
  const setCookie = result.headers.get('set-cookie');
  if (!result.data || !setCookie) {
    throw new Error(`sign-in as ${email} failed: ${JSON.stringify(result.errors)}`);
  }
  const cookie = setCookie.split(';')[0];
  return {
    cookie,
    userId: result.data.login.id,
    gql: (query, variables) => graphql(baseUrl, query, variables, { cookie }),
  };
}
