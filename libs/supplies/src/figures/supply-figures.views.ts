import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DayField } from '../dto/fields.js';
import { SupplyCategory, SupplySource, SupplyUnit } from '../supplies.enums.js';

@ArgsType()
export class SupplyFiguresArgs {
  @Field(() => ID, { nullable: true, description: 'A shelter; none: the whole network.' })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @DayField('YYYY-MM-DD in TIME_ZONE; default 30 days before to.')
  from?: string | null;

  @DayField('YYYY-MM-DD in TIME_ZONE, inclusive; default today. At most 366 days after from.')
  to?: string | null;
}

@ObjectType({
  description:
    'What moved in a period, per category and unit (never two units summed), reversals counted against the kind they undo.',
})
export class SupplyFlowView {
  @Field(() => SupplyCategory)
  category: SupplyCategory;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => Float)
  received: number;

  @Field(() => Float, { description: 'Handed out or cooked.' })
  used: number;

  @Field(() => Float, { description: 'Wasted or expired.' })
  wasted: number;

  @Field(() => Float)
  transferredIn: number;

  @Field(() => Float)
  transferredOut: number;

  @Field(() => Float, { description: 'Stocktakes’ differences (either sign).' })
  adjusted: number;
}

@ObjectType({ description: 'Meals served on a day (TIME_ZONE).' })
export class MealsDayView {
  @Field(() => String)
  day: string;

  @Field(() => Int, { description: 'Meals recorded (a sitting each).' })
  meals: number;

  @Field(() => Int, { description: 'People served, summed over the meals.' })
  people: number;
}

@ObjectType({
  description:
    'What came in from one source: an organisation by name; private donors, purchases and pledges in total only.',
})
export class ContributionView {
  @Field(() => SupplySource)
  source: SupplySource;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true })
  organisationName: string | null;

  @Field(() => SupplyCategory)
  category: SupplyCategory;

  @Field(() => SupplyUnit)
  unit: SupplyUnit;

  @Field(() => Float)
  quantity: number;
}

@ObjectType({
  description:
    'Days of food left on a day (its last look); for the network, its food against all its people at the ration.',
})
export class FoodDayView {
  @Field(() => String)
  day: string;

  @Field(() => Float, { nullable: true })
  daysLeft: number | null;

  @Field(() => Float)
  kcal: number;

  @Field(() => Int)
  people: number;
}

@ObjectType({ description: 'A shelter’s (or the network’s) supplies over a period of days.' })
export class SupplyFiguresView {
  @Field(() => ID, { nullable: true })
  shelterId: string | null;

  @Field(() => String)
  from: string;

  @Field(() => String)
  to: string;

  @Field(() => [SupplyFlowView])
  flows: SupplyFlowView[];

  @Field(() => [MealsDayView])
  meals: MealsDayView[];

  @Field(() => [ContributionView])
  contributions: ContributionView[];

  @Field(() => [FoodDayView])
  foodDays: FoodDayView[];
}
