import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { Population } from '../shelters.enums.js';
import { AvailabilityCountInput } from './capacity.input.js';

/**
 * Absolute figures, not increments, so a retried report cannot count twice; no requestId needed.
 * Groups left out keep their figures and are confirmed with the rest.
 */
@InputType()
export class ReportAvailabilityInput {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => [AvailabilityCountInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.keys(Population).length)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityCountInput)
  counts: AvailabilityCountInput[];
}
