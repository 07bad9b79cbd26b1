import { RequestIdField } from '@albergue/common';
import { AgeBracket } from '@albergue/residents';
import { Population } from '@albergue/shelters';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CapacityOverride,
  NotCompletedReason,
  ReferralBasis,
  ReferralCategory,
  ReferralOutcome,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
  SexAtBirth,
} from '../referrals.enums.js';

const LANGUAGE = /^[a-z]{2,3}$/;
/** Something besides whitespace: a reason of spaces says nothing. */
const NOT_BLANK = /\S/;
const notBlank = (field: string) => Matches(NOT_BLANK, { message: `${field} must not be blank` });
/** A referral's clinical reason: a few sentences, not a medical record. */
export const REASON_MAX = 2000;
export const NOTE_MAX = 1000;

@InputType({ description: 'An unregistered person met at a field visit.' })
export class UnregisteredPersonInput {
  @Field(() => String, { description: 'What the person is called (a first name, a nickname).' })
  @IsNotEmpty()
  @MaxLength(60)
  alias: string;

  @Field(() => AgeBracket)
  @IsEnum(AgeBracket)
  ageBracket: AgeBracket;

  @Field(() => SexAtBirth, { nullable: true, description: 'Only where clinically needed.' })
  @IsOptional()
  @IsEnum(SexAtBirth)
  sexAtBirth?: SexAtBirth;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(LANGUAGE, { each: true, message: 'languages must be ISO 639 codes such as es or ht' })
  languages?: string[];

  @Field(() => Population, { nullable: true })
  @IsOptional()
  @IsEnum(Population)
  population?: Population;
}

@InputType({
  description:
    'The consent to this referral (basis CONSENT: explained by the caller, in `language`, sharing `shares`), or, for an EMERGENCY only, VITAL_INTEREST decided by the caller.',
})
export class ReferralConsentInput {
  @Field(() => ReferralBasis)
  @IsEnum(ReferralBasis)
  basis: ReferralBasis;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 639 code of the language it was explained in (needed for CONSENT).',
  })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be an ISO 639 code such as ht' })
  language?: string;

  @Field(() => [ReferralShare], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ReferralShare, { each: true })
  shares?: ReferralShare[];
}

@InputType()
export class CreateReferralInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID, {
    description: 'The shelter the referral is made from (the caller works there).',
  })
  @IsUUID()
  shelterId: string;

  @Field(() => ID, { nullable: true, description: 'A resident of that shelter; or `person`.' })
  @IsOptional()
  @IsUUID()
  residentId?: string;

  @Field(() => UnregisteredPersonInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UnregisteredPersonInput)
  person?: UnregisteredPersonInput;

  @Field(() => ID)
  @IsUUID()
  serviceId: string;

  @Field(() => ReferralCategory)
  @IsEnum(ReferralCategory)
  category: ReferralCategory;

  @Field(() => ReferralUrgency)
  @IsEnum(ReferralUrgency)
  urgency: ReferralUrgency;

  @Field(() => String, {
    description: `The clinical reason (sealed), at most ${REASON_MAX} characters.`,
  })
  @IsNotEmpty()
  @notBlank('reason')
  @MaxLength(REASON_MAX)
  reason: string;

  @Field(() => String, {
    nullable: true,
    description: 'An interpreter is needed, in this language.',
  })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'interpreterLanguage must be an ISO 639 code such as ht' })
  interpreterLanguage?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  needsEscort?: boolean;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  needsTransport?: boolean;

  @Field(() => ReferralConsentInput, {
    nullable: true,
    description: 'Without it the referral is kept as a DRAFT and cannot be sent.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralConsentInput)
  consent?: ReferralConsentInput;

  @Field(() => CapacityOverride, {
    nullable: true,
    description: 'Needed to send to a service that reports NOT_ACCEPTING.',
  })
  @IsOptional()
  @IsEnum(CapacityOverride)
  capacityOverride?: CapacityOverride;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Send it now (default); false keeps a DRAFT.',
  })
  @IsOptional()
  @IsBoolean()
  send?: boolean;
}

/** Every change of a referral: which one, and optionally the version the screen showed. */
@InputType({ isAbstract: true })
export class ReferralChangeInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  referralId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version the screen showed: a newer one on record refuses with CONFLICT.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType()
export class SendReferralInput extends ReferralChangeInput {
  @Field(() => ReferralConsentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralConsentInput)
  consent?: ReferralConsentInput;

  @Field(() => CapacityOverride, { nullable: true })
  @IsOptional()
  @IsEnum(CapacityOverride)
  capacityOverride?: CapacityOverride;
}

@InputType()
export class AcceptReferralInput extends ReferralChangeInput {}

@InputType()
export class RejectReferralInput extends ReferralChangeInput {
  @Field(() => RejectReason)
  @IsEnum(RejectReason)
  reason: RejectReason;

  @Field(() => String, { nullable: true, description: 'Needed with OTHER (sealed).' })
  @IsOptional()
  @MaxLength(NOTE_MAX)
  note?: string;
}

@InputType()
export class ScheduleReferralInput extends ReferralChangeInput {
  @Field(() => Date)
  @Type(() => Date)
  @IsDate()
  scheduledFor: Date;

  @Field(() => String, { nullable: true, description: 'Where (a room, a doctor): sealed.' })
  @IsOptional()
  @MaxLength(200)
  place?: string;
}

@InputType()
export class ReferralOutcomeInput extends ReferralChangeInput {
  @Field(() => ReferralOutcome)
  @IsEnum(ReferralOutcome)
  outcome: ReferralOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_MAX)
  note?: string;
}

@InputType()
export class ReferralNotCompletedInput extends ReferralChangeInput {
  @Field(() => NotCompletedReason)
  @IsEnum(NotCompletedReason)
  reason: NotCompletedReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_MAX)
  note?: string;
}

@InputType()
export class CloseReferralInput extends ReferralChangeInput {}

@InputType()
export class CancelReferralInput extends ReferralChangeInput {
  @Field(() => String, { description: 'Why (sealed).' })
  @IsNotEmpty()
  @notBlank('reason')
  @MaxLength(NOTE_MAX)
  reason: string;
}

@InputType()
export class CloseReferralMovedOnInput extends ReferralChangeInput {}

@InputType()
export class OverrideReferralInput extends ReferralChangeInput {
  @Field(() => ReferralState)
  @IsEnum(ReferralState)
  toState: ReferralState;

  @Field(() => String, { description: 'Why the loop is overridden (sealed).' })
  @IsNotEmpty()
  @notBlank('reason')
  @MaxLength(NOTE_MAX)
  reason: string;

  @Field(() => ReferralOutcome, { nullable: true, description: 'Needed to override to COMPLETED.' })
  @IsOptional()
  @IsEnum(ReferralOutcome)
  outcome?: ReferralOutcome;

  @Field(() => NotCompletedReason, {
    nullable: true,
    description: 'Needed to override to NOT_COMPLETED.',
  })
  @IsOptional()
  @IsEnum(NotCompletedReason)
  notCompletedReason?: NotCompletedReason;

  @Field(() => CapacityOverride, {
    nullable: true,
    description:
      'Sending again (REJECTED -> SENT) checks capacity anew: needed if the service reports NOT_ACCEPTING.',
  })
  @IsOptional()
  @IsEnum(CapacityOverride)
  capacityOverride?: CapacityOverride;
}
