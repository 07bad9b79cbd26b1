import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SupplyCategory, SupplyUnit } from '../supplies.enums.js';

@InputType({ description: 'An item’s name per language; a network item needs all five.' })
export class SupplyItemNamesInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  es?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  en?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  fr?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  ht?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(120)
  pt?: string | null;
}

@InputType()
export class CreateSupplyItemInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The shelter whose own item it is (its coordinator adds it). None: a network item (admins).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @Field(() => SupplyItemNamesInput)
  @ValidateNested()
  @Type(() => SupplyItemNamesInput)
  names: SupplyItemNamesInput;

  @Field(() => SupplyCategory)
  @IsEnum(SupplyCategory)
  category: SupplyCategory;

  @Field(() => SupplyUnit, { description: 'For ever: every quantity of the item is in it.' })
  @IsEnum(SupplyUnit)
  unit: SupplyUnit;

  @Field(() => Float, { nullable: true, description: 'Food only: kcal in one unit.' })
  @IsOptional()
  @IsNumber()
  kcalPerUnit?: number | null;
}

/** Only the fields given change; the unit never does. */
@InputType()
export class UpdateSupplyItemInput {
  @Field(() => SupplyItemNamesInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupplyItemNamesInput)
  names?: SupplyItemNamesInput | null;

  @Field(() => SupplyCategory, { nullable: true })
  @IsOptional()
  @IsEnum(SupplyCategory)
  category?: SupplyCategory | null;

  @Field(() => Float, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsNumber()
  kcalPerUnit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'false: retired (no new movements).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}

@ArgsType()
export class SupplyItemsArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      'The network items and this shelter’s own (its staff); none: the network items (network roles).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}
