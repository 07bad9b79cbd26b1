import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';

@InputType()
export class SecondFactorCodeInput {
  @Field(() => String, { description: 'The six digits the authenticator app shows now.' })
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, {
    message: 'a code is the six digits your authenticator app shows',
  })
  code: string;
}

@InputType({ description: 'Exactly one: a code from the authenticator app, or a recovery code.' })
export class VerifySecondFactorInput {
  @Field(() => String, {
    nullable: true,
    description: 'The six digits the authenticator app shows now.',
  })
  @IsOptional()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, {
    message: 'a code is the six digits your authenticator app shows',
  })
  code?: string;

  @Field(() => String, {
    nullable: true,
    description: 'One of the recovery codes shown at enrolment (each works once).',
  })
  @IsOptional()
  @MaxLength(40)
  recoveryCode?: string;
}

@ObjectType({ description: 'Shown once: what an authenticator app needs.' })
export class SecondFactorEnrolment {
  @Field(() => String, { description: 'The base32 secret, to type into the app.' })
  secret: string;

  @Field(() => String, { description: 'The otpauth:// URI (a QR code of it is what apps scan).' })
  uri: string;
}
