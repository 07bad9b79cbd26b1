import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { PledgeState, SupplyCategory, SupplyUnit } from './supplies.enums.js';

@ObjectType({ description: 'Who pledged, as they gave it: sealed, erased 30 days after the day.' })
export class PledgeContactView {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType({ description: 'A promise to bring some of a published need by a day.' })
export class SupplyPledgeView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  needId: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => ID, { nullable: true, description: 'The need’s item (null: a category’s need).' })
  itemId: string | null;

  @Field(() => SupplyCategory)
  category: SupplyCategory;

  @Field(() => Float, { nullable: true })
  quantity: number | null;

  @Field(() => SupplyUnit, { nullable: true })
  unit: SupplyUnit | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  bringBy: string;

  @Field(() => PledgeState)
  state: PledgeState;

  @Field(() => PledgeContactView, {
    nullable: true,
    description: 'Null once erased (30 days after bringBy).',
  })
  contact: PledgeContactView | null;

  @Field(() => Date, { nullable: true })
  erasedAt: Date | null;

  @Field(() => Date, { nullable: true })
  receivedAt: Date | null;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType({ description: 'A pledge was recorded: the shelter will get in touch.' })
export class PledgeReceipt {
  @Field(() => Boolean)
  received: true;
}
