import { type ClusterJob, ClusterJobs, type JobOutcome } from '@albergue/common';
import type { ProblemReasonName } from '@albergue/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_REPORT_DAYS } from './dto/problem-reports.args.js';
import { ProblemReport } from './problem-report.entity.js';
import type { ReportPeriod } from './problem-reports.period.js';
import type { ShelterProblemReports } from './problem-reports.views.js';
import { ReportLimiter } from './report-limiter.js';
import { lockShelter } from './shelter-lock.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { AvailabilityBand, ProblemReason } from './shelters.enums.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

const RETENTION: ClusterJob = { name: 'problem-report-retention', everyMs: 86_400_000 };

/**
 * "They turned me away", "nobody answers", "it was closed": one tap from the public finder or
 * `/text` about a shelter's published figures or contact. A report is counted at most once per
 * caller address, shelter and hour (ReportLimiter: a keyed hash in this instance's memory, never
 * stored), and stored as a shelter, a reason and a time. Reports change no figure: staff see the
 * counts (problemReports, the `problemReports` staff event), and a burst of "turned away despite
 * space" flags the figures for the shelter's coordinator, until a coordinator reports or
 * confirms them.
 */
@Injectable()
export class ProblemReportsService {
  private readonly limiter = new ReportLimiter();

  constructor(
    private readonly dataSource: DataSource,
    private readonly search: ShelterSearchService,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
    private readonly jobs: ClusterJobs,
  ) {}

  /**
   * Counts a report, unless this address already had one counted for this shelter within the
   * hour; true when counted. `address` serves the limit only: it is never stored nor logged.
   */
  async report(
    { shelterId, reason }: { shelterId: string; reason: ProblemReasonName },
    address: string,
  ): Promise<boolean> {
    // The limit first, before any database work: a repeat (or a script looping over one shelter)
    // costs a hash, never a transaction or a wait on the shelter's lock that staff updates need.
    if (!this.limiter.claim(address, shelterId)) {
      return false;
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The shelter's lock: its reports queue, so that a burst is seen whatever their order,
        // and a coordinator's review (which takes it too) is never half-seen.
        await lockShelter(manager, shelterId, 'shelterId');
        const { band } = (await this.search.get(shelterId, manager)).availability!;
        const showedSpace = band === AvailabilityBand.SPACE || band === AvailabilityBand.FEW;
        await manager.insert(ProblemReport, {
          shelterId,
          reason: ProblemReason[reason],
          showedSpace,
        });
        if (reason === 'TURNED_AWAY_DESPITE_SPACE' && showedSpace) {
          await this.flagOnBurst(manager, shelterId);
        }
        return true;
      });
    } catch (error) {
      // Not counted (an unknown shelter, the database away): the address may try again.
      this.limiter.release(address, shelterId);
      throw error;
    }
  }

  /**
   * A coordinator reported or confirmed the figures (in that change's transaction, holding the
   * shelter's lock): the flag goes, and the reports so far no longer count towards a burst.
   */
  async reviewed(manager: EntityManager, shelterId: string): Promise<void> {
    await manager.query(
      'UPDATE shelter SET figures_questioned_at = NULL, figures_reviewed_at = now() WHERE id = $1',
      [shelterId],
    );
  }

  /**
   * Counts by day (in TIME_ZONE) and reason over the last `days` days, today included, or from
   * `from` to `to`, with the flag: of one shelter, even with nothing to count, or (null) of every
   * shelter with reports in that time or a flag.
   */
  async counts(shelterId: string | null, period: ReportPeriod): Promise<ShelterProblemReports[]> {
    const found = await this.countsOf(shelterId ? [shelterId] : null, period);
    if (shelterId && found.length === 0) {
      throw new SheltersException(
        'No shelter has this id.',
        SheltersExceptionCode.SHELTER_NOT_FOUND,
        ['shelterId'],
      );
    }
    return found;
  }

  /** As `counts`, for these shelters (each that exists), or null: every one with something. */
  countsOf(
    shelterIds: string[] | null,
    period: ReportPeriod | number,
  ): Promise<ShelterProblemReports[]> {
    const within = typeof period === 'number' ? { days: period } : period;
    const [days, from, to] =
      'days' in within ? [within.days, null, null] : [null, within.from, within.to];
    return this.dataSource.query<ShelterProblemReports[]>(
      `WITH counted AS (
         SELECT r.shelter_id, to_char(r.reported_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
                r.reason, count(*)::int AS count
           FROM problem_report r
          WHERE r.reported_at >= (coalesce($4::date, (now() AT TIME ZONE $2)::date - ($3::int - 1))::timestamp AT TIME ZONE $2)
            AND ($5::date IS NULL OR r.reported_at < (($5::date + 1)::timestamp AT TIME ZONE $2))
            AND ($1::uuid[] IS NULL OR r.shelter_id = ANY($1))
          GROUP BY 1, 2, 3)
       SELECT s.id AS "shelterId", s.figures_questioned_at AS "figuresQuestionedAt",
              coalesce(json_agg(json_build_object('day', c.day, 'reason', c.reason, 'count', c.count)
                         ORDER BY c.day DESC, c.reason) FILTER (WHERE c.day IS NOT NULL), '[]') AS days
         FROM shelter s LEFT JOIN counted c ON c.shelter_id = s.id
        WHERE CASE WHEN $1::uuid[] IS NULL THEN c.shelter_id IS NOT NULL OR s.figures_questioned_at IS NOT NULL
                   ELSE s.id = ANY($1) END
        GROUP BY s.id ORDER BY s.id`,
      [shelterIds, this.options.timeZone, days, from, to],
    );
  }

  /** Forgets spent hashes and old keys of the limit, in this instance's memory. */
  @Interval('problem-report-limit-sweep', 60_000)
  sweepLimit(): void {
    this.limiter.sweep();
  }

  /** Report rows are kept MAX_REPORT_DAYS; pruned daily, once per cluster, checked hourly. */
  @Interval(RETENTION.name, 3_600_000)
  retentionJob(): Promise<JobOutcome> {
    return this.jobs.once(RETENTION, () => this.prune(MAX_REPORT_DAYS));
  }

  async prune(olderThanDays: number): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM problem_report WHERE reported_at < now() - make_interval(days => $1)',
      [olderThanDays],
    );
    return deleted;
  }

  /**
   * REPORT_BURST_COUNT "turned away despite space" within REPORT_BURST_WINDOW, each while the
   * shelter showed space, since the coordinator last reviewed the figures: flagged (once, until
   * the next review). Nothing is lowered: a wave of false reports must not empty a map.
   */
  private async flagOnBurst(manager: EntityManager, shelterId: string): Promise<void> {
    const { count, windowMs } = this.options.reportBurst;
    await manager.query(
      `UPDATE shelter s SET figures_questioned_at = now()
        WHERE s.id = $1 AND s.figures_questioned_at IS NULL
          AND (SELECT count(*) FROM problem_report r
                WHERE r.shelter_id = s.id AND r.reason = $2 AND r.showed_space
                  AND r.reported_at > now() - make_interval(secs => $3)
                  AND (s.figures_reviewed_at IS NULL OR r.reported_at > s.figures_reviewed_at)) >= $4`,
      [shelterId, ProblemReason.TURNED_AWAY_DESPITE_SPACE, windowMs / 1000, count],
    );
  }
}
