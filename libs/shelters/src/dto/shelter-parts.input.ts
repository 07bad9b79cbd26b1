import { BOROUGH_CODES, CLOCK_TIME, WEEKDAYS } from '@albergue/contracts';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const PHONE = /^\+?[0-9][0-9 ()-]{4,30}$/;

/** Language codes as shelters and services take them (ISO 639, the primary subtag of BCP 47). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

@InputType()
export class ShelterAddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  street?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  neighbourhood?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A code of the borough catalogue (cdmx-cuauhtemoc, mex-nezahualcoyotl).',
  })
  @IsOptional()
  @IsIn(BOROUGH_CODES, {
    message: 'boroughCode must be a code of the borough catalogue, such as cdmx-cuauhtemoc',
  })
  boroughCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  city?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(120)
  state?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9A-Za-z -]{3,12}$/, { message: 'postalCode must be 3 to 12 letters or digits' })
  postalCode?: string;
}

@InputType()
export class ShelterContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'whatsapp must be a phone number' })
  whatsapp?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @IsEmail()
  email?: string;
}

@InputType()
export class ShelterEligibilityInput {
  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  idRequired?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  petsAllowed?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  wheelchairAccessible?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  maxStayDays?: number;

  @Field(() => String, { nullable: true, description: 'Doors close at, local time, HH:MM.' })
  @IsOptional()
  @Matches(CLOCK_TIME, { message: 'curfew must be a time as HH:MM' })
  curfew?: string;
}

@InputType()
export class OpeningPeriodInput {
  @Field(() => [Int], { description: 'ISO 8601 weekdays: 1 Monday … 7 Sunday.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true, message: 'days must be weekdays from 1 (Monday) to 7 (Sunday)' })
  days: number[];

  @Field(() => String, { description: 'Local time (TIME_ZONE), HH:MM.' })
  @Matches(CLOCK_TIME, { message: 'opens must be a time as HH:MM, 00:00 to 23:59' })
  opens: string;

  @Field(() => String, {
    description: 'Local time, HH:MM; earlier than `opens` for a period past midnight.',
  })
  @Matches(CLOCK_TIME, { message: 'closes must be a time as HH:MM, 00:00 to 23:59' })
  closes: string;
}

/** Either open day and night, or the periods a person can come (a shelter that says neither gives `hours: null`). */
@InputType()
export class OpeningHoursInput {
  @Field(() => Boolean, { nullable: true, description: 'Open day and night, every day.' })
  @IsOptional()
  @IsBoolean()
  alwaysOpen?: boolean;

  @Field(() => [OpeningPeriodInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodInput)
  periods?: OpeningPeriodInput[];
}
