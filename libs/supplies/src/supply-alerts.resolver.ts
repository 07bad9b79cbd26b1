import { type Actor, Allow, argPath, CurrentActor, Role, UuidPipe } from '@albergue/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SetSupplyThresholdInput, SupplyThresholdTargetInput } from './dto/supply-alerts.input.js';
import { FoodDaysService } from './food-days.service.js';
import { SupplyAlerts } from './supply-alerts.service.js';
import { FoodDaysView, SupplyAlertView, SupplyThresholdView } from './supply-alerts.views.js';
import { SupplyThresholds } from './supply-thresholds.service.js';

/** Who reads a shelter's stock, days of food and alerts: its staff, and the network roles. */
const READERS = [Role.VOLUNTEER, Role.COORDINATOR, Role.NETWORK_COORDINATOR, Role.ADMIN];

/**
 * Days of food left, the marks that say "low" and "expiring soon", and the alerts they raise
 * (issue 21, items 4 and 5). Coordinators set their shelter's marks; alerts are looked at again
 * at once when they do.
 */
@Resolver()
export class SupplyAlertsResolver {
  constructor(
    private readonly foodDays: FoodDaysService,
    private readonly thresholds: SupplyThresholds,
    private readonly alerts: SupplyAlerts,
  ) {}

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => FoodDaysView, {
    description: 'Days of food left at a shelter, and how they were computed.',
  })
  foodDaysLeft(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<FoodDaysView> {
    return this.foodDays.of(shelterId);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [SupplyThresholdView], {
    description: 'A shelter’s low and expiring-soon marks, per item and per category.',
  })
  supplyThresholds(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<SupplyThresholdView[]> {
    return this.thresholds.list(shelterId);
  }

  @Allow([Role.COORDINATOR], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => SupplyThresholdView, {
    description:
      'Sets the marks for an item or a category at a shelter (replacing what was set for it).',
  })
  async setSupplyThreshold(
    @Args('input') input: SetSupplyThresholdInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupplyThresholdView> {
    const set = await this.thresholds.set(input, actor);
    await this.alerts.afterAct(input.shelterId);
    return set;
  }

  @Allow([Role.COORDINATOR], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => SupplyThresholdView, {
    description: 'Removes the marks for an item or a category (the defaults apply again).',
  })
  async clearSupplyThreshold(
    @Args('input') input: SupplyThresholdTargetInput,
  ): Promise<SupplyThresholdView> {
    const cleared = await this.thresholds.clear(input);
    await this.alerts.afterAct(input.shelterId);
    return cleared;
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [SupplyAlertView], {
    description:
      'A shelter’s supply alerts holding now; with history, also those cleared in the last 30 days.',
  })
  supplyAlerts(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
    @Args('history', { type: () => Boolean, defaultValue: false }) history: boolean,
  ): Promise<SupplyAlertView[]> {
    return this.alerts.list(shelterId, history);
  }
}
