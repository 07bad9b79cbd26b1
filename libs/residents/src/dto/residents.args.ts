import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AsylumStatus, CaseStatus } from '../residents.enums.js';

@ArgsType()
export class ResidentsArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => CaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CaseStatus)
  caseStatus?: CaseStatus;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only these people (at most 500): a bed board asks for the people in its beds, no one else.',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => AsylumStatus, { nullable: true })
  @IsOptional()
  @IsEnum(AsylumStatus)
  asylumStatus?: AsylumStatus;

  @Field(() => Int, { defaultValue: 100 })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number = 100;
}

@ArgsType()
export class SearchResidentsArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30)
  comarFolio?: string;

  @Field(() => String, { nullable: true, description: 'Passport, CURP or TVRH number.' })
  @IsOptional()
  @MaxLength(30)
  document?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Exact full name (accents and case ignored), with birthYear when known.',
  })
  @IsOptional()
  @MaxLength(200)
  name?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;
}

@ArgsType()
export class AppointmentsDueArgs {
  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Int, { defaultValue: 48, description: 'How many hours ahead, 1 to 168.' })
  @IsInt()
  @Min(1)
  @Max(168)
  hours: number = 48;
}
