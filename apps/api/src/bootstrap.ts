// Before any decorated class is evaluated, or swc's metadata helpers find no Reflect.metadata.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AccountsService, FirstStartService, SecondFactorService } from '@albergue/auth';
import {
  BedsModeService,
  BedsService,
  CheckInService,
  HoldsService,
  MovementsService,
  RecordsService,
} from '@albergue/occupancy';
import { HealthServicesService } from '@albergue/referrals';
import { AsylumService, ResidentsService } from '@albergue/residents';
import { AvailabilityService, OrganisationsService, SheltersService } from '@albergue/shelters';
import {
  MealsService,
  StockService,
  StockTransfersService,
  SupplyItemsService,
  SupplyNeeds,
  SupplyThresholds,
} from '@albergue/supplies';
import type { Catalogue } from '@albergue/i18n';
import { FieldCipher } from '@albergue/vault';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.schema.js';
import { migrate } from './database/data-source.js';
import { freePort, prepareEmbeddedPostgres } from './database/embedded-postgres.js';
import { type DatabaseHealth, EmbeddedSupervisor } from './database/embedded-supervisor.js';
import { loadDemoHealthServices, reportDemoCapacity } from './demo/demo-health.js';
import { loadDemoNetwork } from './demo/demo-network.js';
import { loadDemoOccupancy } from './demo/demo-occupancy.js';
import { loadDemoResidents } from './demo/demo-residents.js';
import { loadDemoSupplies } from './demo/demo-supplies.js';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  loadDemoUsers,
} from './demo/demo-users.js';
import { registerConsolePages } from './http/console-pages.js';
import { registerGraphiql } from './http/graphiql.js';
import { notFoundPage } from './http/not-found-page.js';
import { registerSecurity } from './http/security.js';
import { CATALOGUES, catalogueFor } from './public-pages/public-pages.controller.js';
import { loadResidentKeys } from './keys/resident-keys.js';
import { answerTransportRefusals, ErrorContractFilter } from './http/error-contract.filter.js';
import { NestPinoLogger } from './logging/logger.js';
import { RealtimeAdapter } from './realtime/realtime.adapter.js';
import {
  OneLinePerRequest,
  registerRequestIdHeader,
  requestId,
} from './logging/request-logging.js';

/** The project root, whether this file runs from apps/api/src (tests) or dist/apps/api/src (npm start). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    dir = path.dirname(dir);
  }
  return dir;
}

/** The built public pages (`npm run build`). */
const WEB_ROOT = path.join(projectRoot(), 'apps/web/dist');

export interface RunningAlbergue {
  app: NestFastifyApplication;
  /** Where it listens, e.g. http://localhost:3000 */
  url: string;
  databaseUrl: string;
  close(): Promise<void>;
}

interface OpenDatabase {
  url: string;
  health(): DatabaseHealth;
  /** The app is shutting down: the server's exit from now on is expected. */
  endSupervision(): void;
  stop(): Promise<void>;
}

/**
 * The embedded PostgreSQL runs under a supervisor that starts it again, on the same port, when it
 * dies: the pool and the realtime listener find it where it was. A server of the operator's
 * (DATABASE_URL) is the operator's to keep up; the app only waits for it to come back.
 */
async function openDatabase(config: AppConfig, logger: Logger): Promise<OpenDatabase> {
  if (config.DATABASE_URL) {
    return {
      url: config.DATABASE_URL,
      health: () => ({ supervised: false }),
      endSupervision: () => undefined,
      stop: async () => undefined,
    };
  }
  const server = await prepareEmbeddedPostgres(config.DATA_DIR, (line) => logger.info(line), {
    port: await freePort(),
  });
  const supervisor = new EmbeddedSupervisor(() => server.start(), logger);
  await supervisor.start();
  logger.info({ dataDir: path.resolve(config.DATA_DIR) }, 'embedded PostgreSQL started');
  return {
    url: server.url,
    health: () => supervisor.health(),
    endSupervision: () => supervisor.endSupervision(),
    stop: () => supervisor.stop(),
  };
}

/**
 * Starts the whole product: the database (embedded unless DATABASE_URL), migrations, the demo
 * network on an empty database, the API and the public pages. Used by main.ts and by the e2e specs.
 */
