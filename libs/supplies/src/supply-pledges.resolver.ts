import { type Actor, Allow, argPath, CurrentActor, recordScope, Role } from '@albergue/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  PledgesArgs,
  ReceivePledgeInput,
  WithdrawPledgeInput,
} from './dto/supply-pledges.input.js';
import { StockAct } from './supplies.views.js';
import { SupplyPledges } from './supply-pledges.service.js';
import { SupplyPledgeView } from './supply-pledges.views.js';

/**
 * Pledges, the shelter's side (issue 21, item 8): its coordinators only, since a pledge carries
 * its donor's contact. The public pledges through `POST /needs/pledges`.
 */
@Resolver()
export class SupplyPledgesResolver {
  constructor(private readonly pledges: SupplyPledges) {}

  @Allow([Role.COORDINATOR], { shelterOf: argPath('shelterId') })
  @Query(() => [SupplyPledgeView], {
    description:
      'A shelter’s open pledges against its needs, with each donor’s contact until it is erased (30 days after the day); with history, also those settled lately.',
  })
  supplyPledges(
    @Args() args: PledgesArgs,
    @CurrentActor() actor: Actor,
  ): Promise<SupplyPledgeView[]> {
    return this.pledges.list(args, actor.userId);
  }

  @Allow([Role.COORDINATOR], { shelterOf: recordScope('supplyPledge', 'input.pledgeId') })
  @Mutation(() => StockAct, {
    description: 'What a pledge brought: a receipt naming the pledge (never the person).',
  })
  receivePledge(
    @Args('input') input: ReceivePledgeInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockAct> {
    return this.pledges.receive(input, actor);
  }

  @Allow([Role.COORDINATOR], { shelterOf: recordScope('supplyPledge', 'input.pledgeId') })
  @Mutation(() => Boolean, { description: 'A pledge that did not come.' })
  async withdrawPledge(@Args('input') input: WithdrawPledgeInput): Promise<boolean> {
    await this.pledges.withdraw(input);
    return true;
  }
}
