import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { makeHTMLParts, RuruHTMLParts } from 'ruru/server';
import type { getStaticFile } from 'ruru/static';

const PAGE = '/graphiql';
const STATIC = '/graphiql/static/';
/**
 * Ruru's asset names (`1004.js`, `ruru.min.js.map`): a name with a dot, nothing else. Other
 * names (`constructor`, `__proto__`) would look up the prototype of Ruru's table of files.
 */
const ASSET_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/;

/** The two entry points of Ruru (Graphile's build of GraphiQL) that this page needs. */
interface Ruru {
  makeHTMLParts: typeof makeHTMLParts;
  getStaticFile: typeof getStaticFile;
}

async function loadRuru(): Promise<Ruru | null> {
  try {
    const [server, files] = await Promise.all([import('ruru/server'), import('ruru/static')]);
    return { makeHTMLParts: server.makeHTMLParts, getStaticFile: files.getStaticFile };
  } catch {
    return null;
  }
}

/** Every `<script` of Ruru's page, with the nonce that lets this one page run them. */
function withNonce(parts: RuruHTMLParts, nonce: string): string {
  const html = `<!doctype html>
<html lang="en">
<head>
${parts.metaTags}
<title>Albergue API: GraphiQL (development)</title>
${parts.styleTags}
${parts.configScript}
${parts.headerScripts}
</head>
<body>
${parts.bodyContent}
${parts.bodyScripts}
${parts.bodyInitScript}
</body>
</html>`;
  return html.replaceAll('<script', `<script nonce="${nonce}"`);
}

/**
 * GraphiQL for developers, outside production only, served entirely by this process: a laptop
 * in a shelter's office has no CDN. Mercurius' own GraphiQL page loads React and GraphiQL from
 * unpkg, so it is off (graphql.options.ts) and this page, Ruru (GraphiQL 5 with its assets
 * bundled, a development dependency), takes its place at the same address. Ruru's page runs
 * inline scripts: it alone gets a policy with a nonce, fresh on every load; every other answer
 * keeps the strict policy of security.ts. Without development dependencies installed
 * (`npm ci --omit=dev` outside production), the page is absent and the start says so.
 */
export async function registerGraphiql(app: NestFastifyApplication, logger: Logger): Promise<void> {
  const ruru = await loadRuru();
  const fastify = app.getHttpAdapter().getInstance();
  if (!ruru) {
    logger.warn('GraphiQL is off: its assets (the ruru development dependency) are not installed');
    return;
  }
  fastify.get(PAGE, async (_request, reply) => {
    const nonce = randomBytes(16).toString('base64');
    const parts = ruru.makeHTMLParts({ staticPath: STATIC, endpoint: '/graphql' });
    return reply
      .header(
        'content-security-policy',
        [
          "default-src 'self'",
          `script-src 'self' 'nonce-${nonce}'`,
          "worker-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data:",
          "font-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'none'",
          "base-uri 'self'",
        ].join('; '),
      )
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(withNonce(parts, nonce));
  });
  fastify.get(`${STATIC}*`, async (request, reply) => {
    const name = request.url.slice(STATIC.length).split('?')[0];
    if (!ASSET_NAME.test(name)) {
      return reply.callNotFound();
    }
    const file = await ruru.getStaticFile({
      staticPath: STATIC,
      urlPath: request.url,
      acceptEncoding: request.headers['accept-encoding'],
      disallowDevAssets: true,
    });
    if (!file) {
      return reply.callNotFound();
    }
    return reply.headers(file.headers).send(file.content);
  });
}
