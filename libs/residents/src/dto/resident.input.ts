import { RequestIdField } from '@albergue/common';
import { Population } from '@albergue/shelters';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { AgeBracket, LegalBasis, Vulnerability } from '../residents.enums.js';

@ValidatorConstraint({ name: 'notFutureYear' })
export class NotFutureYear implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value <= new Date().getUTCFullYear();
  }

  defaultMessage(): string {
    return 'birthYear must not be in the future';
  }
}

export const FOLIO = /^[A-Z0-9-]{6,20}$/;
export const CURP = /^[A-Z]{4}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d$/;
const DOCUMENT = /^[A-Z0-9-]{4,30}$/;
const LANGUAGE = /^[a-z]{2,3}$/;

@InputType()
export class DocumentsInput {
  @Field(() => String, {
    nullable: true,
    description: 'COMAR folio: 6 to 20 capital letters, digits or dashes.',
  })
  @IsOptional()
  @Matches(FOLIO, { message: 'comarFolio must be 6 to 20 capital letters, digits or dashes' })
  comarFolio?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DOCUMENT, { message: 'passport must be 4 to 30 capital letters, digits or dashes' })
  passport?: string;

  @Field(() => String, { nullable: true, description: 'Mexican CURP, 18 characters.' })
  @IsOptional()
  @Matches(CURP, { message: 'curp must be a CURP of 18 characters' })
  curp?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DOCUMENT, { message: 'tvrhNumber must be 4 to 30 capital letters, digits or dashes' })
  tvrhNumber?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true })
  tvrhIssuedOn?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true })
  tvrhExpiresOn?: string;
}

@InputType()
export class ChildProtectionInput {
  @Field(() => String, {
    description: 'The child-protection authority notified (DIF, Procuraduría de Protección).',
  })
  @IsNotEmpty()
  @MaxLength(100)
  authority: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  notifiedOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(60)
  caseNumber?: string;
}

/** What may change on a resident after registration. */
@InputType()
export class ResidentDetailsInput {
  @Field(() => String, { nullable: true, description: 'As the person describes it; optional.' })
  @IsOptional()
  @MaxLength(40)
  gender?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true, message: 'languages must be ISO 639 codes such as es or ht' })
  languages?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 ()-]{4,30}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;

  @Field(() => [Vulnerability], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsEnum(Vulnerability, { each: true })
  vulnerabilities?: Vulnerability[];

  @Field(() => DocumentsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentsInput)
  documents?: DocumentsInput;
}

@InputType()
export class ResidentInput extends ResidentDetailsInput {
  @Field(() => String, { description: 'Full name, or the alias the person gives.' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => Int, { nullable: true, description: 'Birth year; or give ageBracket.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Validate(NotFutureYear)
  birthYear?: number;

  @Field(() => AgeBracket, { nullable: true })
  @IsOptional()
  @IsEnum(AgeBracket)
  ageBracket?: AgeBracket;

  @Field(() => String, {
    description: 'ISO 3166-1 alpha-2, e.g. HT, VE, HN; XX when stateless or unknown.',
  })
  @Matches(/^[A-Z]{2}$/, { message: 'nationality must be an ISO 3166-1 alpha-2 code such as HT' })
  nationality: string;

  @Field(() => Population)
  @IsEnum(Population)
  population: Population;

  @Field(() => Int, {
    nullable: true,
    description: 'For a minor: the index in `members` of the guardian.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(19)
  guardianIndex?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A minor without a guardian: needs childProtection.',
  })
  @IsOptional()
  @IsBoolean()
  unaccompanied?: boolean;

  @Field(() => ChildProtectionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChildProtectionInput)
  childProtection?: ChildProtectionInput;
}

@InputType()
export class LegalBasisInput {
  @Field(() => LegalBasis)
  @IsEnum(LegalBasis)
  basis: LegalBasis;

  @Field(() => String, {
    description: 'ISO 639 code of the language the processing was explained in.',
  })
  @Matches(LANGUAGE, { message: 'explainedIn must be an ISO 639 code such as ht' })
  explainedIn: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'For CONSENT: true when a bed does not depend on it. Consent that is a condition of a bed is not consent.',
  })
  @IsOptional()
  @IsBoolean()
  consentIndependentOfService?: boolean;
}

@InputType()
export class RegisterHouseholdInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => [ResidentInput])
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ResidentInput)
  members: ResidentInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Index in members of the head of household; the first when omitted.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(19)
  headIndex?: number;

  @Field(() => LegalBasisInput)
  @ValidateNested()
  @Type(() => LegalBasisInput)
  legalBasis: LegalBasisInput;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True once likelyMatches was checked and these are new people: without it, a member who may already be on record is refused with POSSIBLE_DUPLICATE.',
  })
  @IsOptional()
  @IsBoolean()
  confirmNew?: boolean;
}
