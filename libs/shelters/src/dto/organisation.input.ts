import { RequestIdField } from '@albergue/common';
import { Field, InputType, PartialType } from '@nestjs/graphql';
import {
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { OrganisationKind } from '../shelters.enums.js';
import { PHONE } from './shelter-parts.input.js';

@InputType({ isAbstract: true })
export class OrganisationFieldsInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => OrganisationKind)
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  @IsEmail()
  email?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  website?: string;
}

@InputType()
export class CreateOrganisationInput extends OrganisationFieldsInput {
  @RequestIdField()
  requestId: string;
}

@InputType()
export class UpdateOrganisationInput extends PartialType(OrganisationFieldsInput, InputType) {}
