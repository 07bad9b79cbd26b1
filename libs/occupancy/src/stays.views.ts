import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AssignmentEnd } from './occupancy.enums.js';

@ObjectType({
  description: 'One stay of a person: where, in which bed, from when to when, how it ended.',
})
export class StayView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  shelterId: string;

  @Field(() => String)
  shelterName: string;

  @Field(() => ID)
  bedId: string;

  @Field(() => String)
  bedLabel: string;

  @Field(() => String)
  roomName: string;

  @Field(() => Date)
  from: Date;

  @Field(() => Date, { nullable: true, description: 'Null while the stay goes on.' })
  to: Date | null;

  @Field(() => AssignmentEnd, {
    nullable: true,
    description: 'How it ended; null while it goes on.',
  })
  ended: AssignmentEnd | null;
}
