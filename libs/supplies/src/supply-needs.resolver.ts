import {
  type Actor,
  Allow,
  argPath,
  CurrentActor,
  recordScope,
  Role,
  UuidPipe,
} from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CloseNeedInput,
  NeedsArgs,
  NeedsProfileInput,
  PublishNeedInput,
  UpdateNeedInput,
} from './dto/supply-needs.input.js';
import { SupplyNeeds } from './supply-needs.service.js';
import { NeedSuggestionView, NeedsProfileView, SupplyNeedView } from './supply-needs.views.js';

/** Who reads a shelter's needs: its staff, and the network roles. */
const READERS = [Role.VOLUNTEER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN];

/**
 * Needs lists (issue 21, item 7): a shelter's coordinators publish, change and close what they
 * ask donors for, and choose whether a sensitive shelter's needs carry its name in public. The
 * public side is the pages' (`/needs`, `/needs.json`), from PublicNeeds.
 */
@Resolver()
export class SupplyNeedsResolver {
  constructor(private readonly needs: SupplyNeeds) {}

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [SupplyNeedView], {
    description: 'A shelter’s open needs (with history, also those closed in the last 30 days).',
  })
  supplyNeeds(@Args() args: NeedsArgs): Promise<SupplyNeedView[]> {
    return this.needs.list(args);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [NeedSuggestionView], {
    description:
      'Needs the shelter’s own figures suggest (items below their mark; food, when days run low).',
  })
  needSuggestions(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<NeedSuggestionView[]> {
    return this.needs.suggestions(shelterId);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => NeedsProfileView)
  needsProfile(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<NeedsProfileView> {
    return this.needs.profile(shelterId);
  }

  @Allow([Role.COORDINATOR], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => SupplyNeedView, {
    description:
      'Publishes a need: an item (with the quantity wanted) or a category, a priority, until when. One open need per item or category.',
  })
  publishNeed(
    @Args('input') input: PublishNeedInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupplyNeedView> {
    return this.needs.publish(input, actor);
  }

  @Allow([Role.COORDINATOR], { shelterOf: recordScope('supplyNeed', 'input.needId') })
  @Mutation(() => SupplyNeedView, {
    description: 'Changes an open need’s quantity, priority or day.',
  })
  updateNeed(@Args('input') input: UpdateNeedInput): Promise<SupplyNeedView> {
    return this.needs.update(input);
  }

  @Allow([Role.COORDINATOR], { shelterOf: recordScope('supplyNeed', 'input.needId') })
  @Mutation(() => SupplyNeedView, { description: 'Closes a need: met, or withdrawn.' })
  closeNeed(@Args('input') input: CloseNeedInput): Promise<SupplyNeedView> {
    return this.needs.close(input);
  }

  @Allow([Role.COORDINATOR], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => NeedsProfileView, {
    description: 'Whether a sensitive shelter’s needs carry its name in public (else its borough).',
  })
  setNeedsProfile(
    @Args('input') input: NeedsProfileInput,
    @CurrentActor() actor: Actor,
  ): Promise<NeedsProfileView> {
    return this.needs.setProfile(input, actor);
  }
}
