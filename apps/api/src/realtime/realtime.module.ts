import { type DynamicModule, Module } from '@nestjs/common';
import { AvailabilityFeed } from './availability-feed.js';
import { DatabaseSignals } from './database-signals.js';
import { PublicGateway } from './public.gateway.js';
import { PublicSnapshot } from './public-snapshot.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';
import { SnapshotController } from './snapshot.controller.js';
import { StaffDispatch } from './staff-dispatch.js';
import { StaffGateway } from './staff.gateway.js';

/**
 * Live maps and staff screens: what commits reaches every open client of every instance, through
 * PostgreSQL (see AvailabilityFeed). The socket server itself is set up by RealtimeAdapter. Not
 * global: what reads it imports it (the app module for /health, which reports the gateways and
 * the listener, and the public pages, made from the snapshot).
 */
@Module({})
export class RealtimeModule {
  /**
   * `uses`: the configured modules whose services the gateways call (sessions; the shelters'
   * state and the staff notifiers the libs registered).
   */
  static forRoot(options: RealtimeOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: RealtimeModule,
      imports: uses,
      controllers: [SnapshotController],
      providers: [
        { provide: REALTIME_OPTIONS, useValue: options },
        AvailabilityFeed,
        DatabaseSignals,
        PublicGateway,
        PublicSnapshot,
        StaffDispatch,
        StaffGateway,
      ],
      exports: [DatabaseSignals, PublicGateway, PublicSnapshot, StaffGateway],
    };
  }
}
