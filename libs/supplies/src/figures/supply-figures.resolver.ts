import { Allow, argPath, Role } from '@albergue/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { SupplyFigures } from './supply-figures.service.js';
import { SupplyFiguresArgs, SupplyFiguresView } from './supply-figures.views.js';

/** A shelter's staff read its figures; network roles any shelter's and the network's. */
const READERS = [Role.VOLUNTEER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN];
const SCOPE = { shelterOf: argPath('shelterId') };

@Resolver()
export class SupplyFiguresResolver {
  constructor(private readonly figures: SupplyFigures) {}

  @Allow(READERS, SCOPE)
  @Query(() => SupplyFiguresView, {
    description:
      'Food and supplies over a period: flows per category and unit, meals per day, contributions by source, days of food left over time. A shelter, or (network roles) the network.',
  })
  supplyFigures(@Args() args: SupplyFiguresArgs): Promise<SupplyFiguresView> {
    return this.figures.figures(args);
  }

  @Allow(READERS, SCOPE)
  @Query(() => String, { description: 'The same figures as supplyFigures, as CSV, for export.' })
  supplyFiguresCsv(@Args() args: SupplyFiguresArgs): Promise<string> {
    return this.figures.csv(args);
  }
}
