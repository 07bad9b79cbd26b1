import { RequestIdField } from '@albergue/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  AppointmentKind,
  AppointmentOutcome,
  AsylumStatus,
  CaseStatus,
  WithdrawalOutcome,
} from '../residents.enums.js';
import { FOLIO } from './resident.input.js';

@InputType()
export class ChangeAsylumStatusInput {
  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => AsylumStatus)
  @IsEnum(AsylumStatus)
  status: AsylumStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Needed when pre-registering, unless already on record.',
  })
  @IsOptional()
  @Matches(FOLIO, { message: 'comarFolio must be 6 to 20 capital letters, digits or dashes' })
  comarFolio?: string;

  @Field(() => String, { nullable: true, description: 'The COMAR office.' })
  @IsOptional()
  @MaxLength(120)
  office?: string;

  @Field(() => String, { nullable: true, description: 'Needed when the application is filed.' })
  @IsOptional()
  @MaxLength(60)
  caseNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  reason?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Make a transition the track does not allow; needs a reason.',
  })
  @IsOptional()
  @IsBoolean()
  override?: boolean;
}

@InputType()
export class SetCaseStatusInput {
  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => CaseStatus)
  @IsEnum(CaseStatus)
  status: CaseStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  reason?: string;
}

@InputType()
export class AddAppointmentInput {
  @RequestIdField()
  requestId: string;

  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => AppointmentKind, {
    description: 'Any kind but HEALTH, which comes from a referral’s appointment.',
  })
  @IsEnum(AppointmentKind)
  @IsIn(Object.values(AppointmentKind).filter((kind) => kind !== AppointmentKind.HEALTH), {
    message: 'A health appointment comes from its referral: choose another kind.',
  })
  kind: AppointmentKind;

  @Field(() => Date)
  @IsDate()
  startsAt: Date;

  @Field(() => String, { description: 'The office and its address.' })
  @IsNotEmpty()
  @MaxLength(200)
  place: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  notes?: string;
}

@InputType()
export class SetAppointmentOutcomeInput {
  @Field(() => ID)
  @IsUUID()
  appointmentId: string;

  @Field(() => AppointmentOutcome)
  @IsEnum(AppointmentOutcome)
  outcome: AppointmentOutcome;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID)
  @IsUUID()
  residentId: string;

  @Field(() => WithdrawalOutcome, {
    description:
      'ERASED, or the basis that now applies (VITAL_INTEREST, PUBLIC_INTEREST), which the record keeps.',
  })
  @IsEnum(WithdrawalOutcome)
  outcome: WithdrawalOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  reason?: string;
}
