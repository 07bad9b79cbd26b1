import { ACCESS_CHANNEL } from '@albergue/auth';
import { AVAILABILITY_CHANNEL, StaffNotifiers } from '@albergue/shelters';
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
 * What PostgreSQL tells this instance: a shelter's public version went up, someone's access
 * changed, or something on a channel a staff notifier named (a referral changed). Notifications are sent on commit by the transaction that made the change, to every
 * instance. `onReconnect` handlers run whenever listening starts again, since what was notified
 * meanwhile is lost: they catch up from the database's state.
 */
@Injectable()
export class DatabaseSignals implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseSignals.name);
  private readonly handlers = new Map<string, Handler[]>();
  private readonly reconnectHandlers: (() => void)[] = [];
  private listener: PgListener | null = null;
  private outage = false;

  constructor(
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
    private readonly notifiers: StaffNotifiers,
  ) {}

  /** Made once every module is built: the notifiers registered their channels at construction. */
  private listen(): PgListener {
    const channels = [
      ...new Set([AVAILABILITY_CHANNEL, ACCESS_CHANNEL, ...this.notifiers.channels()]),
    ];
    return new PgListener(this.options.databaseUrl, channels, {
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
    return this.listener?.listening ?? false;
  }

  onAvailability(handler: Handler): void {
    this.on(AVAILABILITY_CHANNEL, handler);
  }

  onAccessChange(handler: Handler): void {
    this.on(ACCESS_CHANNEL, handler);
  }

  /** A channel a staff notifier named (StaffNotifier.channels). */
  onChannel(channel: string, handler: Handler): void {
    this.on(channel, handler);
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  /** Finds a dead connection that no event announced. */
  async check(): Promise<void> {
    await this.listener?.check();
  }

  async onModuleInit(): Promise<void> {
    this.listener = this.listen();
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private on(channel: string, handler: Handler): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }
}
