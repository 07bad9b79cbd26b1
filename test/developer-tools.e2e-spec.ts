import { getIntrospectionQuery } from 'graphql';
import { launchBrowser } from './helpers/browser.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * What a developer meets on a laptop with no internet (development mode): GraphiQL served by the
 * app itself, its introspection accepted, and unknown addresses answered as the caller expects.
 */
describe('developer tools offline (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'development' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 404 for asset names that are not files (constructor, __proto__), still serving real ones', async () => {
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '..%2Fpackage.json',
    ]) {
      const response = await fetch(`${app.url}/graphiql/static/${name}`);
      expect([name, response.status]).toEqual([name, 404]);
    }
    const page = await (await fetch(`${app.url}/graphiql`)).text();
    const asset = /\/graphiql\/static\/([\w.-]+\.js)/.exec(page)![1];
    expect((await fetch(`${app.url}/graphiql/static/${asset}`)).status).toBe(200);
  });

  it('serves GraphiQL and all its assets from the app, and its schema loads', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const elsewhere: string[] = [];
      const failed: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(app.url) && !req.url().startsWith('data:')) {
          elsewhere.push(req.url());
        }
      });
      page.on('requestfailed', (req) => failed.push(req.url()));
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) {
          blocked.push(message.text());
        }
      });
      const introspection = page.waitForResponse(
        (res) =>
          res.url() === `${app.url}/graphql` &&
          (res.request().postData() ?? '').includes('__schema'),
      );
      await page.goto(`${app.url}/graphiql`);
      const answer = (await (await introspection).json()) as {
        data?: { __schema?: { queryType: { name: string } } };
        errors?: unknown[];
      };
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.__schema?.queryType.name).toBe('Query');
      // The editor is up: Monaco's workers started under the page's policy.
      await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
      expect(elsewhere).toEqual([]);
      expect(failed).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('accepts the full introspection query that GraphQL tools send', async () => {
    const result = await app.gql(getIntrospectionQuery({ descriptions: true }));
    expect(result.errors).toBeUndefined();
    expect(
      (result.data as { __schema: { types: unknown[] } }).__schema.types.length,
    ).toBeGreaterThan(20);
  });

  it('answers an unknown address with a page to a browser, in its language', async () => {
    const res = await fetch(`${app.url}/albergues/viejo-enlace`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-language': 'ht' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="ht">');
    expect(html).toContain('Nou pa jwenn paj la');
    expect(html).toContain('href="/text?lang=ht"');
    expect(html).not.toContain('<script');
  });

  it('answers an unknown address with JSON to an API client', async () => {
    for (const headers of [{ accept: 'application/json' }, {} as Record<string, string>]) {
      const res = await fetch(`${app.url}/api/v2/shelters`, { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
