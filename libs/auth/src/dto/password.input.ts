import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../common-passwords.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  @MaxLength(200)
  email: string;

  @Field(() => String)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @Field(() => String)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType()
export class ResetPasswordInput {
  /** Any malformed or unknown token is UNAUTHENTICATED (TOKEN_INVALID), not an input error. */
  @Field(() => String, { description: 'The one-time token an admin handed over.' })
  @MaxLength(100)
  token: string;

  @Field(() => String)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType()
export class CompleteSetupInput {
  @Field(() => String, { description: 'The one-time setup token printed at first start.' })
  @MaxLength(100)
  token: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(200)
  email: string;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(120)
  displayName: string;

  @Field(() => String)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
