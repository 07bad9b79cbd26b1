import { IdempotencyService } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { boroughByCode } from '@albergue/contracts';
import { MAX_NETWORK_DAYS } from './dto/network-figures.args.js';
import type { TurnawayInput } from './dto/occupancy.input.js';
import { type DailyFigures, FiguresGrouping, type NetworkFigures } from './figures.views.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';
import { Turnaway } from './turnaway.entity.js';

/** Turnaways at the gate, and the daily figures that reports and plots read. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
  ) {}

  async recordTurnaway(userId: string, input: TurnawayInput): Promise<Turnaway> {
    const { id } = await this.idempotency.run('recordTurnaway', input, async (manager, payload) => {
      const saved = await manager.save(manager.create(Turnaway, { ...payload, byUserId: userId }));
      return saved.id;
    });
    return this.dataSource.getRepository(Turnaway).findOneByOrFail({ id });
  }

  /** One row per day from `from` to `to` (inclusive), each day cut at midnight in TIME_ZONE. */
  async daily(shelterId: string, from: string, to: string): Promise<DailyFigures[]> {
    checkRange(from, to, 366);
    const rows = await this.figures([shelterId], from, to, FiguresGrouping.DAY);
    return rows.map(
      ({ shelterId: _s, boroughCode: _b, borough: _n, shelters: _c, days: _d, day, ...row }) => ({
        ...row,
        day: day!,
      }),
    );
  }

  /**
   * The network's figures from `from` to `to`, grouped: each group the sum of the daily figures
   * (`daily`) of its shelters and days, from the same statement, so the two cannot disagree.
   */
  async network(from: string, to: string, groupBy: FiguresGrouping): Promise<NetworkFigures[]> {
    checkRange(from, to, MAX_NETWORK_DAYS);
    const rows = await this.figures(null, from, to, groupBy);
    return rows.map(({ reported: _reported, ...row }) => ({
      ...row,
      borough:
        row.boroughCode === null ? null : (boroughByCode(row.boroughCode)?.name ?? row.boroughCode),
    }));
  }

  /**
   * One statement: the grid of (shelter, day) with each day's figures, then summed per group.
   * Reads the shelters lib's tables (shelter, availability_report, problem_report) as SQL, the way
   * occupancy depends on shelters and never the reverse. Which source a day takes: beds and stays
   * when the shelter counts by beds now and its first bed existed by the day's end; otherwise
   * the counts history (the day's last report or confirmation, or the last before it).
   */
  private async figures(
    shelterIds: string[] | null,
    from: string,
    to: string,
    groupBy: FiguresGrouping,
  ): Promise<(NetworkFigures & { reported: boolean })[]> {
    const key = GROUP_KEY[groupBy];
    type Row = Omit<NetworkFigures, 'borough'> & { reported: boolean };
    const rows = await this.dataSource.query<Row[]>(
      `WITH days AS (
         SELECT d::date AS day, (d::date::timestamp AT TIME ZONE $4) AS starts,
                ((d::date + 1)::timestamp AT TIME ZONE $4) AS ends
           FROM generate_series($2::date, $3::date, interval '1 day') d
       ), grid AS (
         SELECT s.id AS shelter_id, s.address_borough_code AS borough, d.day, d.starts, d.ends,
                NOT (s.tracking_mode = 'beds' AND coalesce(
                  (SELECT min(b.created_at) FROM bed b WHERE b.shelter_id = s.id) < d.ends, false)) AS reported
           FROM shelter s CROSS JOIN days d
          WHERE $1::uuid[] IS NULL OR s.id = ANY($1::uuid[])
       ), beds AS (
         SELECT g.shelter_id, g.day, count(*)::int AS capacity
           FROM grid g JOIN bed b ON b.shelter_id = g.shelter_id AND b.created_at < g.ends
          WHERE NOT g.reported AND NOT b.overflow AND b.out_of_service_reason IS NULL
          GROUP BY 1, 2
       ), counted AS (
         SELECT g.shelter_id, g.day, r.capacity, r.occupied
           FROM grid g CROSS JOIN LATERAL (
             SELECT sum((c->>'totalBeds')::int)::int AS capacity,
                    sum((c->>'totalBeds')::int - (c->>'freeBeds')::int
                        + (c->>'overflowTotal')::int - (c->>'overflowFree')::int)::int AS occupied
               FROM (SELECT a.counts FROM availability_report a
                      WHERE a.shelter_id = g.shelter_id AND a.at < g.ends
                      ORDER BY a.at DESC LIMIT 1) last
               CROSS JOIN jsonb_array_elements(last.counts) c
           ) r
          WHERE g.reported
       ), stays AS (
         SELECT g.shelter_id, g.day, count(*)::int AS occupied,
                count(*) FILTER (WHERE a.ended_at IS NULL OR a.ended_at >= g.ends)::int AS bed_nights,
                (count(*) FILTER (WHERE a.started_at >= g.starts)
                 - count(*) FILTER (WHERE a.end_reason = 'moved' AND a.ended_at < g.ends))::int AS arrivals,
                count(*) FILTER (WHERE a.end_reason IN ('checked_out', 'transferred')
                                   AND a.ended_at < g.ends)::int AS departures
           FROM grid g JOIN bed_assignment a ON a.shelter_id = g.shelter_id AND a.kind = 'stay'
                AND a.started_at < g.ends AND (a.ended_at IS NULL OR a.ended_at >= g.starts)
          GROUP BY 1, 2
       ), problems AS (
         SELECT g.shelter_id, g.day, count(*)::int AS n
           FROM grid g JOIN problem_report p ON p.shelter_id = g.shelter_id
                AND p.reported_at >= g.starts AND p.reported_at < g.ends
          GROUP BY 1, 2
       ), cells AS (
         SELECT g.shelter_id, g.borough, g.day, g.reported,
                CASE WHEN g.reported THEN coalesce(c.capacity, 0) ELSE coalesce(b.capacity, 0) END AS capacity,
                CASE WHEN g.reported THEN coalesce(c.occupied, 0) ELSE coalesce(st.occupied, 0) END AS occupied,
                CASE WHEN g.reported THEN coalesce(c.occupied, 0) ELSE coalesce(st.bed_nights, 0) END AS bed_nights,
                coalesce(st.arrivals, 0) AS arrivals, coalesce(st.departures, 0) AS departures,
                coalesce(p.n, 0) AS problem_reports
           FROM grid g
           LEFT JOIN beds b USING (shelter_id, day)
           LEFT JOIN counted c USING (shelter_id, day)
           LEFT JOIN stays st USING (shelter_id, day)
           LEFT JOIN problems p USING (shelter_id, day)
       ), turned AS (
         SELECT ${key} AS key, t.population, sum(t.count)::int AS n
           FROM grid g JOIN turnaway t ON t.shelter_id = g.shelter_id AND t.at >= g.starts AND t.at < g.ends
          GROUP BY 1, 2
       ), totals AS (
         SELECT ${key} AS key, min(g.shelter_id::text) AS shelter_id, min(g.borough) AS borough,
                min(g.day) AS day, bool_and(g.reported) AS reported,
                count(DISTINCT g.shelter_id)::int AS shelters, count(DISTINCT g.day)::int AS days,
                sum(g.capacity)::int AS capacity, sum(g.occupied)::int AS occupied,
                sum(g.bed_nights)::int AS bed_nights, sum(g.arrivals)::int AS arrivals,
                sum(g.departures)::int AS departures, sum(g.problem_reports)::int AS problem_reports
           FROM cells g GROUP BY 1
       )
       SELECT ${groupBy === FiguresGrouping.SHELTER ? 't.shelter_id' : 'NULL'} AS "shelterId",
              ${groupBy === FiguresGrouping.BOROUGH ? 't.borough' : 'NULL'} AS "boroughCode",
              ${groupBy === FiguresGrouping.DAY ? "to_char(t.day, 'YYYY-MM-DD')" : 'NULL'} AS day,
              t.reported, t.shelters, t.days, t.capacity, t.occupied, t.bed_nights AS "bedNights",
              t.arrivals, t.departures, t.problem_reports AS "problemReports",
              coalesce((SELECT sum(n) FROM turned u WHERE u.key IS NOT DISTINCT FROM t.key), 0)::int AS turnaways,
              coalesce((SELECT jsonb_agg(jsonb_build_object('population', u.population, 'count', u.n)
                                         ORDER BY u.population)
                          FROM turned u WHERE u.key IS NOT DISTINCT FROM t.key), '[]'::jsonb)
                AS "turnawaysByPopulation"
         FROM totals t ORDER BY t.key`,
      [shelterIds, from, to, this.options.timeZone],
    );
    return rows.map((row) => ({ ...row, borough: null }));
  }
}

/** The SQL of each grouping's key over a grid row `g`: chosen from this map, never from input. */
const GROUP_KEY: Record<FiguresGrouping, string> = {
  [FiguresGrouping.SHELTER]: 'g.shelter_id::text',
  [FiguresGrouping.BOROUGH]: 'g.borough',
  [FiguresGrouping.DAY]: "to_char(g.day, 'YYYY-MM-DD')",
};

/** `from` and `to` are days (YYYY-MM-DD), `to` not before `from` and within `maxDays` days of it. */
function checkRange(from: string, to: string, maxDays: number): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(days >= 0 && days < maxDays)) {
    throw new OccupancyException(
      `to must be on or after from, and at most ${maxDays - 1} days later.`,
      OccupancyExceptionCode.RANGE_INVALID,
      ['to'],
    );
  }
}
