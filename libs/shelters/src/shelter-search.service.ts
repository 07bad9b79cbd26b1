import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { ShelterFilter, SheltersArgs } from './dto/shelters.args.js';
import { PreparedShapes } from './prepared-shapes.js';
import { columnsForFields, withPublicFields } from './public-shelter.js';
import { EVERYTHING, type Selection, type ShelterRow, ShelterRows } from './shelter-rows.js';
import { Shelter } from './shelter.entity.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';
import { ShelterStatus } from './shelters.enums.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

/** Search texts prepared on each pooled connection: 10 connections × 16 plans at most. */
const MAX_PREPARED_SEARCHES = 16;

const PUBLIC_POINT = 'll_to_earth(s.public_lat, s.public_lng)';
/** The capacity rows of `s` as one JSON column, `capacities` (ShelterRow). */
const FIGURES_SQL = `(SELECT coalesce(json_agg(json_build_object(
    'population', c.population, 'totalBeds', c.total_beds, 'freeBeds', c.free_beds,
    'overflowTotal', c.overflow_total, 'overflowFree', c.overflow_free, 'held', c.held)
    ORDER BY c.population), '[]'::json)
  FROM shelter_capacity c WHERE c.shelter_id = s.id) AS capacities`;

/** Positional parameters and conditions of one statement. */
class Statement {
  readonly params: unknown[] = [];
  readonly conditions: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/**
 * Reads shelters with their figures in one SQL statement: the capacity rows come along as a
 * JSON array, and the nearest-first order walks the GiST index on the public point
 * (earthdistance's `ll_to_earth`, with cube's KNN `<->`; chord distance orders like
 * great-circle distance). Public computations use only the public point. Plain SQL, not the
 * query builder: this is the public path every map and integrator request takes (ShelterRows).
 */
@Injectable()
export class ShelterSearchService {
  private readonly rows: ShelterRows;
  /** Every column and the figures: every read but the public search's. */
  private readonly everything: Selection;
  /** `SELECT <every column>, <figures>`, for `everything`. */
  private readonly from: string;
  private readonly prepared = new PreparedShapes('shelter_search_', MAX_PREPARED_SEARCHES);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {
    this.rows = new ShelterRows(dataSource);
    this.everything = this.rows.selection(EVERYTHING);
    this.from = selectOf(this.everything);
  }

  /**
   * The public search. `fields`, the GraphQL fields the caller will serve, lets it read only the
   * columns those need (PUBLIC_FIELD_NEEDS); without them it reads every column.
   */
  async search(
    { filter = {}, first }: SheltersArgs,
    fields?: ReadonlySet<string>,
  ): Promise<Shelter[]> {
    const needs = fields ? columnsForFields(fields) : null;
    const selection = needs ? this.rows.selection(needs.paths, needs.figures) : this.everything;
    const statement = new Statement();
    const origin = filter.near
      ? `ll_to_earth(${statement.param(filter.near.lat)}, ${statement.param(filter.near.lng)})`
      : null;
    this.applyFilter(statement, filter, origin);
    const distance = origin
      ? `, earth_distance(${PUBLIC_POINT}, ${origin}) / 1000 AS distance_km`
      : '';
    const order = origin ? `${PUBLIC_POINT} <-> ${origin}` : 's.name, s.id';
    const sql = `${selectOf(selection)}${distance} FROM shelter s ${statement.where} ORDER BY ${order} LIMIT ${statement.param(first)}`;
    const name = this.prepared.nameOf(sql);
    const rows = name
      ? await this.queryPrepared(name, sql, statement.params)
      : await this.dataSource.query<ShelterRow[]>(sql, statement.params);
    return this.entities(rows, selection);
  }

  /**
   * Catch-up by state: every shelter whose version is newer than the one the caller holds, or
   * that the caller does not know, with its current figures. Reading current state rather than
   * the outbox in insertion order is what makes this correct when transactions commit out of order.
   */
  async changedSince(known: { shelterId: string; version: number }[]): Promise<Shelter[]> {
    return this.read(
      `${this.from} FROM shelter s
         LEFT JOIN (SELECT unnest($1::uuid[]) AS id, unnest($2::bigint[]) AS version) k ON k.id = s.id
        WHERE k.id IS NULL OR s.availability_version > k.version ORDER BY s.id`,
      [known.map((k) => k.shelterId), known.map((k) => k.version)],
    );
  }