export async function startAlbergue(config: AppConfig, logger: Logger): Promise<RunningAlbergue> {
  const database = await openDatabase(config, logger);
  let app: NestFastifyApplication | undefined;
  try {
    const ran = await migrate(database.url);
    if (ran.length > 0) {
      logger.info({ migrations: ran.map((migration) => migration.name) }, 'migrations applied');
    }
    for (const { name, outcome } of ran) {
      if (outcome) {
        logger[outcome.level]({ migration: name }, outcome.message);
      }
    }
    const adapter = new FastifyAdapter({
      loggerInstance: logger,
      logController: new OneLinePerRequest(),
      bodyLimit: config.BODY_LIMIT_KB * 1024,
      // Behind TRUST_PROXY reverse proxies, the caller's address and https come from X-Forwarded-*,
      // read that many hops from the right: entries further left are the caller's to invent.
      trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY,
      genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
        requestId(request.headers['x-request-id']),
    });
    const keys = await loadResidentKeys(config, database.url, (line) => logger.info(line));
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, database.url, new FieldCipher(keys), {
        databaseHealth: () => database.health(),
      }),
      adapter,
      {
        logger: new NestPinoLogger(logger),
        // A wiring error must reach the caller (and close the database), not exit the process.
        abortOnError: false,
      },
    );
    app.useWebSocketAdapter(
      new RealtimeAdapter(app, {
        socketsPerAddress: config.SOCKETS_PER_ADDRESS,
        maxMessageBytes: config.SOCKET_MAX_MESSAGE_KB * 1024,
        trustProxyHops: config.TRUST_PROXY,
      }),
    );
    // One error contract for GraphQL and HTTP routes alike; it logs every refusal in one line.
    const catalogues = app.get<Map<string, Catalogue>>(CATALOGUES);
    app.useGlobalFilters(
      new ErrorContractFilter(logger, (request) =>
        notFoundPage(
          catalogueFor(
            catalogues,
            (request.query as Record<string, unknown> | undefined)?.lang,
            request.headers['accept-language'],
          ),
        ),
      ),
    );
    answerTransportRefusals(app.getHttpAdapter().getInstance(), logger);
    registerRequestIdHeader(app.getHttpAdapter().getInstance());
    await registerSecurity(app, config);
    if (config.NODE_ENV !== 'production') {
      await registerGraphiql(app, logger);
    }
    if (existsSync(WEB_ROOT)) {
      await app.register(fastifyStatic, {
        root: WEB_ROOT,
        prefix: '/',
        wildcard: false,
        index: ['index.html'],
        // Brotli and gzip copies made at build time (scripts/web-postbuild.mjs).
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply, file) => {
          // Hashed assets never change under one name; the page and the service worker must
          // be checked at every load, or a phone would keep an old one.
          void reply.header(
            'cache-control',
            file.includes(`${path.sep}assets${path.sep}`)
              ? 'public, max-age=31536000, immutable'
              : 'no-cache',
          );
        },
      });
      registerConsolePages(app);
    } else {
      logger.warn('apps/web/dist is missing: run `npm run build` to serve the public pages');
    }
    if (config.DEMO_DATA) {
      const demo = await loadDemoNetwork(
        app.get(DataSource),
        app.get(OrganisationsService),
        app.get(SheltersService),
        app.get(AvailabilityService),
      );
      if (demo) {
        // Fictional health services, described as an admin would (capacity unreported here).
        const serviceIds = await loadDemoHealthServices(
          app.get(OrganisationsService),
          app.get(HealthServicesService),
        );
        logger.info(
          { shelters: demo.shelterIds.length, healthServices: serviceIds.length },
          'demo network loaded (fictional shelters; DEMO_DATA=false to start empty)',
        );
        // Demo accounts with a published password: never in production.
        if (config.NODE_ENV !== 'production') {
          const users = await loadDemoUsers(
            app.get(AccountsService),
            app.get(SecondFactorService),
            demo.shelterIds,
            serviceIds,
          );
          // The demo services' staff (or the demo admin) report their capacity, one stale.
          const staffOf = DEMO_USERS.find((user) => user.services?.length);
          await reportDemoCapacity(
            app.get(DataSource),
            app.get(HealthServicesService),
            serviceIds,
            (index) => users.get(staffOf?.services?.includes(index) ? staffOf.email : DEMO_ADMIN)!,
          );
          logger.info(
            { users: [...users.keys()], password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET },
            'demo accounts created (see README)',
          );
          const coordinatorId = users.get(DEMO_COORDINATOR)!;
          const households = await loadDemoResidents(
            app.get(ResidentsService),
            app.get(AsylumService),
            coordinatorId,
            demo.bedsMode,
          );
          const week = await loadDemoOccupancy(
            {
              dataSource: app.get(DataSource),
              residents: app.get(ResidentsService),
              beds: app.get(BedsService),
              bedsMode: app.get(BedsModeService),
              checkIns: app.get(CheckInService),
              holds: app.get(HoldsService),
              movements: app.get(MovementsService),
              records: app.get(RecordsService),
            },
            demo.bedsMode,
            households,
            coordinatorId,
          );
          logger.info(
            { households: households.length, ...week },
            'demo residents, beds and a week of history (fictional)',
          );
          const pantries = await loadDemoSupplies(
            {
              items: app.get(SupplyItemsService),
              stock: app.get(StockService),
              meals: app.get(MealsService),
              transfers: app.get(StockTransfersService),
              thresholds: app.get(SupplyThresholds),
              needs: app.get(SupplyNeeds),
            },
            demo.shelterIds,
            users.get(DEMO_ADMIN)!,
            coordinatorId,
          );
          logger.info(
            pantries,
            'demo food and supplies: items, pantries, a transfer, needs (fictional)',
          );
        }
      }
    }
    if (config.NODE_ENV === 'production' && !config.PUBLIC_URL) {
      logger.warn('PUBLIC_URL is not set: the printed sheet (/print) carries no QR code or link');
    }
    if (config.NODE_ENV === 'production') {
      const disabled = await app.get(FirstStartService).disableDemoAccounts(DEMO_DOMAIN);
      if (disabled > 0) {
        logger.warn(
          { accounts: disabled },
          'production start: demo accounts (published password) deactivated',
        );
      }
    }
    const access = await app.get(FirstStartService).ensureAccess({
      email: config.ADMIN_EMAIL,
      password: config.ADMIN_PASSWORD,
      totpSecret: config.ADMIN_TOTP_SECRET,
    });
    if (access) {
      logger.warn(access);
    }
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const running = app;
    return {
      app: running,
      url: `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST}:${port}`,
      databaseUrl: database.url,
      close: async () => {
        // First, before anything can await: a Ctrl-C stops the server along with the app.
        database.endSupervision();
        await running.close();
        await database.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
}
