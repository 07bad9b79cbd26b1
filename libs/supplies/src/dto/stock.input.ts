import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AdjustmentReason,
  MealKind,
  ReversalReason,
  StockUse,
  SupplySource,
  SupplyUnit,
} from '../supplies.enums.js';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An amount of one item, as staff weigh or count it. */
@InputType({ isAbstract: true })
export class QuantityFields {
  @Field(() => ID)
  @IsUUID()
  itemId: string;

  @Field(() => Float, {
    description:
      'More than zero, in the item’s unit: up to 3 decimals for KG and L, whole for PIECE and PACK.',
  })
  @IsNumber()
  quantity: number;

  @Field(() => SupplyUnit, { description: 'Must be the item’s unit (a check against slips).' })
  @IsEnum(SupplyUnit)
  unit: SupplyUnit;
}

/** An amount taken out, from a lot when one is named (else first expiry first). */
@InputType()
export class StockLineInput extends QuantityFields {
  @Field(() => String, { nullable: true, description: 'Take from this lot only.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(60)
  lot?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: take from the lot with this expiry only.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'expiresOn must be a day written YYYY-MM-DD' })
  expiresOn?: string | null;
}

@InputType()
export class ReceiveStockInput extends QuantityFields {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => SupplySource, {
    description:
      'ORGANISATION (with organisationId), PRIVATE_DONOR (never their name), PURCHASE. PLEDGE comes with pledges.',
  })
  @IsEnum(SupplySource)
  source: SupplySource;

  @Field(() => ID, { nullable: true, description: 'With source ORGANISATION only.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(60)
  lot?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD. Already past: recorded, flagged EXPIRED_ON_RECEIPT.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'expiresOn must be a day written YYYY-MM-DD' })
  expiresOn?: string | null;
}

@InputType()
export class UseStockInput extends StockLineInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => StockUse, { description: 'ISSUED (handed out), COOKED, WASTED or EXPIRED.' })
  @IsEnum(StockUse)
  kind: StockUse;
}

@InputType()
export class CountStockInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => ID)
  @IsUUID()
  itemId: string;

  @Field(() => Float, { description: 'What is on the shelf, all lots together (0 or more).' })
  @IsNumber()
  counted: number;

  @Field(() => SupplyUnit)
  @IsEnum(SupplyUnit)
  unit: SupplyUnit;

  @Field(() => AdjustmentReason, { description: 'Why it differs (COUNT: no known cause).' })
  @IsEnum(AdjustmentReason)
  reason: AdjustmentReason;
}

@InputType()
export class ReverseStockMovementInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  movementId: string;

  @Field(() => ReversalReason)
  @IsEnum(ReversalReason)
  reason: ReversalReason;
}

@InputType()
export class RecordMealInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD in TIME_ZONE, today or up to 31 days back; default today.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'day must be a day written YYYY-MM-DD' })
  day?: string | null;

  @Field(() => MealKind)
  @IsEnum(MealKind)
  kind: MealKind;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100_000)
  people: number;

  @Field(() => [StockLineInput], {
    nullable: true,
    description: 'The food cooked for it: COOKED movements naming the meal.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  cookedFrom?: StockLineInput[] | null;
}

@InputType()
export class SendStockInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  fromShelterId: string;

  @Field(() => ID)
  @IsUUID()
  toShelterId: string;

  @Field(() => [StockLineInput], { description: 'Network items, each at most once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StockLineInput)
  lines: StockLineInput[];
}

@InputType()
export class ReceivedLineInput {
  @Field(() => ID)
  @IsUUID()
  itemId: string;

  @Field(() => Float, { description: 'What arrived: 0 up to what was sent.' })
  @IsNumber()
  quantityReceived: number;

  @Field(() => AdjustmentReason, { nullable: true, description: 'Why less arrived.' })
  @IsOptional()
  @IsEnum(AdjustmentReason)
  differenceReason?: AdjustmentReason | null;
}

@InputType()
export class ReceiveTransferInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  transferId: string;

  @Field(() => [ReceivedLineInput], { description: 'Every line sent, once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReceivedLineInput)
  lines: ReceivedLineInput[];
}

@InputType()
export class CancelTransferInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  transferId: string;
}

@ArgsType()
export class PeriodArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD in TIME_ZONE; default 30 days before to.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'from must be a day written YYYY-MM-DD' })
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD in TIME_ZONE, inclusive; default today. At most 366 days after from.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DAY, { message: 'to must be a day written YYYY-MM-DD' })
  to?: string | null;
}

@ArgsType()
export class StockMovementsArgs extends PeriodArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 200 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  first?: number;
}

@ArgsType()
export class StockTransfersArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Int, { nullable: true, defaultValue: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  first?: number;
}
