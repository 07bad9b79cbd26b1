import { Allow, argPath, type Caller, CurrentCaller, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GrantFieldVisitInput } from './dto/field-visit.input.js';
import { FieldVisit } from './field-visit.view.js';
import { FieldVisitsService } from './field-visits.service.js';

/** A shelter's coordinator (or an admin) lets a field health team work in the shelter for a while. */
@Resolver(() => FieldVisit)
export class FieldVisitsResolver {
  constructor(private readonly visits: FieldVisitsService) {}

  @Allow([Role.COORDINATOR, Role.ADMIN], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => FieldVisit, {
    description:
      'Gives a field team member (their account exists) the HEALTH_WORKER role in this shelter until `until` (at most FIELD_VISIT_MAX ahead); then it ends by itself. A second grant moves the end. Refused for a person with a standing role here.',
  })
  grantFieldVisit(
    @Args('input') input: GrantFieldVisitInput,
    @CurrentCaller() caller: Caller,
  ): Promise<FieldVisit> {
    return this.visits.grant(input, caller);
  }

  @Allow([Role.COORDINATOR, Role.ADMIN], { shelterOf: argPath('shelterId') })
  @Mutation(() => FieldVisit, { description: 'Ends a field visit now.' })
  endFieldVisit(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<FieldVisit> {
    return this.visits.end(userId, shelterId);
  }

  @Allow([Role.COORDINATOR, Role.ADMIN], { shelterOf: argPath('shelterId') })
  @Query(() => [FieldVisit], {
    description: 'The field visits of this shelter: current ones, and those ended lately.',
  })
  fieldVisits(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<FieldVisit[]> {
    return this.visits.visits(shelterId);
  }
}
