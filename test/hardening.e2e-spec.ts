import { request } from 'node:http';
import { fragmentFan } from '../clients/fragment-fan.js';
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
      PUBLIC_URL: 'https://albergue.example.org/',
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

  it('refuses fans of fragments without stalling: /health answers all the while', async () => {
    // Before the cost rule looked at each fragment once, one of these took about 25 s of the
    // event loop inside validation; the names vary so that no cache can help.
    const fans = Array.from({ length: 6 }, (_, i) =>
      app.gql(fragmentFan(12, 4, { on: 'Shelter', entry: 'shelters(first: 1)', tag: `x${i}` })),
    );
    const health = Array.from({ length: 20 }, () => fetch(`${app.url}/health`));
    expect((await Promise.all(health)).map((response) => response.status)).toEqual(
      Array(20).fill(200),
    );
    for (const result of await Promise.all(fans)) {
      expect(result.errors![0]).toMatchObject({
        message: expect.stringMatching(/^Query limit: this query would cost about \d+, above 500/),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  });

  it.each([
    ['a number', 123],
    ['an object (a syntax tree)', { kind: 'Document', definitions: [] }],
    ['a list', ['{ shelters { id } }']],
    ['true', true],
    ['a JSON value as text', '123'],
    ['an empty object as text', '{}'],
    ['a syntax tree as text', JSON.stringify({ kind: 'Document', definitions: [] })],
    ['null as text', 'null'],
    [
      'a syntax tree as text that forges its location',
      JSON.stringify({
        kind: 'Document',
        definitions: [],
        loc: { constructor: { name: 'Location' }, start: 0, end: 1 },
      }),
    ],
  ])(
    'refuses a query that is %s as a client error, never an internal one',
    async (_case, query) => {
      const response = await post(JSON.stringify({ query }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(['BAD_REQUEST', 'GRAPHQL_PARSE_FAILED']).toContain(body.errors[0].extensions.code);
    },
  );

  it('refuses a GET whose query string repeats the query', async () => {
    const query = encodeURIComponent('{ shelters(first: 1) { id } }');
    const response = await fetch(`${app.url}/graphql?query=${query}&query=${query}`, {
      headers: { 'mercurius-require-preflight': '1' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('parses a document only from text, so the token limit holds for a syntax tree too', async () => {
    const fields = Array.from({ length: 250 }, () => ({
      kind: 'Field',
      name: { kind: 'Name', value: 'id' },
    }));
    const tree = {
      kind: 'Document',
      definitions: [
        {
          kind: 'OperationDefinition',
          operation: 'query',
          selectionSet: {
            kind: 'SelectionSet',
            selections: [
              {
                kind: 'Field',
                name: { kind: 'Name', value: 'shelters' },
                selectionSet: { kind: 'SelectionSet', selections: fields },
              },
            ],
          },
        },
      ],
    };
    const response = await post(JSON.stringify({ query: JSON.stringify(tree) }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      data: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
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

  it('prints the configured PUBLIC_URL on /print, whatever Host the request names', async () => {
    const url = new URL(`${app.url}/print?lang=ht`);
    const body = await new Promise<string>((resolve, reject) => {
      request(url, { headers: { host: 'evil.example' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text));
      })
        .on('error', reject)
        .end();
    });
    expect(body).toContain('https://albergue.example.org/?lang=ht');
    expect(body).toMatch(/<svg[^>]*>.*<\/svg>/s);
    expect(body).not.toContain('evil.example');
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
