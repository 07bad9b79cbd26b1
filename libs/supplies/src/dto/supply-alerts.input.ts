import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SupplyCategory } from '../supplies.enums.js';

/** What a threshold is for: one item, or every item of a category (exactly one of the two). */
@InputType()
export class SupplyThresholdTargetInput {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;

  @Field(() => SupplyCategory, { nullable: true })
  @IsOptional()
  @IsEnum(SupplyCategory)
  category?: SupplyCategory | null;
}

/**
 * Sets a shelter's marks for an item or a category, replacing what was set for it (setting the
 * same twice changes nothing more: it needs no requestId). At least one mark.
 */
@InputType()
export class SetSupplyThresholdInput extends SupplyThresholdTargetInput {
  @Field(() => Float, {
    nullable: true,
    description:
      'Low below this, in the item’s unit (a category’s: in each item’s own unit). Null: no low alert.',
  })
  @IsOptional()
  @IsNumber()
  low?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Say lots expiring within this many days (0 to 365). Null: the default.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  expiringWithinDays?: number | null;
}
