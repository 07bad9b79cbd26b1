import { Population } from '@albergue/shelters';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FiguresGrouping {
  SHELTER = 'shelter',
  BOROUGH = 'borough',
  DAY = 'day',
  /** One row: every shelter in the answer (the network, the borough or the shelter asked for). */
  NETWORK = 'network',
}

registerEnumType(FiguresGrouping, {
  name: 'FiguresGrouping',
  description: 'How networkFigures adds up the shelters’ daily figures.',
});

@ObjectType({ description: 'People of one population group.' })
export class PopulationCount {
  @Field(() => Population)
  population: Population;

  @Field(() => Int)
  count: number;
}

/**
 * The figures of one shelter on one day, or their sum over a group of shelter-days (networkFigures
 * adds them, so a group's figures are the sum of its shelters' own, field by field).
 */
@ObjectType({ isAbstract: true })
abstract class Figures {
  @Field(() => Int, {
    description:
      'Regular places. Beds mode: beds not out of service (as they are now) that existed by the day’s end. Counts mode: the total declared in the day’s last report or confirmation (or the last before it). Summed over days: place-nights.',
  })
  capacity: number;

  @Field(() => Int, {
    description:
      'Beds mode: stays open at some time of the day. Counts mode: reported occupied (total minus free, overflow included) in the day’s last report or confirmation.',
  })
  occupied: number;

  @Field(() => Int, {
    description:
      'People who slept there that night: beds mode, stays open at the day’s end; counts mode, the reported occupied.',
  })
  bedNights: number;

  @Field(() => Int, { description: 'Check-ins (beds mode; a move within the shelter is none).' })
  arrivals: number;

  @Field(() => Int, { description: 'Checked out or transferred away (beds mode).' })
  departures: number;

  @Field(() => Int)
  turnaways: number;

  @Field(() => [PopulationCount], {
    description: 'Turnaways by population group; groups with none are left out.',
  })
  turnawaysByPopulation: PopulationCount[];

  @Field(() => Int, { description: 'Problem reports sent from the public finder.' })
  problemReports: number;
}

@ObjectType({ description: 'One day of a shelter, in the configured time zone.' })
export class DailyFigures extends Figures {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  day: string;

  @Field(() => Boolean, {
    description:
      'The day’s capacity and occupancy come from staff’s reports (counts mode, or a beds-mode shelter’s days before its first bed), not from beds and stays.',
  })
  reported: boolean;
}

@ObjectType({
  description:
    'The network’s figures for one group (a shelter, a borough, a day, or the whole answer grouped by NETWORK): the sum of the daily figures of the shelters and days in it.',
})
export class NetworkFigures extends Figures {
  @Field(() => ID, { nullable: true, description: 'Grouped by SHELTER.' })
  shelterId: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Grouped by BOROUGH: the catalogue’s code; null for shelters with no borough.',
  })
  boroughCode: string | null;

  @Field(() => String, { nullable: true, description: 'Grouped by BOROUGH: its name.' })
  borough: string | null;

  @Field(() => String, { nullable: true, description: 'Grouped by DAY: YYYY-MM-DD.' })
  day: string | null;

  @Field(() => Int, { description: 'Shelters in the group.' })
  shelters: number;

  @Field(() => Int, { description: 'Days in the group.' })
  days: number;
}
