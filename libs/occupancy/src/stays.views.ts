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

  @Field(() => String, {
    nullable: true,
    description:
      'Null for a protected shelter (a sensitive one, such as a women’s refuge) where you work in no role: its id says only that there was one.',
  })
  shelterName: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Null for a stay without a bed (counts mode), or at a shelter where you work in no role.',
  })
  bedId: string | null;

  @Field(() => String, { nullable: true, description: 'Null when bedId is.' })
  bedLabel: string | null;

  @Field(() => String, { nullable: true, description: 'Null when bedId is.' })
  roomName: string | null;

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
