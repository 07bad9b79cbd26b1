import { TrackingMode } from '@albergue/shelters';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { FoodDaysBasis, SupplyAlertKind, SupplyCategory } from './supplies.enums.js';

@ObjectType({
  description:
    'Days of food left at a shelter: the food in stock (kcal, expired lots left out) against the people present at the standard ration, and against what was handed out or cooked lately; the lower of the two, with how each was computed.',
})
export class FoodDaysView {
  @Field(() => ID)
  shelterId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The lower of byNeed and byRate; null when neither can be said.',
  })
  daysLeft: number | null;

  @Field(() => FoodDaysBasis, { nullable: true, description: 'Which of the two is the lower.' })
  basis: FoodDaysBasis | null;

  @Field(() => Float, {
    nullable: true,
    description: 'kcalInStock / (people × kcalPerPersonDay); null with nobody present.',
  })
  byNeed: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'kcalInStock / kcalUsedPerDay; null when nothing was used lately.',
  })
  byRate: number | null;

  @Field(() => Boolean, { description: 'daysLeft below lowBelow (FOOD_DAYS_LOW).' })
  low: boolean;

  @Field(() => Int)
  lowBelow: number;

  @Field(() => Float, { description: 'kcal of the food in stock with a known kcal per unit.' })
  kcalInStock: number;

  @Field(() => Int, {
    description: 'Food items in stock whose kcal is unknown: they count for nothing above.',
  })
  foodItemsWithoutKcal: number;

  @Field(() => Int, { description: 'People present now by the shelter’s own figures.' })
  people: number;

  @Field(() => TrackingMode, {
    nullable: true,
    description: 'BEDS: from beds taken (live); COUNTS: from the last report.',
  })
  peopleFrom: TrackingMode | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When those figures were confirmed; null: never reported, counted as full.',
  })
  peopleAsOf: Date | null;

  @Field(() => Int, { description: 'FOOD_KCAL_PER_PERSON_DAY (Sphere: 2,100).' })
  kcalPerPersonDay: number;

  @Field(() => Float, {
    nullable: true,
    description: 'kcal handed out or cooked per day lately, net of reversals.',
  })
  kcalUsedPerDay: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The days that rate is over: 7, or the food ledger’s age when younger (at least 1).',
  })
  rateWindowDays: number | null;
}

@ObjectType({
  description:
    'A shelter’s marks for an item or for every item of a category (the item’s own wins): low stock below `low` (in each item’s unit), lots said `expiringWithinDays` ahead.',
})
export class SupplyThresholdView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => ID, { nullable: true })
  itemId: string | null;

  @Field(() => SupplyCategory, { nullable: true })
  category: SupplyCategory | null;

  @Field(() => Float, { nullable: true })
  low: number | null;

  @Field(() => Int, { nullable: true })
  expiringWithinDays: number | null;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({
  description:
    'A supply alert: raised once when its condition starts to hold, cleared once when it stops.',
})
export class SupplyAlertView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => SupplyAlertKind)
  kind: SupplyAlertKind;

  @Field(() => ID, { nullable: true })
  itemId: string | null;

  @Field(() => String, { nullable: true })
  lot: string | null;

  @Field(() => String, { nullable: true, description: 'EXPIRING: YYYY-MM-DD.' })
  expiresOn: string | null;

  @Field(() => Float, {
    description:
      'At the raise: the usable quantity (LOW_STOCK), the days of food left (FOOD_DAYS_LOW), the lot’s quantity (EXPIRING).',
  })
  figure: number;

  @Field(() => Float, {
    description: 'The low mark, FOOD_DAYS_LOW, or the days looked ahead for expiry.',
  })
  threshold: number;

  @Field(() => Date)
  raisedAt: Date;

  @Field(() => Date, { nullable: true })
  clearedAt: Date | null;
}
