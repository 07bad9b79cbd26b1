import { Population } from '@albergue/shelters';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Bed } from './bed.entity.js';
import { BedKind } from './occupancy.enums.js';

@ObjectType({ description: 'What holds a bed now: ids only.' })
export class BedUse {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: 'For a hold: its holdId (what checkIn, cancelHold and declineTransfer take).',
  })
  holdId: string | null;

  @Field(() => String, { description: 'hold or stay' })
  kind: string;

  @Field(() => ID, { nullable: true })
  residentId: string | null;

  @Field(() => Date, { nullable: true })
  expiresAt: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For a hold placed by another shelter (a transfer or referral): that shelter.',
  })
  originShelterId: string | null;
}

@ObjectType({ description: 'One row of a shelter’s bed board.' })
export class BedView {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  label: string;

  @Field(() => String)
  roomName: string;

  @Field(() => BedKind)
  kind: BedKind;

  @Field(() => Population)
  population: Population;

  @Field(() => Boolean)
  accessible: boolean;

  @Field(() => Boolean)
  overflow: boolean;

  @Field(() => String, { nullable: true })
  outOfServiceReason: string | null;

  @Field(() => BedUse, { nullable: true })
  use: BedUse | null;
}

@ObjectType({
  description: 'A room of a shelter with its beds: the set-up, nothing of who is in them.',
})
export class RoomSetup {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => [Bed], { description: 'In natural label order (Dorm-2 before Dorm-10).' })
  beds: Bed[];
}
