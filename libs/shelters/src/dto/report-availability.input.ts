import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { Population } from '../shelters.enums.js';
import { AvailabilityCountInput } from './capacity.input.js';

const KNOWN_VERSION =
  'The shelter’s availabilityVersion (the public `version`) that the figures were read at. If it has moved since, nothing changes and the answer is a CONFLICT (STALE_REPORT) with the current figures in `extensions.details.current`.';

/**
 * Absolute figures, not increments. Groups left out keep their figures and are confirmed with
 * the rest. A requestId makes a retry (a report queued offline and sent twice) act once.
 */
@InputType()
export class ReportAvailabilityInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Int, { description: KNOWN_VERSION })
  @IsInt()
  @Min(0)
  knownVersion: number;

  @Field(() => [AvailabilityCountInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(Object.keys(Population).length)
  @ValidateNested({ each: true })
  @Type(() => AvailabilityCountInput)
  counts: AvailabilityCountInput[];
}

@ArgsType()
export class ConfirmAvailabilityArgs {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Int, { description: KNOWN_VERSION })
  @IsInt()
  @Min(0)
  knownVersion: number;
}
