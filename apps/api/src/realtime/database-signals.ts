import { ACCESS_CHANNEL } from '@albergue/auth';
import { AVAILABILITY_CHANNEL } from '@albergue/shelters';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { PgListener } from './pg-listener.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';

type Handler = (payload: string) => void;

/**
 * What PostgreSQL tells this instance: a shelter's public version went up, or someone's access
 * changed. Notifications are sent on commit by the transaction that made the change, to every
 * instance. `onReconnect` handlers run whenever listening starts again, since what was notified
 * meanwhile is lost: they catch up from the database's state.
 */
@Injectable()
export class DatabaseSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseSignals.name);
  private readonly handlers = new Map<string, Handler[]>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private readonly listener: PgListener;
  private outage = false;

  constructor(@Inject(REALTIME_OPTIONS) options: RealtimeOptions) {
    this.listener = new PgListener(options.databaseUrl, [AVAILABILITY_CHANNEL, ACCESS_CHANNEL], {
      notification: (channel, payload) => {
        for (const handler of this.handlers.get(channel) ?? []) {
          handler(payload);
        }
      },
      connected: () => {
        if (this.outage) {
          this.logger.log('listening to the database again; catching up');
          this.outage = false;
        }
        for (const handler of this.reconnectHandlers) {
          handler();
        }
      },
      lost: (error) => {
        if (!this.outage) {
          this.outage = true;
          this.logger.warn(
            `lost the database notification connection (${error instanceof Error ? error.message : 'error'}); retrying`,
          );
        }
      },
    });
  }

  get listening(): boolean {
    return this.listener.listening;
  }

  onAvailability(handler: Handler): void {
    this.on(AVAILABILITY_CHANNEL, handler);
  }

  onAccessChange(handler: Handler): void {
    this.on(ACCESS_CHANNEL, handler);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  /** Finds a dead connection that no event announced. */
  check(): Promise<void> {
    return this.listener.check();
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  private on(channel: string, handler: Handler): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }
}
