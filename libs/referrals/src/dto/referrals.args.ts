import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';
import { ReferralState } from '../referrals.enums.js';

@ArgsType()
class ReferralListArgs {
  @Field(() => [ReferralState], {
    nullable: true,
    description: 'Only these states (an inbox: SENT for new, SCHEDULED…).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsEnum(ReferralState, { each: true })
  states?: ReferralState[];

  @Field(() => Int, { nullable: true, defaultValue: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  first?: number;
}

@ArgsType()
export class ShelterReferralsArgs extends ReferralListArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;
}

@ArgsType()
export class ServiceReferralsArgs extends ReferralListArgs {
  @Field(() => ID)
  @IsUUID()
  serviceId: string;
}
