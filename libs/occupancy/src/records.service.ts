import { type Caller, IdempotencyService } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { boroughByCode } from '@albergue/contracts';
import { MAX_DAILY_DAYS_AFTER } from './dto/daily-figures.args.js';
import { MAX_NETWORK_DAYS } from './dto/network-figures.args.js';
import type { TurnawayInput } from './dto/occupancy.input.js';
import { type DailyFigures, FiguresGrouping, type NetworkFigures } from './figures.views.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';
import { SensitiveReads } from './sensitive-reads.js';
import { Turnaway } from './turnaway.entity.js';

/** Turnaways at the gate, and the daily figures that reports and plots read. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
    private readonly sensitiveReads: SensitiveReads,
  ) {}

  async recordTurnaway(userId: string, input: TurnawayInput): Promise<Turnaway> {
    const { id } = await this.idempotency.run('recordTurnaway', input, async (manager, payload) => {
      const saved = await manager.save(manager.create(Turnaway, { ...payload, byUserId: userId }));
      return saved.id;
    });
    return this.dataSource.getRepository(Turnaway).findOneByOrFail({ id });
  }

  /** One row per day from `from` to `to` (inclusive), each day cut at midnight in TIME_ZONE. */
  async daily(
    caller: Caller,
    shelterId: string,
    from: string,
    to: string,
  ): Promise<DailyFigures[]> {
    checkRange(from, to, MAX_DAILY_DAYS_AFTER);
    const rows = await this.figures([shelterId], from, to, FiguresGrouping.DAY);
    // A network role reading a sensitive shelter it does not work in sees its exact counts.
    await this.sensitiveReads.record(caller, 'dailyFigures', [shelterId]);
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
   * `borough` and `shelterId` keep only their shelters; grouped by NETWORK, one row of them all.
   */
  async network(
    caller: Caller,
    from: string,
    to: string,
    groupBy: FiguresGrouping,
    borough: string | null = null,
    shelterId: string | null = null,
  ): Promise<NetworkFigures[]> {
    // One shelter's figures reach as far as its dailyFigures do (a year and a day).
    checkRange(from, to, shelterId === null ? MAX_NETWORK_DAYS - 1 : MAX_DAILY_DAYS_AFTER);
    if (shelterId !== null) {
      const [found] = await this.dataSource.query<unknown[]>(
        'SELECT 1 FROM shelter WHERE id = $1',
        [shelterId],
      );
      if (!found) {
        throw new OccupancyException(
          'No shelter has this id.',
          OccupancyExceptionCode.SHELTER_NOT_FOUND,
          ['shelterId'],
        );
      }
    }
    const rows = await this.figures(
      shelterId === null ? null : [shelterId],
      from,
      to,
      groupBy,
      borough,
    );
    // Every shelter's figures are in the answer, alone (by shelter) or summed with others (a
    // sensitive shelter may stand alone in its borough): each sensitive one's read is audited,
    // unless the caller works there (a coordinator reading their own shelter).
    await this.sensitiveReads.record(
      caller,
      'networkFigures',
      shelterId === null ? null : [shelterId],
      borough,
    );
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
   * when the shelter counts by beds now, had switched to beds mode and had its first bed by the
   * day's end; otherwise the counts history (the day's last report or confirmation, or the last
   * before it). `borough` (a catalogue code) keeps only its shelters.
   */
  private async figures(
    shelterIds: string[] | null,
    from: string,
    to: string,
    groupBy: FiguresGrouping,
    borough: string | null = null,
  ): Promise<(NetworkFigures & { reported: boolean })[]> {
    const key = GROUP_KEY[groupBy];
    type Row = Omit<NetworkFigures, 'borough'> & { reported: boolean };
    const rows = await this.dataSource.query<Row[]>(
      `WITH days AS (
         SELECT d::date AS day, (d::date::timestamp AT TIME ZONE $4) AS starts,
                ((d::date + 1)::timestamp AT TIME ZONE $4) AS ends
           FROM generate_series($2::date, $3::date, interval '1 day') d
       ), span AS (
         SELECT min(starts) AS starts, max(ends) AS ends FROM days
       ), shelters AS (
         SELECT s.id, s.address_borough_code AS borough,
                -- Beds are set up in counts mode before the switch: their days before it are reported.
                CASE WHEN s.tracking_mode = 'beds'
                     THEN greatest((SELECT min(b.created_at) FROM bed b WHERE b.shelter_id = s.id),
                                   s.beds_mode_since) END AS beds_since
           FROM shelter s
          WHERE ($1::uuid[] IS NULL OR s.id = ANY($1::uuid[]))
            AND ($5::text IS NULL OR s.address_borough_code = $5)
       ), grid AS (
         SELECT s.id AS shelter_id, s.borough, d.day, d.starts, d.ends,
                NOT coalesce(s.beds_since < d.ends, false) AS reported
           FROM shelters s CROSS JOIN days d
       ), made AS (
         -- Beds in service by the local day they were made (those made earlier count from the first day).
         SELECT b.shelter_id, greatest((b.created_at AT TIME ZONE $4)::date, $2::date) AS day,
                count(*)::int AS n
           FROM bed b JOIN shelters s ON s.id = b.shelter_id AND s.beds_since IS NOT NULL
          WHERE NOT b.overflow AND b.out_of_service_reason IS NULL
            AND b.created_at < (SELECT ends FROM span)
          GROUP BY 1, 2
       ), beds AS (
         SELECT g.shelter_id, g.day,
                (sum(coalesce(m.n, 0)) OVER (PARTITION BY g.shelter_id ORDER BY g.day))::int AS capacity
           FROM grid g LEFT JOIN made m USING (shelter_id, day)
          WHERE g.shelter_id IN (SELECT id FROM shelters WHERE beds_since IS NOT NULL)
       ), reports AS (
         -- The last report or confirmation of each local day, and the last one before the range
         -- (as of the day before it), from the counts history.
         (SELECT DISTINCT ON (a.shelter_id, (a.at AT TIME ZONE $4)::date)
                 a.shelter_id, (a.at AT TIME ZONE $4)::date AS day, a.counts
            FROM availability_report a JOIN shelters s ON s.id = a.shelter_id
           WHERE a.at >= (SELECT starts FROM span) AND a.at < (SELECT ends FROM span)
           ORDER BY a.shelter_id, (a.at AT TIME ZONE $4)::date, a.at DESC)
         UNION ALL
         SELECT s.id, $2::date - 1, last.counts
           FROM shelters s CROSS JOIN LATERAL (
             SELECT a.counts FROM availability_report a
              WHERE a.shelter_id = s.id AND a.at < (SELECT starts FROM span)
              ORDER BY a.at DESC LIMIT 1) last
       ), reported_days AS (
         SELECT r.shelter_id, r.day, coalesce(sum((c->>'totalBeds')::int), 0)::int AS capacity,
                coalesce(sum((c->>'totalBeds')::int - (c->>'freeBeds')::int
                    + (c->>'overflowTotal')::int - (c->>'overflowFree')::int), 0)::int AS occupied
           FROM reports r LEFT JOIN LATERAL jsonb_array_elements(r.counts) c ON true
          GROUP BY 1, 2
       ), marks AS (
         -- Reported cells, and report days before the range; \`since\` numbers the reports so far,
         -- so a cell shares it with the last report at or before it (carried forward).
         SELECT u.*, count(u.capacity) OVER (PARTITION BY u.shelter_id ORDER BY u.day) AS since
           FROM (SELECT g.shelter_id, g.day, r.capacity, r.occupied, true AS is_cell
                   FROM grid g LEFT JOIN reported_days r USING (shelter_id, day)
                  WHERE g.reported
                 UNION ALL
                 SELECT shelter_id, day, capacity, occupied, false
                   FROM reported_days WHERE day < $2::date) u
       ), counted AS (
         SELECT shelter_id, day, is_cell,
                max(capacity) OVER (PARTITION BY shelter_id, since) AS capacity,
                max(occupied) OVER (PARTITION BY shelter_id, since) AS occupied
           FROM marks
       ), stays AS (
         -- Each stay on every local day it overlaps within the range.
         -- A person moved within the shelter has two stays that day: occupied counts people.
         SELECT g.shelter_id, g.day, count(DISTINCT a.resident_id)::int AS occupied,
                count(*) FILTER (WHERE a.ended_at IS NULL OR a.ended_at >= g.ends)::int AS bed_nights,
                (count(*) FILTER (WHERE a.started_at >= g.starts)
                 - count(*) FILTER (WHERE a.end_reason = 'moved' AND a.ended_at < g.ends))::int AS arrivals,
                count(*) FILTER (WHERE a.end_reason IN ('checked_out', 'transferred')
                                   AND a.ended_at < g.ends)::int AS departures
           FROM bed_assignment a
           CROSS JOIN LATERAL generate_series(
                greatest((a.started_at AT TIME ZONE $4)::date, $2::date),
                least(coalesce((a.ended_at AT TIME ZONE $4)::date, $3::date), $3::date),
                interval '1 day') d
           JOIN grid g ON g.shelter_id = a.shelter_id AND g.day = d::date
          WHERE a.kind = 'stay' AND a.started_at < (SELECT ends FROM span)
            AND (a.ended_at IS NULL OR a.ended_at >= (SELECT starts FROM span))
          GROUP BY 1, 2
       ), problems AS (
         SELECT g.shelter_id, g.day, count(*)::int AS n
           FROM problem_report p
           JOIN grid g ON g.shelter_id = p.shelter_id AND g.day = (p.reported_at AT TIME ZONE $4)::date
          WHERE p.reported_at >= (SELECT starts FROM span) AND p.reported_at < (SELECT ends FROM span)
          GROUP BY 1, 2
       ), cells AS (
         SELECT g.shelter_id, g.borough, g.day, g.reported,
                CASE WHEN g.reported THEN coalesce(c.capacity, 0) ELSE coalesce(b.capacity, 0) END AS capacity,
                CASE WHEN g.reported THEN coalesce(c.occupied, 0) ELSE coalesce(st.occupied, 0) END AS occupied,
                CASE WHEN g.reported THEN coalesce(c.occupied, 0) ELSE coalesce(st.bed_nights, 0) END AS bed_nights,
                coalesce(st.arrivals, 0) AS arrivals, coalesce(st.departures, 0) AS departures,
                coalesce(p.n, 0) AS problem_reports
           FROM grid g
           LEFT JOIN beds b ON b.shelter_id = g.shelter_id AND b.day = g.day
           LEFT JOIN counted c ON c.shelter_id = g.shelter_id AND c.day = g.day AND c.is_cell
           LEFT JOIN stays st ON st.shelter_id = g.shelter_id AND st.day = g.day
           LEFT JOIN problems p ON p.shelter_id = g.shelter_id AND p.day = g.day
       ), turned AS (
         SELECT key, sum(n)::int AS turnaways,
                jsonb_agg(jsonb_build_object('population', population, 'count', n)
                          ORDER BY population) AS by_population
           FROM (SELECT ${key} AS key, t.population, sum(t.count)::int AS n
                   FROM turnaway t
                   JOIN grid g ON g.shelter_id = t.shelter_id AND g.day = (t.at AT TIME ZONE $4)::date
                  WHERE t.at >= (SELECT starts FROM span) AND t.at < (SELECT ends FROM span)
                  GROUP BY 1, 2) per_population
          GROUP BY key
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
              coalesce(u.turnaways, 0) AS turnaways,
              coalesce(u.by_population, '[]'::jsonb) AS "turnawaysByPopulation"
         FROM totals t LEFT JOIN turned u ON u.key IS NOT DISTINCT FROM t.key
        ORDER BY t.key`,
      [shelterIds, from, to, this.options.timeZone, borough],
    );
    return rows.map((row) => ({ ...row, borough: null }));
  }
}

/** The SQL of each grouping's key over a grid row `g`: chosen from this map, never from input. */
const GROUP_KEY: Record<FiguresGrouping, string> = {
  [FiguresGrouping.SHELTER]: 'g.shelter_id::text',
  [FiguresGrouping.BOROUGH]: 'g.borough',
  [FiguresGrouping.DAY]: "to_char(g.day, 'YYYY-MM-DD')",
  [FiguresGrouping.NETWORK]: "'network'::text",
};

/** `from` and `to` are days (YYYY-MM-DD), `to` not before `from` and at most `maxAfter` days after it. */
function checkRange(from: string, to: string, maxAfter: number): void {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (!(days >= 0 && days <= maxAfter)) {
    throw new OccupancyException(
      `to must be on or after from, and at most ${maxAfter} days later.`,
      OccupancyExceptionCode.RANGE_INVALID,
      ['to'],
    );
  }
}
