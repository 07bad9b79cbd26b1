import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { DAY, MAX_DAILY_DAYS_AFTER } from './network-figures.args.js';

export { MAX_DAILY_DAYS_AFTER };

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
