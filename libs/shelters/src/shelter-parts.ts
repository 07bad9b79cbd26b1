import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Column } from 'typeorm';

/** Embedded in Shelter (columns address_*); for a sensitive shelter the public sees only borough, city and state. */
@ObjectType()
export class ShelterAddress {
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  street: string | null;

  /** Colonia. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  neighbourhood: string | null;

  /**
   * The borough (an alcaldía of Mexico City or a municipality around it) as a code of the
   * catalogue in libs/contracts (BOROUGHS): what areas, `/text` and `/print` group by.
   */
  @Field(() => String, {
    nullable: true,
    description: 'The borough as a code of the borough catalogue, e.g. cdmx-cuauhtemoc.',
  })
  @Column({ type: 'text', nullable: true })
  boroughCode: string | null;

  /** The borough's name from the catalogue: set with the public fields (publicAddress), not a column. */
  @Field(() => String, {
    nullable: true,
    description: 'The borough’s name, as the catalogue writes it (Cuauhtémoc).',
  })
  borough?: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  state: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  postalCode: string | null;
}

@ObjectType()
export class ShelterContact {
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** A WhatsApp number in international form, for wa.me links. */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  whatsapp: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  email: string | null;
}

@ObjectType()
export class ShelterEligibility {
  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  idRequired: boolean;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  petsAllowed: boolean;

  @Field(() => Boolean)
  @Column({ type: 'boolean', default: false })
  wheelchairAccessible: boolean;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  maxStayDays: number | null;

  /** Doors close at, local time, "HH:MM". */
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  curfew: string | null;
}

/** Where the public sees a shelter: the exact point, or for a sensitive shelter an area around a stored approximate point. */
@ObjectType()
export class PublicLocation {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field(() => Boolean, {
    description: 'True for sensitive shelters: the point is the centre of an area, not the door.',
  })
  approximate: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'For an approximate location, the radius within which the shelter lies.',
  })
  radiusKm: number | null;
}

/** A shelter's hours as data (libs/contracts OpeningHours), stored as one JSON value. */
@ObjectType()
export class OpeningPeriod {
  @Field(() => [Int], { description: 'ISO 8601 weekdays: 1 Monday … 7 Sunday, ascending.' })
  days: number[];

  @Field(() => String, { description: 'Local time (TIME_ZONE), HH:MM.' })
  opens: string;

  @Field(() => String, {
    description: 'Local time, HH:MM; earlier than `opens` when the period runs past midnight.',
  })
  closes: string;
}

@ObjectType({
  description:
    'When a person can come to the door, in the network’s local time: pages say it in their reader’s language.',
})
export class OpeningHours {
  @Field(() => Boolean, { description: 'Open day and night, every day (then no periods).' })
  alwaysOpen: boolean;

  @Field(() => [OpeningPeriod])
  periods: OpeningPeriod[];
}
