import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { DAY } from './network-figures.args.js';

/** The latest `to` dailyFigures accepts, in days after `from` (a year and a day, leap years too). */
export const MAX_DAILY_DAYS_AFTER = 366;

@ArgsType()
export class DailyFiguresArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE.' })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @Field(() => String, {
    description: `YYYY-MM-DD, inclusive; at most ${MAX_DAILY_DAYS_AFTER} days after from.`,
  })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;
}
