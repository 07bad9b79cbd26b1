import { Population } from '@albergue/shelters';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The figures of one group that beds mode would publish.' })
export class BedsModeFigures {
  @Field(() => Population)
  population: Population;

  @Field(() => Int)
  totalBeds: number;

  @Field(() => Int)
  freeBeds: number;

  @Field(() => Int)
  overflowTotal: number;

  @Field(() => Int)
  overflowFree: number;
}

@ObjectType({
  description:
    'What a switch to beds mode would publish, from the rooms and beds set up, and what stops it.',
})
export class BedsModePreview {
  @Field(() => ID)
  shelterId: string;

  @Field(() => Boolean, { description: 'The shelter is in beds mode already.' })
  bedsMode: boolean;

  @Field(() => Boolean, { description: 'switchToBedsMode would succeed now.' })
  ready: boolean;

  @Field(() => [BedsModeFigures], { description: 'Per group with beds, as the public would see.' })
  figures: BedsModeFigures[];

  @Field(() => [Population], {
    description: 'Groups the shelter serves that have no bed yet: add beds for them first.',
  })
  missing: Population[];

  @Field(() => Int, {
    description:
      'Holds placed in counts mode still open: they have no bed; check them in or cancel them first.',
  })
  holdsWithoutBeds: number;

  @Field(() => Int, {
    description:
      'People checked in on places held in counts mode, still in no bed: move each into a bed (move) first.',
  })
  staysWithoutBeds: number;
}
