import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Availability } from './availability.types.js';
import { ShelterAddress } from './shelter-parts.js';
import { Population, ShelterStatus } from './shelters.enums.js';

@ObjectType({
  description:
    'The places of one group as set up: declared (counts mode) or made by its beds (beds mode), whatever the figures’ age.',
})
export class DeclaredCapacity {
  @Field(() => Population)
  population: Population;

  @Field(() => Int)
  totalBeds: number;

  @Field(() => Int)
  overflowTotal: number;
}

/**
 * A shelter as network coordinators and admins see it: the door and the exact counts, for
 * sensitive shelters too. Never part of a public answer (the public `Shelter` type is unchanged).
 */
@ObjectType({
  description:
    'A shelter as network coordinators and admins see it (after their second factor): the door and exact counts, sensitive shelters included. Each read of a sensitive shelter is audited.',
})
export class NetworkShelter {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  sensitive: boolean;

  @Field(() => ShelterAddress, {
    description: 'The whole address, street and postal code included.',
  })
  address: ShelterAddress;

  @Field(() => Float, { description: 'The door, not the public area.' })
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => Availability, {
    description: 'Exact counts (a sensitive shelter too); still none when stale or closed.',
  })
  availability: Availability;

  @Field(() => [DeclaredCapacity], {
    description:
      'Places per group served, as set up (what an edit of the shelter starts from); the figures’ age does not hide them.',
  })
  capacity: DeclaredCapacity[];
  @Field(() => ShelterStatus)
  status: ShelterStatus;

  @Field(() => Int, {
    description:
      "availabilityVersion: the `version` of the staff socket's `shelter` events, so that a client keeps the newest of what it holds.",
  })
  version: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'When these figures turn stale (UNKNOWN) unless reported or confirmed before: the last report or confirmation plus STALE_AFTER; null when never reported.',
  })
  staleAt: Date | null;
}
