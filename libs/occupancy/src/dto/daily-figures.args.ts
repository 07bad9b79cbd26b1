import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsUUID } from 'class-validator';

@ArgsType()
export class DailyFiguresArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE.' })
  @IsISO8601({ strict: true })
  from: string;

  @Field(() => String, { description: 'YYYY-MM-DD, inclusive; at most 366 days after from.' })
  @IsISO8601({ strict: true })
  to: string;
}
