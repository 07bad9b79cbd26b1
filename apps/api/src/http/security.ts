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

/**
 * Security headers on every answer, and cross-origin calls only from the origins configured in
 * CORS_ORIGINS (none by default: the pages are served from the API's own origin).
 */
export async function registerSecurity(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const tiles = config.TILE_URL ? originOf(config.TILE_URL) : null;
  // GraphiQL (outside production only) loads its page from a CDN.
  const graphiql = config.NODE_ENV === 'production' ? [] : ['https://unpkg.com'];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...graphiql],
        // Leaflet positions markers with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'", ...graphiql],
        imgSrc: ["'self'", 'data:', ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'", ...graphiql],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where https is expected; a laptop on http://localhost must keep working.
    strictTransportSecurity: config.NODE_ENV === 'production' ? undefined : false,
  });
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: true,
    methods: ['GET', 'POST'],
  });
}
