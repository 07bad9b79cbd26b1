import { BOROUGH_CODES } from '@albergue/contracts';
import { RequestIdField } from '@albergue/common';
import { LANGUAGE_CODE, OpeningHoursInput, PHONE, Population } from '@albergue/shelters';
import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CapacityStatus,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from '../referrals.enums.js';

/** A health service's description; shared by create and update. */
@InputType({ isAbstract: true })
export class HealthServiceFieldsInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => ServiceCategory)
  @IsEnum(ServiceCategory)
  category: ServiceCategory;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The organisation shows it on the public map’s sheet and /text. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Care after violence and the like: never placed on a public surface beyond its area. Default false.',
  })
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'False: closed for good. Default true.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Street and number; none for a mobile clinic serving an area.',
  })
  @IsOptional()
  @MaxLength(200)
  street?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A code of the borough catalogue (cdmx-cuauhtemoc): where it is, or the area a mobile clinic serves. A service without a street needs one.',
  })
  @IsOptional()
  @IsIn(BOROUGH_CODES, {
    message: 'boroughCode must be a code of the borough catalogue, such as cdmx-cuauhtemoc',
  })
  boroughCode?: string | null;

  @Field(() => Float, { nullable: true, description: 'With lng, or neither.' })
  @IsOptional()
  @IsLatitude()
  lat?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude()
  lng?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'null: not stated.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  hours?: OpeningHoursInput | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages spoken there: ISO 639 codes (es, ht, fr, en, pt), as shelters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(LANGUAGE_CODE, {
    each: true,
    message: 'languages must be ISO 639 codes such as es or ht',
  })
  languages?: string[];

  @Field(() => ServiceCost, { nullable: true, description: 'Default FREE.' })
  @IsOptional()
  @IsEnum(ServiceCost)
  cost?: ServiceCost;

  @Field(() => [ServiceRequirement], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ServiceRequirement, { each: true })
  requirements?: ServiceRequirement[];

  @Field(() => [Population], { nullable: true, description: 'The groups served; empty: everyone.' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(Population, { each: true })
  populations?: Population[];
}

@InputType()
export class CreateHealthServiceInput extends HealthServiceFieldsInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  organisationId: string;
}

/** Only the fields given change; null clears an optional one (street, lat/lng, phone, hours). */
@InputType()
export class UpdateHealthServiceInput extends PartialType(HealthServiceFieldsInput, InputType) {}

/** The statuses staff report (UNKNOWN is what an old report reads, never reported). */
export const REPORTABLE = [
  CapacityStatus.ACCEPTING,
  CapacityStatus.WAITLIST,
  CapacityStatus.NOT_ACCEPTING,
] as const;

@InputType()
export class ReportServiceCapacityInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  serviceId: string;

  @Field(() => CapacityStatus, { description: 'ACCEPTING, WAITLIST or NOT_ACCEPTING.' })
  @IsIn(REPORTABLE, { message: 'status must be ACCEPTING, WAITLIST or NOT_ACCEPTING' })
  status: CapacityStatus;

  @Field(() => Int, {
    nullable: true,
    description: 'With WAITLIST only (and then needed): the typical wait, in days.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  waitDays?: number | null;
}

@InputType()
export class HealthServiceFilter {
  @Field(() => [ServiceCategory], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ServiceCategory, { each: true })
  categories?: ServiceCategory[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(BOROUGH_CODES, {
    message: 'boroughCode must be a code of the borough catalogue, such as cdmx-cuauhtemoc',
  })
  boroughCode?: string;

  @Field(() => String, { nullable: true, description: 'Only services where this is spoken.' })
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'language must be an ISO 639 code such as es or ht' })
  language?: string;

  @Field(() => [CapacityStatus], {
    nullable: true,
    description: 'Only services whose capacity reads so now (UNKNOWN: never reported or stale).',
  })
  @IsOptional()
  @IsArray()
  @IsEnum(CapacityStatus, { each: true })
  capacity?: CapacityStatus[];

  @Field(() => Boolean, { nullable: true, description: 'Also services closed for good.' })
  @IsOptional()
  @IsBoolean()
  includeInactive?: boolean;
}

/** A fit check: a resident on record, or a person described (languages, group) at a field visit. */
@ArgsType()
export class ServiceFitArgs {
  @Field(() => ID)
  @IsUUID()
  serviceId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The shelter you refer from (health workers and coordinators need it).',
  })
  @IsOptional()
  @IsUUID()
  shelterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A resident staying at that shelter.' })
  @IsOptional()
  @IsUUID()
  residentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Or: the person’s languages (ISO 639).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(LANGUAGE_CODE, {
    each: true,
    message: 'languages must be ISO 639 codes such as es or ht',
  })
  languages?: string[] | null;

  @Field(() => Population, { nullable: true, description: 'And/or the person’s group.' })
  @IsOptional()
  @IsEnum(Population)
  population?: Population | null;
}
