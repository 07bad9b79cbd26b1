import { Public } from '@albergue/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { PublicHealthServicesArgs } from './dto/public-health-services.args.js';
import { PublicHealthService } from './public-health-service.js';
import { PublicHealthServices } from './public-health-services.js';

@Resolver(() => PublicHealthService)
export class PublicHealthServicesResolver {
  constructor(private readonly services: PublicHealthServices) {}

  @Public()
  @Query(() => [PublicHealthService], {
    description:
      'Health services their organisations mark public (active ones): nearest first from `near` (within `radiusKm`), or a borough’s. Directory facts and capacity only; a sensitive service by its borough.',
  })
  publicHealthServices(@Args() args: PublicHealthServicesArgs): Promise<PublicHealthService[]> {
    return this.services.find(args);
  }
}
