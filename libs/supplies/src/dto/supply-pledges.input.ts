import { RequestIdField } from '@albergue/common';
import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { SupplyUnit } from '../supplies.enums.js';
import { DayField, LotField } from './fields.js';

/** Units by the names the public reads in `/needs.json`. */
const UNIT_NAMES = Object.keys(SupplyUnit) as (keyof typeof SupplyUnit)[];

/** A phone as people write it: digits, spaces, +, -, dots and brackets; 6 to 24 of them. */
export const PHONE = /^\+?[\d\s().-]{6,24}$/;

/**
 * A promise to bring some of a published need (`POST /needs/pledges`, no account). The contact is
 * sealed at once, read by the shelter's coordinators only, and erased 30 days after `bringBy`.
 */
@InputType()
export class PledgeInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  needId: string;

  @Field(() => Float, {
    nullable: true,
    description: 'In the need’s item’s unit (with `unit`); none for a category’s need.',
  })
  @IsOptional()
  @IsNumber()
  quantity?: number | null;

  /** As `/needs.json` writes units (KG, L, PIECE, PACK): this body is JSON, not GraphQL. */
  @IsOptional()
  @IsIn(UNIT_NAMES, { message: `unit must be one of ${UNIT_NAMES.join(', ')}` })
  unit?: keyof typeof SupplyUnit | null;

  @DayField('YYYY-MM-DD (TIME_ZONE): the day they mean to bring it by, today to 60 days ahead.')
  bringBy?: string | null;

  @Field(() => String, { description: 'A name or an organisation.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email?: string | null;
}

@ArgsType()
export class PledgesArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also those received or withdrawn in the last 30 days.',
  })
  @IsBoolean()
  history: boolean;
}

/** What came of a pledge: a receipt naming it (its item, for a category's need). */
@InputType()
export class ReceivePledgeInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  pledgeId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The item that came: the need’s own item, or one of the need’s category.',
  })
  @IsOptional()
  @IsUUID()
  itemId?: string | null;

  @Field(() => Float)
  @IsNumber()
  quantity: number;

  @Field(() => SupplyUnit)
  @IsEnum(SupplyUnit)
  unit: SupplyUnit;

  @LotField()
  lot?: string | null;

  @DayField('YYYY-MM-DD. Already past: recorded, flagged EXPIRED_ON_RECEIPT.')
  expiresOn?: string | null;
}

@InputType()
export class WithdrawPledgeInput {
  @Field(() => ID)
  @IsUUID()
  pledgeId: string;
}
