import { RequestIdField } from '@albergue/common';
import { RegisterHouseholdInput } from '@albergue/residents';
import { Population } from '@albergue/shelters';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { BedKind, DeclineReason, TurnawayReason } from '../occupancy.enums.js';

@InputType()
export class CreateRoomInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(80)
  name: string;
}

@InputType({ description: 'Bulk set-up: "40 bunk beds in Dorm B for men".' })
export class AddBedsInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  roomId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  count: number;

  @Field(() => BedKind)
  @IsEnum(BedKind)
  kind: BedKind;

  @Field(() => Population)
  @IsEnum(Population)
  population: Population;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  accessible?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Overflow places (mats in a hall), counted apart.',
  })
  @IsOptional()
  @IsBoolean()
  overflow?: boolean;
}

@InputType()
export class CheckInInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => [ID], {
    description: 'One person, or a household checking in together: all or none.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  residentIds: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Chosen beds, one per resident in order; omitted: the engine picks suitable beds.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  bedIds?: string[];

  @Field(() => ID, {
    nullable: true,
    description:
      'The holdId these residents arrive on (placeHold, transfer and holdsAt answer it): its places are used.',
  })
  @IsOptional()
  @IsUUID()
  holdId?: string;
}

@InputType()
export class CheckOutInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The person leaves the network: their case closes as departed.',
  })
  @IsOptional()
  @IsBoolean()
  leavesNetwork?: boolean;
}

@InputType({
  description: 'At the gate: register a newcomer or a household and check them in, as one act.',
})
export class RegisterAndCheckInInput extends RegisterHouseholdInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'Chosen beds, one per member in order; omitted: suitable beds.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  bedIds?: string[];
}

@InputType({
  description: 'Beds kept for people on the way: registered residents, or a count of one group.',
})
export class PlaceHoldInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, {
    description:
      'The shelter whose coordinator places the hold (it may be another shelter’s beds).',
  })
  @IsUUID()
  fromShelterId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  residentIds?: string[];

  @Field(() => Population, {
    nullable: true,
    description: 'For people not yet registered: their group…',
  })
  @IsOptional()
  @IsEnum(Population)
  population?: Population;

  @Field(() => Int, { nullable: true, description: '…and how many.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  count?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours until the hold lapses; HOLD_HOURS when omitted.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  hours?: number;
}

@InputType()
export class CancelHoldInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, { description: 'The holdId placeHold or transfer answered.' })
  @IsUUID()
  holdId: string;
}

@InputType()
export class MoveInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => ID, { description: 'A free bed of the same shelter.' })
  @IsUUID()
  bedId: string;
}

@InputType({
  description:
    'Why a transfer may part a guardian and a minor in their care: kept, sealed, in both people’s history.',
})
export class SeparationOverride {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

@InputType({
  description:
    'Closes the stays here and opens one hold there, as one act: a household, or a set of residents.',
})
export class TransferInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, { description: 'The shelter the people are checked in at now.' })
  @IsUUID()
  fromShelterId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Everyone of this household checked in at fromShelterId; or give residentIds.',
  })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'These residents, each checked in at fromShelterId; or give householdId.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  residentIds?: string[];

  @Field(() => ID)
  @IsUUID()
  toShelterId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours the receiving shelter keeps the places; HOLD_TIME when omitted.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  hours?: number;

  @Field(() => SeparationOverride, {
    nullable: true,
    description:
      'Only to part a guardian and a minor in their care on purpose; without it such a transfer is refused (GUARDIAN_SEPARATED).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeparationOverride)
  override?: SeparationOverride;
}

@InputType()
export class BedsModeInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;
}

@InputType()
export class DeclineTransferInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, { description: 'The transfer’s holdId (holdsAt lists it).' })
  @IsUUID()
  holdId: string;

  @Field(() => DeclineReason, {
    nullable: true,
    description: 'Why: the sending shelter reads it in transfersFrom (declineReason).',
  })
  @IsOptional()
  @IsEnum(DeclineReason)
  reason?: DeclineReason;
}

@InputType({ description: 'People turned away at the gate: how many, which group, why. No names.' })
export class TurnawayInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Population)
  @IsEnum(Population)
  population: Population;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(500)
  count: number;

  @Field(() => TurnawayReason)
  @IsEnum(TurnawayReason)
  reason: TurnawayReason;
}

@InputType()
export class SetBedOutOfServiceInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  bedId: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why the bed cannot be used; null puts it back in service.',
  })
  @IsOptional()
  @MaxLength(200)
  reason?: string | null;
}
