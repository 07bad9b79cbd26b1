import { Allow, Public, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly organisationsService: OrganisationsService) {}

  @Public()
  @Query(() => [Organisation])
  organisations(): Promise<Organisation[]> {
    return this.organisationsService.list();
  }

  @Public()
  @Query(() => Organisation)
  organisation(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Organisation> {
    return this.organisationsService.get(id);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => Organisation)
  createOrganisation(@Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.organisationsService.create(input);
  }

  @Allow([Role.ADMIN])
  @Mutation(() => Organisation)
  updateOrganisation(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return this.organisationsService.update(id, input);
  }
}
