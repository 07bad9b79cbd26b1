import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import {
  NeedClosure,
  NeedPriority,
  SupplyAlertKind,
  SupplyCategory,
  SupplyUnit,
} from './supplies.enums.js';

@ObjectType({
  description:
    'What a shelter asks donors for: an item (with the quantity wanted) or a whole category, a priority, until when. Public while open and not past its day.',
})
export class SupplyNeedView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => ID, { nullable: true })
  itemId: string | null;

  @Field(() => SupplyCategory, { description: 'The item’s, or the one asked for.' })
  category: SupplyCategory;

  @Field(() => Float, { nullable: true })
  quantity: number | null;

  @Field(() => SupplyUnit, { nullable: true, description: 'The item’s unit.' })
  unit: SupplyUnit | null;

  @Field(() => NeedPriority)
  priority: NeedPriority;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null: until closed.' })
  until: string | null;

  @Field(() => Boolean, { description: 'Open and not past its day: on /needs now.' })
  public: boolean;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => NeedClosure, { nullable: true })
  closure: NeedClosure | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({
  description:
    'A need the shelter’s own figures suggest: an item below its low mark (with what would bring it back to it), or, with too few days of food, the food it used most lately.',
})
export class NeedSuggestionView {
  @Field(() => ID)
  itemId: string;

  @Field(() => SupplyAlertKind, { description: 'LOW_STOCK or FOOD_DAYS_LOW.' })
  reason: SupplyAlertKind;

  @Field(() => Float, { nullable: true, description: 'LOW_STOCK: up to the low mark.' })
  quantity: number | null;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;
}

@ObjectType()
export class NeedsProfileView {
  @Field(() => ID)
  shelterId: string;

  @Field(() => Boolean)
  nameShown: boolean;
}
