import { startTestApp, type TestApp } from './helpers/test-app.js';

/** The API facing a hostile client, with tight limits so that each is easy to reach. */
describe('API hardening (e2e)', () => {
  let app: TestApp;

  const post = (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

  beforeAll(async () => {
    app = await startTestApp({
      NODE_ENV: 'production',
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_ALIASES: '2',
      GRAPHQL_MAX_COST: '500',
      GRAPHQL_MAX_TOKENS: '200',
      BODY_LIMIT_KB: '64',
      CORS_ORIGINS: 'https://console.example.org',
    });
  });

  afterAll(async () => {
    await app.close();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH', async () => {
    const result = await app.gql(
      '{ shelters(first: 1) { availability { byPopulation { band } } } }',
    );
    expect(result.data).toBeNull();
    expect(result.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0].message).toMatch(/depth/);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const result = await app.gql(
      '{ a: shelters(first: 1) { id } b: shelters(first: 1) { id } c: shelters(first: 1) { id } }',
    );
    expect(result.errors![0]).toMatchObject({
      message: 'Query limit: at most 2 aliases per request.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('refuses a query whose estimated cost passes GRAPHQL_MAX_COST', async () => {
    const result = await app.gql('{ shelters(first: 300) { id name } }');
    expect(result.errors![0].message).toMatch(/cost about 601, above 500/);
    expect((await app.gql('{ shelters(first: 100) { id name } }')).errors).toBeUndefined();
  });

  it('refuses a document with more tokens than GRAPHQL_MAX_TOKENS', async () => {
    const fields = Array.from({ length: 250 }, () => 'id').join(' ');
    const result = await app.gql(`{ shelters(first: 1) { ${fields} } }`);
    expect(result.errors![0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(result.errors![0].message).toMatch(/tokens/);
  });

  it('refuses a body over BODY_LIMIT_KB with 413, and keeps serving', async () => {
    const response = await post(
      JSON.stringify({ query: '{ shelters { id } }', variables: { pad: 'x'.repeat(70 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('does not run batched operations', async () => {
    const response = await post(
      JSON.stringify([
        { query: 'mutation { logout }' },
        { query: '{ shelters(first: 1) { id } }' },
      ]),
    );
    const body = (await response.json()) as { data: unknown; errors: { message: string }[] };
    expect(body.data).toBeNull();
    expect(body.errors[0].message).toMatch(/body must be object/);
  });

  it('has introspection, field suggestions and GraphiQL off in production', async () => {
    const introspection = await app.gql('{ __schema { types { name } } }');
    expect(introspection.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await app.gql('{ shelterz { id } }');
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    expect((await fetch(`${app.url}/graphiql`)).status).toBe(404);
  });

  it('refuses a cross-site form post (text/plain, no preflight header), and a bare GET', async () => {
    const form = await post('{"query":"mutation { logout }"}', { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
    expect(JSON.stringify(await form.json())).toMatch(/CSRF|Cross-Site/i);
    const bareGet = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ shelters(first: 1) { id } }')}`,
    );
    expect(bareGet.status).toBe(400);
    const preflighted = await fetch(
      `${app.url}/graphql?query=${encodeURIComponent('{ shelters(first: 1) { id } }')}`,
      {
        headers: { 'mercurius-require-preflight': '1' },
      },
    );
    expect(preflighted.status).toBe(200);
  });

  it('sends security headers on pages and API alike', async () => {
    for (const path of ['/', '/graphql?query=%7B__typename%7D', '/health']) {
      const response = await fetch(`${app.url}${path}`, {
        headers: { 'mercurius-require-preflight': '1' },
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://console.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.org');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
