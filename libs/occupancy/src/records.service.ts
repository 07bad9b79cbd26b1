import { IdempotencyService } from '@albergue/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TurnawayInput } from './dto/occupancy.input.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';
import { Turnaway } from './turnaway.entity.js';

@ObjectType({ description: 'One day of a shelter, in the configured time zone.' })
export class DailyFigures {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  day: string;

  @Field(() => Int, { description: 'Regular beds in service (today’s set-up).' })
  capacity: number;

  @Field(() => Int, { description: 'Stays that were open at some time of the day.' })
  occupied: number;

  @Field(() => Int, {
    description: 'Stays open at the end of the day: people who slept there that night.',
  })
  bedNights: number;

  @Field(() => Int)
  arrivals: number;

  @Field(() => Int, { description: 'Checked out or transferred away.' })
  departures: number;

  @Field(() => Int)
  turnaways: number;
}

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
  daily(shelterId: string, from: string, to: string): Promise<DailyFigures[]> {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days >= 0 && days <= 366)) {
      throw new OccupancyException(
        'to must be on or after from, and at most 366 days later.',
        OccupancyExceptionCode.RANGE_INVALID,
        ['to'],
      );
    }
    return this.dataSource.query<DailyFigures[]>(
      `WITH days AS (
         SELECT d::date AS day, (d::date::timestamp AT TIME ZONE $4) AS starts, ((d::date + 1)::timestamp AT TIME ZONE $4) AS ends
           FROM generate_series($2::date, $3::date, interval '1 day') d
       )
       SELECT to_char(day, 'YYYY-MM-DD') AS day,
         (SELECT count(*) FROM bed b WHERE b.shelter_id = $1 AND b.out_of_service_reason IS NULL AND NOT b.overflow)::int AS capacity,
         (SELECT count(*) FROM bed_assignment a WHERE a.shelter_id = $1 AND a.kind = 'stay'
            AND a.started_at < ends AND (a.ended_at IS NULL OR a.ended_at >= starts))::int AS occupied,
         (SELECT count(*) FROM bed_assignment a WHERE a.shelter_id = $1 AND a.kind = 'stay'
            AND a.started_at < ends AND (a.ended_at IS NULL OR a.ended_at >= ends))::int AS "bedNights",
         ((SELECT count(*) FROM bed_assignment a WHERE a.shelter_id = $1 AND a.kind = 'stay' AND a.started_at >= starts AND a.started_at < ends)
          - (SELECT count(*) FROM bed_assignment a WHERE a.shelter_id = $1 AND a.kind = 'stay' AND a.end_reason = 'moved'
               AND a.ended_at >= starts AND a.ended_at < ends))::int AS arrivals,
         (SELECT count(*) FROM bed_assignment a WHERE a.shelter_id = $1 AND a.kind = 'stay'
            AND a.end_reason IN ('checked_out', 'transferred') AND a.ended_at >= starts AND a.ended_at < ends)::int AS departures,
         (SELECT coalesce(sum(t.count), 0) FROM turnaway t WHERE t.shelter_id = $1 AND t.at >= starts AND t.at < ends)::int AS turnaways
       FROM days ORDER BY day`,
      [shelterId, from, to, this.options.timeZone],
    );
  }
}
