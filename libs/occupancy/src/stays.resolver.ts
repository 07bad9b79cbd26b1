import { Allow, type Caller, CurrentCaller, recordScope, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { StaysService } from './stays.service.js';
import { StayView } from './stays.views.js';

/** A person's stays, scoped and audited like the other reads of their record (residentHistory). */
@Resolver()
export class StaysResolver {
  constructor(private readonly stays: StaysService) {}

  @Allow([Role.VOLUNTEER, Role.COORDINATOR], {
    shelterOf: recordScope('resident.view', 'residentId'),
  })
  @Query(() => [StayView], {
    description:
      "A person's stays, oldest first: shelter and bed by name, from, to, and how each ended. Rooms and beds only at shelters where you work, and a protected (sensitive) shelter's name only if you work there. For the staff who may read their record; audited.",
  })
  residentStays(
    @Args('residentId', { type: () => ID }, UuidPipe) residentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StayView[]> {
    return this.stays.of(caller, residentId);
  }
}
