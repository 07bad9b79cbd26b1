import {
  NETWORK_ROLES,
  type NetworkRole,
  RequestIdField,
  Role,
  SHELTER_ROLES,
  type ShelterRole,
} from '@albergue/common';
import { Field, ID, InputType, PartialType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  MaxLength,
} from 'class-validator';

export const LANGUAGES = ['es', 'ht', 'fr', 'en', 'pt'] as const;

@InputType({ isAbstract: true })
export class UserFieldsInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(120)
  displayName: string;

  @Field(() => String, { nullable: true, description: 'es, ht, fr, en or pt. Default es.' })
  @IsOptional()
  @IsIn(LANGUAGES)
  preferredLanguage?: string;

  @Field(() => Role, { nullable: true, description: 'NETWORK_COORDINATOR or ADMIN, or none.' })
  @IsOptional()
  @IsIn(NETWORK_ROLES, { message: 'networkRole must be NETWORK_COORDINATOR or ADMIN' })
  networkRole?: NetworkRole | null;
}

@InputType()
export class CreateUserInput extends UserFieldsInput {
  @RequestIdField()
  requestId: string;

  @Field(() => String)
  @IsEmail()
  @MaxLength(200)
  email: string;
}

@InputType()
export class UpdateUserInput extends PartialType(UserFieldsInput, InputType) {
  @Field(() => Boolean, {
    nullable: true,
    description: 'False ends every session of the user at once.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class MembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Role, { description: 'VOLUNTEER, COORDINATOR or HEALTH_WORKER.' })
  @IsIn(SHELTER_ROLES, { message: 'role must be VOLUNTEER, COORDINATOR or HEALTH_WORKER' })
  role: ShelterRole;
}
