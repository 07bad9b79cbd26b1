import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Population } from '../shelters.enums.js';

export const MAX_PLACES_PER_GROUP = 5000;

@InputType({ description: 'Declared places for one population group.' })
export class CapacityInput {
  @Field(() => Population)
  @IsEnum(Population)
  population: Population;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_PLACES_PER_GROUP)
  totalBeds: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Overflow places (mats in a hall), counted apart. Default 0.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PLACES_PER_GROUP)
  overflowTotal?: number;
}

@InputType({ description: 'Free places in one population group right now.' })
export class AvailabilityCountInput {
  @Field(() => Population)
  @IsEnum(Population)
  population: Population;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(MAX_PLACES_PER_GROUP)
  freeBeds: number;

  @Field(() => Int, { nullable: true, description: 'Free overflow places. Default 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PLACES_PER_GROUP)
  overflowFree?: number;
}
