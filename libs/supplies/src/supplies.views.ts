import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AdjustmentReason,
  MealKind,
  ReversalReason,
  StockMovementKind,
  StockTransferState,
  StockWarning,
  SupplyCategory,
  SupplySource,
  SupplyUnit,
} from './supplies.enums.js';

@ObjectType({
  description: 'An item’s name in the five languages (a shelter’s own item may lack some).',
})
export class SupplyItemNamesView {
  @Field(() => String, { nullable: true })
  es: string | null;

  @Field(() => String, { nullable: true })
  en: string | null;

  @Field(() => String, { nullable: true })
  fr: string | null;

  @Field(() => String, { nullable: true })
  ht: string | null;

  @Field(() => String, { nullable: true })
  pt: string | null;
}

@ObjectType({
  description:
    'A thing kept in stock. Network items (shelterId null) are the same everywhere and travel between shelters; a shelter’s own items stay there. The unit never changes.',
})
export class SupplyItemView {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'Null: a network item.' })
  shelterId: string | null;

  @Field(() => SupplyItemNamesView)
  names: SupplyItemNamesView;

  @Field(() => SupplyCategory)
  category: SupplyCategory;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => Float, { nullable: true, description: 'Food: kcal in one unit, where known.' })
  kcalPerUnit: number | null;

  @Field(() => Boolean)
  active: boolean;
}

@ObjectType({ description: 'One row of the ledger: signed (in > 0, out < 0), in the item’s unit.' })
export class StockMovementView {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    description: 'The act it is part of (one distribution may take from several lots).',
  })
  actId: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => ID)
  itemId: string;

  @Field(() => StockMovementKind)
  kind: StockMovementKind;

  @Field(() => Float)
  quantity: number;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => String, { nullable: true })
  lot: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  expiresOn: string | null;

  @Field(() => Boolean, {
    description: 'A receipt whose expiry date had already passed (in TIME_ZONE) when it came in.',
  })
  expiredOnReceipt: boolean;

  @Field(() => SupplySource, { nullable: true })
  source: SupplySource | null;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => ID, { nullable: true })
  pledgeId: string | null;

  @Field(() => ID, { nullable: true })
  transferId: string | null;

  @Field(() => ID, { nullable: true })
  mealId: string | null;

  @Field(() => Float, { nullable: true, description: 'ADJUSTED: what the stocktake counted.' })
  counted: number | null;

  @Field(() => AdjustmentReason, { nullable: true })
  adjustmentReason: AdjustmentReason | null;

  @Field(() => ID, { nullable: true, description: 'REVERSAL: the row it undoes.' })
  reversesId: string | null;

  @Field(() => ReversalReason, { nullable: true })
  reversalReason: ReversalReason | null;

  @Field(() => ID, { nullable: true, description: 'The reversal that undid this row, if any.' })
  reversedById: string | null;

  @Field(() => ID)
  recordedBy: string;

  @Field(() => Date)
  at: Date;
}

@ObjectType({ description: 'What one act wrote to the ledger, and what staff must notice.' })
export class StockAct {
  @Field(() => ID)
  id: string;

  @Field(() => [StockMovementView])
  movements: StockMovementView[];

  @Field(() => [StockWarning])
  warnings: StockWarning[];
}

@ObjectType()
export class StockLot {
  @Field(() => String, { nullable: true })
  lot: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  expiresOn: string | null;

  @Field(() => Float)
  quantity: number;
}

@ObjectType({ description: 'An item’s stock at a shelter now: the sum of its movements.' })
export class StockLevel {
  @Field(() => ID)
  itemId: string;

  @Field(() => SupplyItemView)
  item: SupplyItemView;

  @Field(() => Float)
  quantity: number;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => String, { nullable: true, description: 'The first expiry among the lots held.' })
  nearestExpiry: string | null;

  @Field(() => [StockLot], { description: 'What each lot holds, first expiry first.' })
  lots: StockLot[];
}

@ObjectType({ description: 'A meal served at a shelter on a day (TIME_ZONE), to how many people.' })
export class MealServedView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => String, { description: 'YYYY-MM-DD, in TIME_ZONE.' })
  day: string;

  @Field(() => MealKind)
  kind: MealKind;

  @Field(() => Int)
  people: number;

  @Field(() => [StockMovementView], {
    description: 'The food cooked for it, where recorded with it.',
  })
  cookedFrom: StockMovementView[];

  @Field(() => ID)
  recordedBy: string;

  @Field(() => Date)
  at: Date;
}

@ObjectType()
export class StockTransferLineView {
  @Field(() => ID)
  itemId: string;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => Float)
  quantitySent: number;

  @Field(() => Float, { nullable: true, description: 'Null while in transit.' })
  quantityReceived: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sent minus received, once received: what did not arrive.',
  })
  difference: number | null;

  @Field(() => AdjustmentReason, { nullable: true })
  differenceReason: AdjustmentReason | null;
}

@ObjectType({
  description:
    'Stock sent between shelters: out of the sender at once (IN_TRANSIT), into the receiver when received.',
})
export class StockTransferView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  fromShelterId: string;

  @Field(() => ID)
  toShelterId: string;

  @Field(() => StockTransferState)
  state: StockTransferState;

  @Field(() => [StockTransferLineView])
  lines: StockTransferLineView[];

  @Field(() => ID)
  sentBy: string;

  @Field(() => Date)
  sentAt: Date;

  @Field(() => ID, { nullable: true })
  receivedBy: string | null;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => [StockWarning], {
    description: 'EXPIRED_ON_RECEIPT: a lot received from this transfer had already expired.',
  })
  warnings: StockWarning[];
}
