import { runEvery } from '@albergue/common';
import { areaOf, type Shelter, ShelterSearchService } from '@albergue/shelters';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DatabaseSignals } from './database-signals.js';
import { REALTIME_OPTIONS, type RealtimeOptions } from './realtime.options.js';

export interface FeedChange {
  shelter: Shelter;
  area: string;
  /** The area it was announced in before, when an edit moved it to another. */
  previousArea: string | null;
}

interface Known {
  shelter: Shelter;
  area: string;
}

/**
 * This instance's view of every shelter's public state, kept current from the database: a
 * notification says which shelter moved, and the feed reads that shelter's state (by version,
 * never by log order, since transactions commit out of order). A sweep compares every version
 * with the database when listening (re)starts and every REALTIME_SWEEP, so a notification lost
 * to a dropped connection or a database restart delays a change but never loses it. Nothing
 * here is the truth: a new instance builds it from the database at start.
 */
@Injectable()
export class AvailabilityFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AvailabilityFeed.name);
  private readonly known = new Map<string, Known>();
  private readonly dirty = new Set<string>();
  private readonly subscribers: ((changes: FeedChange[]) => void)[] = [];
  private reading: Promise<void> | null = null;
  private failing = false;
  private stopSweep?: () => void;
  /** Goes up with every change this instance applied: lets caches know they are out of date. */
  revision = 0;

  constructor(
    private readonly search: ShelterSearchService,
    private readonly signals: DatabaseSignals,
    @Inject(REALTIME_OPTIONS) private readonly options: RealtimeOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    this.signals.onAvailability((payload) => this.notified(payload));
    this.signals.onReconnect(() => void this.sweep());
    await this.sweep();
    this.stopSweep = runEvery(
      this.options.sweepMs,
      async () => {
        await this.signals.check();
        await this.sweep();
      },
      () => undefined,
    );
  }

  onApplicationShutdown(): void {
    this.stopSweep?.();
  }

  subscribe(subscriber: (changes: FeedChange[]) => void): void {
    this.subscribers.push(subscriber);
  }

  shelters(): Shelter[] {
    return [...this.known.values()].map((entry) => entry.shelter);
  }

  get(shelterId: string): Shelter | undefined {
    return this.known.get(shelterId)?.shelter;
  }

  areaOf(shelterId: string): string | undefined {
    return this.known.get(shelterId)?.area;
  }

  /** Compares every shelter's version with the database and reads those that moved. */
  async sweep(): Promise<void> {
    let versions: Map<string, number>;
    try {
      versions = await this.search.versions();
    } catch (error) {
      this.readFailed(error);
      return;
    }
    for (const [id, version] of versions) {
      if (this.known.get(id)?.shelter.availabilityVersion !== version) {
        this.dirty.add(id);
      }
    }
    await this.read();
  }

  private notified(payload: string): void {
    let change: { shelterId?: unknown; version?: unknown };
    try {
      change = JSON.parse(payload) as typeof change;
    } catch {
      return;
    }
    if (typeof change.shelterId !== 'string' || typeof change.version !== 'number') {
      return;
    }
    if ((this.known.get(change.shelterId)?.shelter.availabilityVersion ?? -1) < change.version) {
      this.dirty.add(change.shelterId);
      void this.read();
    }
  }

  /** One read at a time; notifications that arrive meanwhile are read together right after. */
  private read(): Promise<void> {
    this.reading ??= this.readDirty().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readDirty(): Promise<void> {
    while (this.dirty.size > 0) {
      const ids = [...this.dirty];
      this.dirty.clear();
      let fresh: Shelter[];
      try {
        fresh = await this.search.byIds(ids);
      } catch (error) {
        ids.forEach((id) => this.dirty.add(id));
        this.readFailed(error);
        return; // the next notification, reconnect or sweep tries again
      }
      this.failing = false;
      this.apply(fresh);
    }
  }

  private apply(fresh: Shelter[]): void {
    const changes: FeedChange[] = [];
    for (const shelter of fresh) {
      const before = this.known.get(shelter.id);
      if (before && before.shelter.availabilityVersion >= shelter.availabilityVersion) {
        continue;
      }
      const area = areaOf(shelter);
      this.known.set(shelter.id, { shelter, area });
      changes.push({
        shelter,
        area,
        previousArea: before && before.area !== area ? before.area : null,
      });
    }
    if (changes.length === 0) {
      return;
    }
    this.revision += 1;
    for (const subscriber of this.subscribers) {
      try {
        subscriber(changes);
      } catch (error) {
        this.logger.error(
          `a feed subscriber failed: ${error instanceof Error ? error.name : 'error'}`,
        );
      }
    }
  }

  private readFailed(error: unknown): void {
    if (!this.failing) {
      this.failing = true;
      this.logger.warn(
        `could not read shelter changes (${error instanceof Error ? error.message : 'error'}); will retry`,
      );
    }
  }
}
