import { ArgsType, Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Population, ShelterService, ShelterStatus } from '../shelters.enums.js';
import { GeoPointInput } from './geo-point.input.js';

export const MAX_SHELTERS_PER_PAGE = 1000;

@InputType()
export class ShelterFilter {
  @Field(() => GeoPointInput, {
    nullable: true,
    description: 'Sort nearest first from here and give distanceKm.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  near?: GeoPointInput;

  @Field(() => Float, {
    nullable: true,
    description: 'Only shelters within this many km of `near` (which it needs).',
  })
  @IsOptional()
  @Min(0.05)
  @Max(500)
  radiusKm?: number;

  @Field(() => Population, {
    nullable: true,
    description: 'Only shelters serving this group; with hasSpace, space in this group.',
  })
  @IsOptional()
  @IsEnum(Population)
  population?: Population;

  @Field(() => [Population], {
    nullable: true,
    description:
      'Shelters serving any of these groups, for a person who fits several (a trans woman: WOMEN and LGBTQ); with hasSpace, space in any of them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(Population).length)
  @IsEnum(Population, { each: true })
  populations?: Population[];

  @Field(() => ShelterService, { nullable: true })
  @IsOptional()
  @IsEnum(ShelterService)
  service?: ShelterService;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: band SPACE or FEW (in `population`/`populations` when given). False: the others.',
  })
  @IsOptional()
  @IsBoolean()
  hasSpace?: boolean;

  @Field(() => ShelterStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ShelterStatus)
  status?: ShelterStatus;
}

@ArgsType()
export class SheltersArgs {
  @Field(() => ShelterFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShelterFilter)
  filter?: ShelterFilter;

  @Field(() => Int, { defaultValue: 100 })
  @IsInt()
  @Min(1)
  @Max(MAX_SHELTERS_PER_PAGE)
  first: number = 100;
}
