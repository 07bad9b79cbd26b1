import { Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * A field visit as the shelter's coordinator sees it: who (an MSF mobile team member, say) holds
 * a HEALTH_WORKER role in the shelter, until when. Current visits and those that ended within
 * FIELD_VISIT_MAX.
 */
@ObjectType()
export class FieldVisit {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String)
  email: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => Date, { description: 'When the visit ends (or ended) by itself.' })
  until: Date;

  @Field(() => Boolean, { description: 'The visit has not ended yet.' })
  current: boolean;

  @Field(() => Date, { description: 'When the visitor first got a role here.' })
  grantedAt: Date;
}
