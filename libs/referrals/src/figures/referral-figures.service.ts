import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REFERRALS_OPTIONS, type ReferralsOptions } from '../referrals.options.js';
import { ReferralsException, ReferralsExceptionCode } from '../referrals.exception.js';
import {
  figuresCsv,
  type FiguresGroup,
  type FiguresStats,
  publishFigures,
} from './referral-figures.js';
import type { ReferralFigures, ReferralFiguresArgs } from './referral-figures.views.js';

/** The longest period asked for at once: a year and a day. */
export const MAX_FIGURES_DAYS_AFTER = 366;

/**
 * The period's referrals (sent from `from` to `to`, days cut at midnight in TIME_ZONE; drafts
 * never count), of one shelter (made from it), one service (sent to it), both, or the network.
 * Counted in SQL, published with the residents' small-cell rules (publishFigures).
 */
const PERIOD = `
  WITH r AS (
    SELECT r.*, s.name AS service_name
      FROM referral r JOIN health_service s ON s.id = r.service_id
     WHERE r.state <> 'draft' AND r.sent_at IS NOT NULL
       AND r.sent_at >= ($1::date)::timestamp AT TIME ZONE $3
       AND r.sent_at < ($2::date + 1)::timestamp AT TIME ZONE $3
       AND ($4::uuid IS NULL OR r.from_shelter_id = $4)
       AND ($5::uuid IS NULL OR r.service_id = $5)
  )`;

const ACCEPTED = `r.answered_at IS NOT NULL AND r.reject_reason IS NULL AND r.state <> 'rejected'`;
const COMPLETED = `r.completed_at IS NOT NULL AND r.outcome IS NOT NULL`;
const HOURS = (end: string) => `extract(epoch FROM r.${end} - r.sent_at) / 3600`;

@Injectable()
export class ReferralFiguresService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  async figures(args: ReferralFiguresArgs): Promise<ReferralFigures> {
    const { from, to } = args;
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days >= 0 && days <= MAX_FIGURES_DAYS_AFTER)) {
      throw new ReferralsException(
        `to must be from or a day after it, at most ${MAX_FIGURES_DAYS_AFTER} days later.`,
        ReferralsExceptionCode.PERIOD_INVALID,
        ['to'],
      );
    }
    const shelterId = args.shelterId ?? null;
    const serviceId = args.serviceId ?? null;
    const params = [from, to, this.options.timeZone, shelterId, serviceId];
    const groups = await this.dataSource.query<
      {
        category: FiguresGroup['category'];
        urgency: FiguresGroup['urgency'];
        service_name: string;
        state: FiguresGroup['state'];
        outcome: FiguresGroup['outcome'];
        not_completed_reason: FiguresGroup['notCompletedReason'];
        rejected: boolean;
        count: number;
      }[]
    >(
      `${PERIOD}
       SELECT r.category, r.urgency, r.service_name, r.state, r.outcome, r.not_completed_reason,
              (r.state = 'rejected' OR r.reject_reason IS NOT NULL) AS rejected, count(*)::int AS count
         FROM r GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      params,
    );
    const [stats] = await this.dataSource.query<
      {
        accepted: number;
        accept_median: number | null;
        accept_p90: number | null;
        completed: number;
        complete_median: number | null;
        complete_p90: number | null;
        no_shows: number;
        appointments_ended: number;
      }[]
    >(
      `${PERIOD}
       SELECT count(*) FILTER (WHERE ${ACCEPTED})::int AS accepted,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('answered_at')})
                FILTER (WHERE ${ACCEPTED}) AS accept_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('answered_at')})
                FILTER (WHERE ${ACCEPTED}) AS accept_p90,
              count(*) FILTER (WHERE ${COMPLETED})::int AS completed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${HOURS('completed_at')})
                FILTER (WHERE ${COMPLETED}) AS complete_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY ${HOURS('completed_at')})
                FILTER (WHERE ${COMPLETED}) AS complete_p90,
              count(*) FILTER (WHERE r.not_completed_reason = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE r.scheduled_for IS NOT NULL
                AND (r.outcome IS NOT NULL OR r.not_completed_reason IS NOT NULL))::int
                AS appointments_ended
         FROM r`,
      params,
    );
    const number = (value: number | string | null) => (value === null ? null : Number(value));
    const figureStats: FiguresStats = {
      accepted: stats.accepted,
      acceptMedian: number(stats.accept_median),
      acceptP90: number(stats.accept_p90),
      completed: stats.completed,
      completeMedian: number(stats.complete_median),
      completeP90: number(stats.complete_p90),
      noShows: stats.no_shows,
      appointmentsEnded: stats.appointments_ended,
    };
    return publishFigures(
      { from, to, shelterId, serviceId },
      groups.map((group) => ({
        category: group.category,
        urgency: group.urgency,
        serviceName: group.service_name,
        state: group.state,
        outcome: group.outcome,
        notCompletedReason: group.not_completed_reason,
        rejected: group.rejected,
        count: group.count,
      })),
      figureStats,
    );
  }

  async csv(args: ReferralFiguresArgs): Promise<string> {
    return figuresCsv(await this.figures(args));
  }
}
