import { AuditModule } from '@albergue/audit';
import { AuthModule } from '@albergue/auth';
import { CommonModule, InputValidationPipe } from '@albergue/common';
import { OccupancyModule } from '@albergue/occupancy';
import { ReferralsModule } from '@albergue/referrals';
import { ResidentsModule } from '@albergue/residents';
import { SheltersModule } from '@albergue/shelters';
import { SuppliesModule } from '@albergue/supplies';
import { type FieldCipher, VaultModule } from '@albergue/vault';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from './config/app-config.token.js';
import type { AppConfig } from './config/config.schema.js';
import { DATABASE_HEALTH } from './database/database-health.token.js';
import { dataSourceOptions } from './database/data-source.js';
import type { DatabaseHealth } from './database/embedded-supervisor.js';
import { graphqlOptions } from './graphql/graphql.options.js';
import { HealthController } from './health/health.controller.js';
import { PublicPagesModule } from './public-pages/public-pages.module.js';
import { PledgeReadsAudit } from './wiring/pledge-reads-audit.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { realtimeOptions } from './realtime/realtime.options.js';
import { WebController } from './web/web.controller.js';

@Module({})
export class AppModule {
  /**
   * `serving: false` leaves out what only a running server needs (sockets, their database
   * listener and timers, the background jobs), for command-line tools such as keys:rotate: without
   * the ScheduleModule, the services' `@Interval` methods are never called. `databaseHealth` tells
   * /health about the embedded PostgreSQL's supervisor (none: the database is not ours to run).
   */
  static forRoot(
    config: AppConfig,
    databaseUrl: string,
    cipher: FieldCipher,
    {
      serving = true,
      databaseHealth = () => ({ supervised: false }),
    }: { serving?: boolean; databaseHealth?: () => DatabaseHealth } = {},
  ): DynamicModule {
    // Each configured once, and that same module handed to every module that imports it: Nest
    // tells dynamic modules apart by reference, so a second forRoot would be a second instance.
    const audit = AuditModule.forRoot({ retentionDays: config.AUDIT_RETENTION_DAYS });
    const vault = VaultModule.forRoot({ cipher });
    const shelters = SheltersModule.forRoot(
      {
        fewThreshold: config.FEW_THRESHOLD,
        staleAfterMs: config.STALE_AFTER,
        staleNudgeBeforeMs: Math.min(config.STALE_NUDGE_BEFORE, config.STALE_AFTER / 2),
        outboxRetentionMs: config.OUTBOX_RETENTION,
        timeZone: config.TIME_ZONE,
        reportBurst: { count: config.REPORT_BURST_COUNT, windowMs: config.REPORT_BURST_WINDOW },
      },
      [audit],
    );
    const residents = ResidentsModule.forRoot(
      {
        previousShelterAccessMs: config.PREVIOUS_SHELTER_ACCESS,
        retentionDays: config.RETENTION_DAYS,
        appointmentsAheadMs: config.APPOINTMENTS_AHEAD,
        timeZone: config.TIME_ZONE,
      },
      [audit, vault, shelters],
    );
    const auth = AuthModule.forRoot(
      {
        sessionIdleMs: config.SESSION_IDLE_TIMEOUT,
        sessionMaxMs: config.SESSION_MAX_AGE,
        loginMaxFailuresPerAccount: config.LOGIN_MAX_FAILURES,
        loginMaxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        loginLockoutMs: config.LOGIN_LOCKOUT,
        resetTokenMs: 24 * 3_600_000,
        fieldVisitMaxMs: config.FIELD_VISIT_MAX,
      },
      [audit, vault],
    );
    const occupancy = OccupancyModule.forRoot(
      {
        holdMs: config.HOLD_TIME,
        elsewhereShare: config.HOLDS_FROM_ELSEWHERE_SHARE,
        elsewhereMaxMs: config.HOLD_FROM_ELSEWHERE_MAX,
        timeZone: config.TIME_ZONE,
        holdWarningMs: config.HOLD_WARNING,
      },
      [residents, shelters, audit],
    );
    const referrals = ReferralsModule.forRoot(
      {
        urgentWindowMs: config.REFERRAL_URGENT_WINDOW,
        routineWindowMs: config.REFERRAL_ROUTINE_WINDOW,
        serviceStaleAfterMs: config.SERVICE_STALE_AFTER,
        timeZone: config.TIME_ZONE,
        retentionDays: config.RETENTION_DAYS,
      },
      [residents, shelters, audit, vault],
    );
    const supplies = SuppliesModule.forRoot(
      {
        timeZone: config.TIME_ZONE,
        kcalPerPersonDay: config.FOOD_KCAL_PER_PERSON_DAY,
        foodDaysLow: config.FOOD_DAYS_LOW,
        expiringWithinDays: config.SUPPLY_EXPIRING_WITHIN,
      },
      [shelters, vault],
    );
    const realtime = RealtimeModule.forRoot(realtimeOptions(config, databaseUrl), [auth, shelters]);
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        CommonModule.forRoot({ fingerprint: (input) => cipher.hash('request', input) }),
        vault,
        audit,
        auth,
        GraphQLModule.forRoot<MercuriusDriverConfig>(graphqlOptions(config)),
        shelters,
        residents,
        occupancy,
        referrals,
        supplies,
        ...(serving
          ? [
              ScheduleModule.forRoot(),
              realtime,
              PublicPagesModule.forRoot(
                {
                  timeZone: config.TIME_ZONE,
                  publicUrl: config.PUBLIC_URL,
                  fromRequest: config.NODE_ENV !== 'production',
                },
                realtime,
                shelters,
                referrals,
                supplies,
              ),
            ]
          : []),
      ],
      controllers: [HealthController, WebController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_HEALTH, useValue: databaseHealth },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        PledgeReadsAudit,
      ],
    };
  }
}
