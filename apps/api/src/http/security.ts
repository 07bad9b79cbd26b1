import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/config.schema.js';

function originOf(url: string): string | null {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    return null;
  }
}

/** A Content-Security-Policy header's value: `name source source; name …`. */
function policyOf(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The Content-Security-Policy of every answer, for a request that came over https (directly, or
 * through TRUST_PROXY reverse proxies that say so) or over plain http.
 * `upgrade-insecure-requests` only over https: on http://192.168.1.20:3000, a laptop serving a
 * shelter's network, it would send the browser to https for the page's own scripts, which
 * nothing serves there, and the page would stay blank.
 */
function contentSecurityPolicy(config: AppConfig): { http: string; https: string } {
  const tiles = config.TILE_URL ? originOf(config.TILE_URL) : null;
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Leaflet positions markers with inline styles.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'https:', 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  return {
    http: policyOf(directives),
    https: policyOf({ ...directives, 'upgrade-insecure-requests': [] }),
  };
}

/**
 * Security headers on every answer, and cross-origin calls only from the origins configured in
 * CORS_ORIGINS (none by default: the pages are served from the API's own origin).
 */
export async function registerSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  await app.register(fastifyHelmet, {
    // Set below, per request: it depends on how the request came.
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where https is expected; a laptop on http://localhost must keep working.
    strictTransportSecurity: config.NODE_ENV === 'production' ? undefined : false,
  });
  const policy = contentSecurityPolicy(config);
  app
    .getHttpAdapter()
    .getInstance()
    // Fastify's `protocol` reads X-Forwarded-Proto only from the TRUST_PROXY hops it trusts.
    .addHook('onRequest', async (request, reply) => {
      void reply.header(
        'content-security-policy',
        request.protocol === 'https' ? policy.https : policy.http,
      );
    });
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: true,
    methods: ['GET', 'POST'],
  });
}
