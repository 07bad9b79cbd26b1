import { RequestIdField } from '@albergue/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Population, ShelterService, ShelterStatus } from '../shelters.enums.js';
import { CapacityInput } from './capacity.input.js';
import { GeoPointInput } from './geo-point.input.js';
import {
  LANGUAGE_CODE,
  OpeningHoursInput,
  ShelterAddressInput,
  ShelterContactInput,
  ShelterEligibilityInput,
} from './shelter-parts.input.js';

/** The shelter's description; shared by create and update. */
@InputType({ isAbstract: true })
export class ShelterFieldsInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => GeoPointInput, {
    description: 'The door. For a sensitive shelter it is never shown: the public sees an area.',
  })
  @ValidateNested()
  @Type(() => GeoPointInput)
  location: GeoPointInput;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;

  @Field(() => ShelterStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ShelterStatus)
  status?: ShelterStatus;

  @Field(() => ShelterAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShelterAddressInput)
  address?: ShelterAddressInput;

  @Field(() => ShelterContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShelterContactInput)
  contact?: ShelterContactInput;

  @Field(() => [ShelterService], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(ShelterService, { each: true })
  services?: ShelterService[];

  @Field(() => [String], {
    nullable: true,
    description: 'ISO 639 language codes, e.g. es, ht, fr, en, pt.',
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

  @Field(() => ShelterEligibilityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShelterEligibilityInput)
  eligibility?: ShelterEligibilityInput;

  @Field(() => OpeningHoursInput, {
    nullable: true,
    description: 'When a person can come; null: not stated.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => OpeningHoursInput)
  hours?: OpeningHoursInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'A note on the hours in the shelter’s own words, shown as written.',
  })
  @IsOptional()
  @MaxLength(500)
  openingHours?: string;

  @Field(() => [CapacityInput], {
    description:
      'Places per population group served. The groups listed are the groups the shelter serves.',
  })
  @IsArray()
  @ArrayMaxSize(Object.keys(Population).length)
  @ValidateNested({ each: true })
  @Type(() => CapacityInput)
  capacity: CapacityInput[];
}

@InputType()
export class CreateShelterInput extends ShelterFieldsInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  organisationId: string;
}
