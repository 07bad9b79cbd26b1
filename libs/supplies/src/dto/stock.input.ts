import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
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
import { DayField, LotField } from './fields.js';

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
  @LotField('Take from this lot only.')
  lot?: string | null;

  @DayField('YYYY-MM-DD: take from the lot with this expiry only.')
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

  @LotField()
  lot?: string | null;

  @DayField('YYYY-MM-DD. Already past: recorded, flagged EXPIRED_ON_RECEIPT.')
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

  @DayField('YYYY-MM-DD in TIME_ZONE, today or up to 31 days back; default today.')
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

  @DayField('YYYY-MM-DD in TIME_ZONE; default 30 days before to.')
  from?: string | null;

  @DayField('YYYY-MM-DD in TIME_ZONE, inclusive; default today. At most 366 days after from.')
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
