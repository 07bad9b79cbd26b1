import { ArgsType, Field, ID } from '@nestjs/graphql';
import { BOROUGH_CODES } from '@albergue/contracts';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { FiguresGrouping } from '../figures.views.js';

/** The longest range networkFigures reads in one request: a quarter. */
export const MAX_NETWORK_DAYS = 92;

/**
 * The latest `to` dailyFigures (and networkFigures for one shelter) accepts, in days after `from`
 * (a year and a day, leap years too).
 */
export const MAX_DAILY_DAYS_AFTER = 366;

/** A day as the figures take it: YYYY-MM-DD (with IsISO8601 strict, a real date). */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class NetworkFiguresArgs {
  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE.' })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @Field(() => String, {
    description: `YYYY-MM-DD, inclusive; at most ${MAX_NETWORK_DAYS - 1} days after from (with shelterId, ${MAX_DAILY_DAYS_AFTER}, as dailyFigures).`,
  })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;

  @Field(() => FiguresGrouping, {
    description:
      'SHELTER, BOROUGH or DAY: a row per group; NETWORK: one row, the period’s totals of every shelter in the answer.',
  })
  @IsEnum(FiguresGrouping)
  groupBy: FiguresGrouping;

  @Field(() => String, {
    nullable: true,
    description:
      'Only the shelters in this borough (a code of the borough catalogue, e.g. cdmx-cuauhtemoc): one borough day by day with groupBy DAY. Omit for the whole network.',
  })
  @IsOptional()
  @IsIn(BOROUGH_CODES, {
    message: 'borough must be a code of the borough catalogue, such as cdmx-cuauhtemoc',
  })
  borough?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only this shelter (with any grouping): its coordinator may ask for it, as for its dailyFigures. Omit for the network (network roles only).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;
}
