import { Allow, argPath, type Caller, CurrentCaller, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { OverdueReferrals, OverdueReferralView } from './overdue-referrals.js';

/** The overdue view: a shelter's (its health roles) or a service's (its staff). */
@Resolver(() => OverdueReferralView)
export class OverdueReferralsResolver {
  constructor(private readonly overdue: OverdueReferrals) {}

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR], { shelterOf: argPath('shelterId') })
  @Query(() => [OverdueReferralView], {
    description:
      'Referrals followed by the shelter, sent and unanswered past their answer time, oldest first.',
  })
  overdueReferrals(
    @CurrentCaller() caller: Caller,
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<OverdueReferralView[]> {
    // Coordinators see state and times, never the service (its category can be clinical).
    const healthWorker = caller.actor.memberships.get(shelterId) === Role.HEALTH_WORKER;
    return this.overdue.list([shelterId], [], healthWorker);
  }

  @Allow([Role.SERVICE_STAFF], { serviceOf: argPath('serviceId') })
  @Query(() => [OverdueReferralView], {
    description: 'Referrals sent to the service, unanswered past their answer time, oldest first.',
  })
  overdueReferralsOfService(
    @Args('serviceId', { type: () => ID }, UuidPipe) serviceId: string,
  ): Promise<OverdueReferralView[]> {
    return this.overdue.list([], [serviceId], true);
  }
}
