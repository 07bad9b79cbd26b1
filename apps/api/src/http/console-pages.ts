import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The staff console is one page (dist/console/index.html) with an address per screen
 * (`/console/shelters/3/board`): every address below /console/ answers that page, which reads
 * the address itself, so that a reload or a shared link lands on its screen. /console alone goes
 * to /console/, where the page's relative addresses hold. The files themselves (dist/console/,
 * dist/assets/console/) are served by the static files' routes, which take precedence.
 */
export function registerConsolePages(app: NestFastifyApplication): void {
  const server = app.getHttpAdapter().getInstance();
  server.get('/console', (_request, reply) => reply.redirect('/console/', 301));
  server.get('/console/*', (_request, reply) => reply.sendFile('console/index.html'));
}
