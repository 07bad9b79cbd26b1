import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** Report rows are kept this many days (problem-report-retention): no query looks further back. */
export const MAX_REPORT_DAYS = 90;

/** Days back when neither `days` nor a period is given. */
export const DEFAULT_REPORT_DAYS = 7;

/** The latest `to` a period accepts, in days after `from`: as dailyFigures (a year and a day). */
export const MAX_REPORT_PERIOD_DAYS_AFTER = 366;

/** A day as the figures take it: YYYY-MM-DD (with IsISO8601 strict, a real date). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

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
    nullable: true,
    description: `Days back, today included (1 to ${MAX_REPORT_DAYS}); ${DEFAULT_REPORT_DAYS} when neither days nor from and to are given. Not with from and to.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REPORT_DAYS)
  days?: number | null;

  @Field(() => String, {
    nullable: true,
    description: `The period's first day, YYYY-MM-DD in TIME_ZONE, with to (instead of days). Reports are kept ${MAX_REPORT_DAYS} days: none older are counted.`,
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The period's last day, YYYY-MM-DD inclusive, with from; at most ${MAX_REPORT_PERIOD_DAYS_AFTER} days after from.`,
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to?: string | null;
}
