import {
  Allow,
  argPath,
  type Caller,
  CurrentCaller,
  recordScope,
  recordServices,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AcceptReferralInput,
  CancelReferralInput,
  CloseReferralInput,
  CloseReferralMovedOnInput,
  CreateReferralInput,
  OverrideReferralInput,
  ReferralNotCompletedInput,
  ReferralOutcomeInput,
  RejectReferralInput,
  ScheduleReferralInput,
  SendReferralInput,
} from './dto/referral.input.js';
import { ServiceReferralsArgs, ShelterReferralsArgs } from './dto/referrals.args.js';
import { ReferralEventView, ReferralSubjectView, ReferralView } from './referral.views.js';
import { ReferralReads } from './referral-reads.service.js';
import { SexAtBirth } from './referrals.enums.js';
import { ReferralsService } from './referrals.service.js';

const HEALTH = [Role.HEALTH_WORKER];
const SERVICE = [Role.SERVICE_STAFF];
/** The referrer's side: health workers of the shelter following the referral. */
const REFERRER = { shelterOf: recordScope('referral', 'input.referralId') };
/** The service's side: its staff. */
const ITS_SERVICE = { serviceOf: recordServices('referral', 'input.referralId') };

/**
 * Health referrals: health workers of a shelter refer and follow, the service's staff answer;
 * coordinators and volunteers read what the view mapper gives their role; network roles nothing.
 */
@Resolver(() => ReferralView)
export class ReferralsResolver {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly reads: ReferralReads,
  ) {}

  @Allow(HEALTH, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => ReferralView, {
    description:
      'Refers a resident of your shelter (or a person met on a field visit) to a health service; sent now when consented, else kept as a draft.',
  })
  createReferral(
    @Args('input') input: CreateReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.create(caller, input);
  }

  @Allow(HEALTH, REFERRER)
  @Mutation(() => ReferralView, { description: 'Sends a draft, with its consent.' })
  sendReferral(
    @Args('input') input: SendReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.send(caller, input);
  }

  @Allow(SERVICE, ITS_SERVICE)
  @Mutation(() => ReferralView)
  acceptReferral(
    @Args('input') input: AcceptReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.accept(caller, input);
  }

  @Allow(SERVICE, ITS_SERVICE)
  @Mutation(() => ReferralView)
  rejectReferral(
    @Args('input') input: RejectReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.reject(caller, input);
  }

  @Allow(SERVICE, ITS_SERVICE)
  @Mutation(() => ReferralView, {
    description: 'Schedules an accepted referral, or reschedules (also a no-show).',
  })
  scheduleReferral(
    @Args('input') input: ScheduleReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.schedule(caller, input);
  }

  @Allow(SERVICE, ITS_SERVICE)
  @Mutation(() => ReferralView)
  recordReferralOutcome(
    @Args('input') input: ReferralOutcomeInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.recordOutcome(caller, input);
  }

  @Allow(SERVICE, ITS_SERVICE)
  @Mutation(() => ReferralView, { description: 'The appointment did not happen: why.' })
  referralNotCompleted(
    @Args('input') input: ReferralNotCompletedInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.notCompleted(caller, input);
  }

  @Allow(HEALTH, REFERRER)
  @Mutation(() => ReferralView, { description: 'Closes a referral that has its outcome.' })
  closeReferral(
    @Args('input') input: CloseReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.close(caller, input);
  }

  @Allow(HEALTH, REFERRER)
  @Mutation(() => ReferralView)
  cancelReferral(
    @Args('input') input: CancelReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.cancel(caller, input);
  }

  @Allow(HEALTH, { shelterOf: recordScope('referral.moved', 'input.referralId') })
  @Mutation(() => ReferralView, {
    description:
      'Closes an open referral as "moved on": by the following shelter, or the one that made it while it may still see the person.',
  })
  closeReferralMovedOn(
    @Args('input') input: CloseReferralMovedOnInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.closeMovedOn(caller, input);
  }

  @Allow(HEALTH, REFERRER)
  @Mutation(() => ReferralView, { description: 'A move outside the loop, with its reason.' })
  overrideReferral(
    @Args('input') input: OverrideReferralInput,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.referrals.override(caller, input);
  }

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR, Role.VOLUNTEER, Role.SERVICE_STAFF], {
    shelterOf: recordScope('referral', 'id'),
    serviceOf: recordServices('referral', 'id'),
  })
  @Query(() => ReferralView, { description: 'One referral, as your role reads it.' })
  referral(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView> {
    return this.reads.get(caller, id, 'view');
  }

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR, Role.VOLUNTEER], {
    shelterOf: argPath('shelterId'),
  })
  @Query(() => [ReferralView], {
    description: 'The referrals a shelter follows (volunteers: those needing an escort).',
  })
  referralsOf(
    @Args() args: ShelterReferralsArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView[]> {
    return this.reads.ofShelter(caller, args.shelterId, args, 'list');
  }

  @Allow(SERVICE, { serviceOf: argPath('serviceId') })
  @Query(() => [ReferralView], { description: "A service's inbox." })
  serviceReferrals(
    @Args() args: ServiceReferralsArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralView[]> {
    return this.reads.ofService(caller, args.serviceId, args, 'inbox');
  }

  @Allow([Role.HEALTH_WORKER, Role.COORDINATOR, Role.SERVICE_STAFF], {
    shelterOf: recordScope('referral', 'id'),
    serviceOf: recordServices('referral', 'id'),
  })
  @Query(() => [ReferralEventView], { description: "A referral's dated history." })
  referralHistory(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralEventView[]> {
    return this.reads.history(caller, id);
  }

  /**
   * The reason, opened only when the selection asks for it, each read audited (ids and purpose):
   * the view's role and consent rules (the mapper's readsReason) decide whether there is one.
   */
  @ResolveField(() => String, {
    nullable: true,
    description:
      'The clinical reason: opened only when asked for, each read audited (ids and purpose). Leave it out of lists.',
  })
  reason(@Parent() view: ReferralView): Promise<string | null> {
    return this.reads.reason(view);
  }

  /**
   * Sex at birth, opened only when the selection asks for it, each read audited (ids and purpose):
   * the mapper's readsSexAtBirth decides whether the role reads it.
   */
  @ResolveField(() => SexAtBirth, {
    nullable: true,
    description:
      'Where clinically needed (an unregistered person): health workers and the service; opened only when asked for, each read audited (ids and purpose). Leave it out of lists.',
  })
  sexAtBirth(@Parent() view: ReferralView): Promise<SexAtBirth | null> {
    return this.reads.sexAtBirth(view);
  }

  @Allow(HEALTH, { shelterOf: argPath('shelterId') })
  @Query(() => [ReferralSubjectView], {
    description: 'Whom a health worker may refer: the people staying at the shelter.',
  })
  referralSubjects(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferralSubjectView[]> {
    return this.reads.subjectsAt(caller, shelterId);
  }
}
