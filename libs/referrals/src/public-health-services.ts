import { GeoPointInput, haversineKm } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_NEAR_KM,
  MAX_PUBLIC_SERVICES,
  type PublicHealthServicesArgs,
} from './dto/public-health-services.args.js';
import { HealthService } from './health-service.entity.js';
import {
  PUBLIC_SERVICE_COLUMNS,
  type PublicHealthService,
  publicPointOf,
  type PublicServiceRow,
  toPublicHealthService,
} from './public-health-service.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';

/**
 * How long an instance's `/text` pages reuse the public services they read: those pages are built
 * from memory, not from a query per anonymous request. Capacity is shown with its age, computed
 * when the page is made, so a list up to this old stays honest; `/text` is served with
 * `max-age=30` anyway. A change made through this instance shows at once (`forget`).
 */
export const PUBLIC_SERVICES_CACHE_MS = 30_000;

/**
 * The public side's read of health services (the map's sheet, `/text`, the public GraphQL
 * query): only services their organisation marks public and that are active; directory facts
 * and capacity with its age; a sensitive service by its borough only. A network has tens of
 * services, not thousands: the public rows are read whole and placed here, so that "nearest"
 * never touches a sensitive service's door.
 */
@Injectable()
export class PublicHealthServices {
  /** Every public, active service as last read, by borough and name, and until when to reuse it. */
  private cached: { rows: Promise<PublicServiceRow[]>; until: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  /** Nearest first from `near` (when given), else by borough and name; at most `first`. */
  async find(args: PublicHealthServicesArgs, now = new Date()): Promise<PublicHealthService[]> {
    const first = Math.min(args.first ?? 10, MAX_PUBLIC_SERVICES);
    let rows = await this.rows(args.boroughCode);
    if (args.near) {
      rows = this.nearest(rows, args.near, args.radiusKm ?? DEFAULT_NEAR_KM);
    }
    return rows
      .slice(0, first)
      .map((row) => toPublicHealthService(row, this.options.serviceStaleAfterMs, now, args.near));
  }

  /** The public services near a point (a shelter's public point), nearest first. */
  near(point: GeoPointInput, first = 5, now = new Date()): Promise<PublicHealthService[]> {
    return this.find({ near: point, first }, now);
  }

  /** Every public service of a borough, by name (`/text`), from the rows read at most 30 s ago. */
  async inBorough(boroughCode: string, now = new Date()): Promise<PublicHealthService[]> {
    return (await this.recentRows())
      .filter((row) => row.boroughCode === boroughCode)
      .slice(0, MAX_PUBLIC_SERVICES)
      .map((row) => toPublicHealthService(row, this.options.serviceStaleAfterMs, now));
  }

  /** A service changed through this instance: its next page reads again. */
  forget(): void {
    this.cached = null;
  }

  private recentRows(): Promise<PublicServiceRow[]> {
    const at = Date.now();
    if (!this.cached || this.cached.until <= at) {
      const rows = this.rows(undefined);
      const entry = { rows, until: at + PUBLIC_SERVICES_CACHE_MS };
      this.cached = entry;
      // A failed read is not kept: the next page tries again.
      rows.catch(() => {
        if (this.cached === entry) {
          this.cached = null;
        }
      });
    }
    return this.cached.rows;
  }

  private rows(boroughCode: string | undefined): Promise<PublicServiceRow[]> {
    return this.dataSource.getRepository(HealthService).find({
      select: Object.fromEntries(PUBLIC_SERVICE_COLUMNS.map((column) => [column, true])),
      where: { public: true, active: true, ...(boroughCode ? { boroughCode } : {}) },
      order: { boroughCode: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }

  private nearest(
    rows: PublicServiceRow[],
    from: GeoPointInput,
    radiusKm: number,
  ): PublicServiceRow[] {
    return rows
      .map((row) => {
        const point = publicPointOf(row);
        return { row, km: point ? haversineKm(from, point) : Infinity };
      })
      .filter(({ km }) => km <= radiusKm)
      .sort((a, b) => a.km - b.km)
      .map(({ row }) => row);
  }
}
