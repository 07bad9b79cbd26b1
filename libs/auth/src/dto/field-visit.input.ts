import { RequestIdField } from '@albergue/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEmail, IsUUID, MaxLength } from 'class-validator';

/** A field team member's HEALTH_WORKER role in a shelter they visit, until a time. */
@InputType()
export class GrantFieldVisitInput {
  @RequestIdField()
  requestId: string;

  @Field(() => String, { description: 'The account of the visitor (an admin made it).' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @Field(() => ID)
  @IsUUID()
  shelterId: string;

  @Field(() => Date, {
    description:
      'When the visit ends by itself: in the future, at most FIELD_VISIT_MAX ahead (30 days by default).',
  })
  @IsDate()
  until: Date;
}
