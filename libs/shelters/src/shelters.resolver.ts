import {
  type Actor,
  Allow,
  argPath,
  type Caller,
  CurrentActor,
  CurrentCaller,
  type GraphQLContext,
  Public,
  requestedFields,
  Role,
  UuidPipe,
} from '@albergue/common';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Args,
  Context,
  ID,
  Info,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { AvailabilityService } from './availability.service.js';
import { CreateShelterInput } from './dto/create-shelter.input.js';
import { ShelterChangesArgs } from './dto/known-version.input.js';
import {
  ConfirmAvailabilityArgs,
  ReportAvailabilityInput,
} from './dto/report-availability.input.js';
import { SheltersArgs } from './dto/shelters.args.js';
import { UpdateShelterInput } from './dto/update-shelter.input.js';
import { NetworkShelter } from './network-shelter.js';
import { NetworkSheltersService } from './network-shelters.service.js';
import { Organisation } from './organisation.entity.js';
import { ORGANISATION_LOADER, OrganisationsService } from './organisations.service.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { Shelter } from './shelter.entity.js';
import { SheltersService } from './shelters.service.js';

@Resolver(() => Shelter)
export class SheltersResolver {
  constructor(
    private readonly sheltersService: SheltersService,
    private readonly search: ShelterSearchService,
    private readonly availability: AvailabilityService,
    private readonly organisationsService: OrganisationsService,
    private readonly network: NetworkSheltersService,
  ) {}

  @Public()
  @Query(() => [Shelter], { description: 'Shelters, nearest first when `filter.near` is given.' })
  shelters(@Args() args: SheltersArgs, @Info() info: GraphQLResolveInfo): Promise<Shelter[]> {
    // The map's and integrators' query: read only the columns its fields need.
    return this.search.search(args, requestedFields(info));
  }

  @Public()
  @Query(() => [Shelter], {
    description:
      'Shelters whose public figures changed since the versions given (or that are not among them).',
  })
  shelterChanges(@Args() { known }: ShelterChangesArgs): Promise<Shelter[]> {
    return this.search.changedSince(known);
  }

  @Public()
  @Query(() => Shelter, { nullable: true })
  shelter(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Shelter | null> {
    return this.search.findOne(id);
  }

  @Allow([Role.NETWORK_COORDINATOR, Role.ADMIN], { auditsItself: true })
  @Query(() => NetworkShelter, {
    description:
      'A shelter with its door and exact counts, sensitive ones too: network roles only (signed in with their second factor); audited.',
  })
  networkShelter(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkShelter> {
    return this.network.get(caller, id);
  }

  @Allow([Role.NETWORK_COORDINATOR, Role.ADMIN], { auditsItself: true })
  @Query(() => [NetworkShelter], {
    description:
      'Every shelter of the network with its door and exact counts, sensitive ones too (the network view): network roles only (signed in with their second factor); each sensitive shelter shown is audited.',
  })
  networkShelters(@CurrentCaller() caller: Caller): Promise<NetworkShelter[]> {
    return this.network.list(caller);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => Shelter)
  createShelter(@Args('input') input: CreateShelterInput): Promise<Shelter> {
    return this.sheltersService.create(input);
  }

  @Allow([Role.ADMIN, Role.COORDINATOR], { shelterOf: argPath('id') })
  @Mutation(() => Shelter)
  updateShelter(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateShelterInput,
  ): Promise<Shelter> {
    return this.sheltersService.update(id, input);
  }

  @Allow([Role.COORDINATOR, Role.VOLUNTEER], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => Shelter, {
    description:
      'Counts mode: the free places you see now, per group, on the figures of `knownVersion`; places held for people on the way are kept apart (the public sees the rest). Kept in the counts history.',
  })
  reportAvailability(
    @Args('input') input: ReportAvailabilityInput,
    @CurrentActor() actor: Actor,
  ): Promise<Shelter> {
    return this.availability.report(input, actor);
  }

  @Allow([Role.COORDINATOR, Role.VOLUNTEER], { shelterOf: argPath('shelterId') })
  @Mutation(() => Shelter, {
    description:
      'The figures of `knownVersion` still hold: keeps a quiet shelter from turning UNKNOWN; kept in the counts history.',
  })
  confirmAvailability(
    @Args() args: ConfirmAvailabilityArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Shelter> {
    return this.availability.confirm(args, actor);
  }

  @ResolveField(() => Organisation)
  organisation(
    @Parent() shelter: Shelter,
    @Context() context: GraphQLContext,
  ): Promise<Organisation | null> {
    return context.loaders
      .get(ORGANISATION_LOADER, () => this.organisationsService.createLoader())
      .load(shelter.organisationId);
  }
}
