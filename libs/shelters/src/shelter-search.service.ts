import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { CapacityFigures } from './availability.js';
import type { ShelterFilter, SheltersArgs } from './dto/shelters.args.js';
import { Shelter } from './shelter.entity.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';
import { ShelterStatus } from './shelters.enums.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

const PUBLIC_POINT = 'll_to_earth(s.public_lat, s.public_lng)';
const ORIGIN = 'll_to_earth(:nearLat, :nearLng)';

/**
 * Reads shelters with their figures in one SQL statement: the capacity rows come along as a
 * JSON array, and the nearest-first order walks the GiST index on the public point
 * (earthdistance's `ll_to_earth`, with cube's KNN `<->`; chord distance orders like
 * great-circle distance). Public computations use only the public point.
 */
@Injectable()
export class ShelterSearchService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {}

  async search({ filter = {}, first }: SheltersArgs): Promise<Shelter[]> {
    const query = this.withFigures(this.dataSource.manager);
    this.applyFilter(query, filter);
    if (filter.near) {
      query
        .addSelect(`earth_distance(${PUBLIC_POINT}, ${ORIGIN}) / 1000`, 'distance_km')
        .orderBy(`${PUBLIC_POINT} <-> ${ORIGIN}`)
        .setParameters({ nearLat: filter.near.lat, nearLng: filter.near.lng });
    } else {
      query.orderBy('s.name').addOrderBy('s.id');
    }
    return this.read(query.limit(first));
  }

  /**
   * Catch-up by state: every shelter whose version is newer than the one the caller holds, or
   * that the caller does not know, with its current figures. Reading current state rather than
   * the outbox in insertion order is what makes this correct when transactions commit out of order.
   */
  async changedSince(known: { shelterId: string; version: number }[]): Promise<Shelter[]> {
    const query = this.withFigures(this.dataSource.manager)
      .leftJoin(
        '(SELECT unnest(CAST(:ids AS uuid[])) AS id, unnest(CAST(:versions AS bigint[])) AS version)',
        'k',
        'k.id = s.id',
      )
      .where('k.id IS NULL OR s.availability_version > k.version')
      .setParameters({ ids: known.map((k) => k.shelterId), versions: known.map((k) => k.version) })
      .orderBy('s.id');
    return this.read(query);
  }

  /** The shelters with these ids, with their figures (the realtime feed's read after a notification). */
  async byIds(ids: string[]): Promise<Shelter[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.read(
      this.withFigures(this.dataSource.manager).where('s.id = ANY(CAST(:ids AS uuid[]))', { ids }),
    );
  }

  /** Every shelter's id and public version: what a consumer compares to find what it missed. */
  async versions(): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<{ id: string; version: string }[]>(
      'SELECT id, availability_version AS version FROM shelter',
    );
    return new Map(rows.map((row) => [row.id, Number(row.version)]));
  }

  /** One shelter with its figures, or null; `manager` lets a mutation read inside its transaction. */
  async findOne(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Shelter | null> {
    const [shelter] = await this.read(this.withFigures(manager).where('s.id = :id', { id }));
    return shelter ?? null;
  }

  /** Like findOne, for callers that know the shelter exists (after a lock, say) or must fail if not. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Shelter> {
    const shelter = await this.findOne(id, manager);
    if (!shelter) {
      throw new SheltersException(
        'No shelter has this id.',
        SheltersExceptionCode.SHELTER_NOT_FOUND,
        ['id'],
      );
    }
    return shelter;
  }

  private withFigures(manager: EntityManager): SelectQueryBuilder<Shelter> {
    return manager.createQueryBuilder(Shelter, 's').addSelect(
      `(SELECT coalesce(json_agg(json_build_object(
            'population', c.population, 'totalBeds', c.total_beds, 'freeBeds', c.free_beds,
            'overflowTotal', c.overflow_total, 'overflowFree', c.overflow_free) ORDER BY c.population), '[]'::json)
          FROM shelter_capacity c WHERE c.shelter_id = s.id)`,
      'capacities',
    );
  }

  private applyFilter(query: SelectQueryBuilder<Shelter>, filter: ShelterFilter): void {
    if (filter.radiusKm !== undefined) {
      if (!filter.near) {
        throw new SheltersException(
          'radiusKm needs near.',
          SheltersExceptionCode.RADIUS_WITHOUT_NEAR,
          ['filter.radiusKm'],
        );
      }
      // earth_box is a cube that the GiST index can use; it is a little larger than the circle, so the distance check follows.
      query.andWhere(
        `earth_box(${ORIGIN}, :radiusM) @> ${PUBLIC_POINT} AND earth_distance(${ORIGIN}, ${PUBLIC_POINT}) <= :radiusM`,
        { radiusM: filter.radiusKm * 1000 },
      );
    }
    if (filter.status) {
      query.andWhere('s.status = :status', { status: filter.status });
    }
    if (filter.service) {
      query.andWhere(':service = ANY(s.services)', { service: filter.service });
    }
    // A person may fit several groups (a trans woman: WOMEN and LGBTQ): any of them will do.
    const groups = [
      ...new Set([
        ...(filter.population ? [filter.population] : []),
        ...(filter.populations ?? []),
      ]),
    ];
    if (groups.length > 0) {
      query.andWhere('s.populations && CAST(:groups AS population[])', { groups });
    }
    if (filter.hasSpace !== undefined) {
      // The SQL twin of bandOf(): SPACE or FEW means open, fresh, and a free place (regular or overflow).
      const hasSpace = `(s.status = :openStatus
        AND s.availability_confirmed_at >= now() - make_interval(secs => :staleSeconds)
        AND EXISTS (SELECT 1 FROM shelter_capacity c WHERE c.shelter_id = s.id
          AND c.free_beds + c.overflow_free > 0 ${groups.length > 0 ? 'AND c.population = ANY(CAST(:groups AS population[]))' : ''}))`;
      query.andWhere(filter.hasSpace ? hasSpace : `NOT ${hasSpace}`, {
        openStatus: ShelterStatus.OPEN,
        staleSeconds: this.options.staleAfterMs / 1000,
      });
    }
  }

  private async read(query: SelectQueryBuilder<Shelter>): Promise<Shelter[]> {
    const { entities, raw } = await query.getRawAndEntities<{
      s_id: string;
      capacities: CapacityFigures[];
      distance_km?: number;
    }>();
    const rows = new Map(raw.map((row) => [row.s_id, row]));
    return entities.map((shelter) => {
      const row = rows.get(shelter.id);
      shelter.capacities = (row?.capacities ?? []).map((figures) => ({
        ...figures,
        shelterId: shelter.id,
      }));
      if (row?.distance_km !== undefined && row.distance_km !== null) {
        shelter.distanceKm = Number(row.distance_km);
      }
      return shelter;
    });
  }
}
