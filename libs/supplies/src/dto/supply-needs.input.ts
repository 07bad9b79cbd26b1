import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsNumber, IsOptional, IsUUID } from 'class-validator';
import { NeedClosure, NeedPriority, SupplyCategory, SupplyUnit } from '../supplies.enums.js';
import { DayField } from './fields.js';

/** How much of an item, until when, how pressing: what publishing and updating a need share. */
@InputType({ isAbstract: true })
export class NeedTermsFields {
  @Field(() => Float, {
    nullable: true,
    description: 'Items only: how much is wanted, in the item’s unit (with `unit`).',
  })
  @IsOptional()
  @IsNumber()
  quantity?: number | null;

  @Field(() => SupplyUnit, { nullable: true, description: 'Must be the item’s (with `quantity`).' })
  @IsOptional()
  @IsEnum(SupplyUnit)
  unit?: SupplyUnit | null;

  @DayField(
    'YYYY-MM-DD (TIME_ZONE): the last day it is wanted, today to a year ahead. Null: until closed.',
  )
  until?: string | null;
}

@InputType()
export class PublishNeedInput extends NeedTermsFields {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => ID, { nullable: true, description: 'An item; or else a category.' })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;

  @Field(() => SupplyCategory, { nullable: true })
  @IsOptional()
  @IsEnum(SupplyCategory)
  category?: SupplyCategory | null;

  @Field(() => NeedPriority)
  @IsEnum(NeedPriority)
  priority: NeedPriority;
}

/**
 * Changes an open need: what is given replaces what was (`until: null` removes the end date;
 * left out, it stays). Setting the same twice changes nothing more: no requestId.
 */
@InputType()
export class UpdateNeedInput extends NeedTermsFields {
  @Field(() => ID)
  @IsUUID()
  needId: string;

  @Field(() => NeedPriority, { nullable: true })
  @IsOptional()
  @IsEnum(NeedPriority)
  priority?: NeedPriority | null;
}

@InputType()
export class CloseNeedInput {
  @Field(() => ID)
  @IsUUID()
  needId: string;

  @Field(() => NeedClosure)
  @IsEnum(NeedClosure)
  closure: NeedClosure;
}

@ArgsType()
export class NeedsArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also those closed or past their day in the last 30 days.',
  })
  @IsBoolean()
  history: boolean;
}

@InputType()
export class NeedsProfileInput {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Boolean, {
    description:
      'A sensitive shelter’s needs carry its name in public (else its borough only). Not sensitive: always named.',
  })
  @IsBoolean()
  nameShown: boolean;
}
