import { CountCell } from '@albergue/residents';
import { ArgsType, Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class ReferralFiguresArgs {
  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE: referrals sent from that day.' })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from: string;

  @Field(() => String, { description: 'YYYY-MM-DD, inclusive, at most 366 days after from.' })
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Referrals made from this shelter (its health workers and coordinators).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Referrals sent to this health service (its staff). With shelterId too: those of both. Neither: the network (network roles).',
  })
  @IsOptional()
  @IsUUID()
  serviceId?: string | null;
}

@ObjectType({
  description:
    'Hours from sending to an answer (or to an outcome): median and 90th percentile, not shown (null, suppressed) over fewer than 5 referrals.',
})
export class ReferralTimeFigure {
  @Field(() => CountCell, { description: 'How many referrals the times are of.' })
  referrals: CountCell;

  @Field(() => Float, { nullable: true })
  medianHours: number | null;

  @Field(() => Float, { nullable: true })
  p90Hours: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({
  description:
    'No-shows among the appointments that ended (kept or not), as a fraction rounded to a percent; not shown over fewer than 5 appointments or 1 to 4 no-shows.',
})
export class ReferralRateFigure {
  @Field(() => Float, { nullable: true })
  rate: number | null;

  @Field(() => Boolean)
  suppressed: boolean;
}

@ObjectType({
  description:
    'Referrals sent in a period, without identities: every count pooled (groups under 5 into POOLED) and rounded to 5, as residentAggregates.',
})
export class ReferralFigures {
  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => ID, { nullable: true })
  shelterId: string | null;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => CountCell)
  total: CountCell;

  @Field(() => [CountCell], { description: 'By ReferralCategory.' })
  byCategory: CountCell[];

  @Field(() => [CountCell], { description: 'By ReferralUrgency.' })
  byUrgency: CountCell[];

  @Field(() => [CountCell], { description: 'By the service referred to (its name).' })
  byService: CountCell[];

  @Field(() => [CountCell], {
    description:
      'By where the referral ended: a ReferralOutcome (TREATED…), a NotCompletedReason (NO_SHOW…), REJECTED, CANCELLED, or OPEN (no end yet).',
  })
  byOutcome: CountCell[];

  @Field(() => ReferralTimeFigure)
  timeToAcceptance: ReferralTimeFigure;

  @Field(() => ReferralTimeFigure)
  timeToCompletion: ReferralTimeFigure;

  @Field(() => ReferralRateFigure)
  noShowRate: ReferralRateFigure;
}