  /** The shelters with these ids, with their figures (the realtime feed's read after a notification). */
  async byIds(ids: string[]): Promise<Shelter[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.read(`${this.from} FROM shelter s WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  /** Every shelter with its figures, by name (the network view's list: network roles only). */
  async all(): Promise<Shelter[]> {
    return this.read(`${this.from} FROM shelter s ORDER BY s.name, s.id`, []);
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
    const [shelter] = await this.read(`${this.from} FROM shelter s WHERE s.id = $1`, [id], manager);
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

  private applyFilter(statement: Statement, filter: ShelterFilter, origin: string | null): void {
    const where = (condition: string) => statement.conditions.push(condition);
    if (filter.radiusKm !== undefined) {
      if (!origin) {
        throw new SheltersException(
          'radiusKm needs near.',
          SheltersExceptionCode.RADIUS_WITHOUT_NEAR,
          ['filter.radiusKm'],
        );
      }
      // earth_box is a cube that the GiST index can use; it is a little larger than the circle, so the distance check follows.
      const radius = statement.param(filter.radiusKm * 1000);
      where(
        `earth_box(${origin}, ${radius}) @> ${PUBLIC_POINT} AND earth_distance(${origin}, ${PUBLIC_POINT}) <= ${radius}`,
      );
    }
    if (filter.status) {
      where(`s.status = ${statement.param(filter.status)}`);
    }
    if (filter.service) {
      where(`${statement.param(filter.service)} = ANY(s.services)`);
    }
    // A person may fit several groups (a trans woman: WOMEN and LGBTQ): any of them will do.
    const groups = [
      ...new Set([
        ...(filter.population ? [filter.population] : []),
        ...(filter.populations ?? []),
      ]),
    ];
    const groupsParam = groups.length > 0 ? statement.param(groups) : null;
    if (groupsParam) {
      where(`s.populations && ${groupsParam}::population[]`);
    }
    if (filter.hasSpace !== undefined) {
      // The SQL twin of bandOf(): SPACE or FEW means open, fresh, and a free place (regular or overflow).
      const hasSpace = `(s.status = ${statement.param(ShelterStatus.OPEN)}
        AND s.availability_confirmed_at >= now() - make_interval(secs => ${statement.param(this.options.staleAfterMs / 1000)})
        AND EXISTS (SELECT 1 FROM shelter_capacity c WHERE c.shelter_id = s.id
          AND c.free_beds + c.overflow_free > 0 ${groupsParam ? `AND c.population = ANY(${groupsParam}::population[])` : ''}))`;
      where(filter.hasSpace ? hasSpace : `NOT ${hasSpace}`);
    }
  }

  private async read(
    sql: string,
    params: unknown[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Shelter[]> {
    return this.entities(await manager.query<ShelterRow[]>(sql, params), this.everything);
  }

  /**
   * A named statement (PreparedShapes): TypeORM's runner sends unnamed ones only, pg's pool takes
   * a name. Logged and failing as TypeORM's runner would (QueryFailedError: graphql-errors).
   */
  private async queryPrepared(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<ShelterRow[]> {
    this.dataSource.logger.logQuery(text, values);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    try {
      return (await pool.query<ShelterRow>({ name, text, values })).rows;
    } catch (error) {
      throw new QueryFailedError(text, values, error as Error);
    }
  }

  private entities(rows: ShelterRow[], selection: Selection): Shelter[] {
    const now = new Date();
    return rows.map((row) =>
      withPublicFields(this.rows.hydrate(row, selection), this.options, now),
    );
  }
}

function selectOf(selection: Selection): string {
  return `SELECT ${selection.select}${selection.figures ? `, ${FIGURES_SQL}` : ''}`;
}
