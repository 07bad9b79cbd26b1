import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AvailabilityBand, Population } from './shelters.enums.js';

/** Place counts; null where the public must not see them (sensitive shelters) or cannot trust them (unknown, closed). */
@ObjectType({ isAbstract: true })
abstract class PlaceCounts {
  @Field(() => Int, { nullable: true })
  freeBeds: number | null;

  @Field(() => Int, { nullable: true })
  totalBeds: number | null;

  @Field(() => Int, { nullable: true })
  overflowFree: number | null;

  @Field(() => Int, { nullable: true })
  overflowTotal: number | null;
}

@ObjectType({
  description:
    'Places in one population group. Counts are null where the public must not see them (sensitive shelters) or cannot trust them (unknown).',
})
export class PopulationAvailability extends PlaceCounts {
  @Field(() => Population)
  population: Population;

  @Field(() => AvailabilityBand)
  band: AvailabilityBand;
}

@ObjectType({
  description:
    'The shelter as a whole; the band counts overflow places too, since a mat tonight beats a park.',
})
export class Availability extends PlaceCounts {
  @Field(() => AvailabilityBand)
  band: AvailabilityBand;

  @Field(() => Date, {
    nullable: true,
    description: 'When the figures were last reported or confirmed.',
  })
  updatedAt: Date | null;

  @Field(() => Boolean, {
    description: 'Not confirmed within the configured time: the band is UNKNOWN.',
  })
  stale: boolean;

  @Field(() => [PopulationAvailability])
  byPopulation: PopulationAvailability[];
}
