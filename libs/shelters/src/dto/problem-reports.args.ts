import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Report rows are kept this many days (problem-report-retention): no query looks further back. */
export const MAX_REPORT_DAYS = 90;

@ArgsType()
export class ProblemReportsArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Omit for every shelter with reports or a flag (network roles).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @Field(() => Int, {
    defaultValue: 7,
    description: `Days back, today included (1 to ${MAX_REPORT_DAYS}).`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_REPORT_DAYS)
  days: number = 7;
}
