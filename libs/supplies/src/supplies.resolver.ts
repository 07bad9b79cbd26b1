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
  CancelTransferInput,
  CountStockInput,
  PeriodArgs,
  ReceiveStockInput,
  ReceiveTransferInput,
  RecordMealInput,
  ReverseStockMovementInput,
  SendStockInput,
  StockMovementsArgs,
  StockTransfersArgs,
  UseStockInput,
} from './dto/stock.input.js';
import {
  CreateSupplyItemInput,
  SupplyItemsArgs,
  UpdateSupplyItemInput,
} from './dto/supply-item.input.js';
import { MealsService } from './meals.service.js';
import { StockService } from './stock.service.js';
import { StockTransfersService } from './stock-transfers.service.js';
import {
  MealServedView,
  StockAct,
  StockLevel,
  StockMovementView,
  StockTransferView,
  SupplyItemView,
} from './supplies.views.js';
import { SupplyItemsService } from './supply-items.service.js';

const STAFF = [Role.VOLUNTEER, Role.COORDINATOR];
/** Who reads a shelter's stock: its staff; network coordinators and admins every shelter's. */
const READERS = [...STAFF, Role.NETWORK_COORDINATOR, Role.ADMIN];

/**
 * Food and supplies (issue 21): the catalogue, the ledger, meals served, transfers. Volunteers
 * record movements and meals in their shelter; coordinators also count stock and send it;
 * network coordinators read every shelter's stock and move stock between any two.
 */
@Resolver()
export class SuppliesResolver {
  constructor(
    private readonly items: SupplyItemsService,
    private readonly stock: StockService,
    private readonly meals: MealsService,
    private readonly transfers: StockTransfersService,
  ) {}

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [SupplyItemView], {
    description: 'The catalogue: network items, and a shelter’s own with shelterId.',
  })
  supplyItems(@Args() args: SupplyItemsArgs): Promise<SupplyItemView[]> {
    return this.items.list(args);
  }

  @Allow([Role.COORDINATOR, Role.ADMIN], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => SupplyItemView, {
    description:
      'A network item (admins; named in all five languages) or, with shelterId, a shelter’s own (its coordinator).',
  })
  createSupplyItem(
    @Args('input') input: CreateSupplyItemInput,
    @CurrentActor() actor: Actor,
  ): Promise<SupplyItemView> {
    return this.items.create(input, actor);
  }

  @Allow([Role.COORDINATOR, Role.ADMIN], { shelterOf: recordScope('supplyItem', 'id') })
  @Mutation(() => SupplyItemView, {
    description: 'Names, category, kcal, retired or not; never the unit.',
  })
  updateSupplyItem(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: UpdateSupplyItemInput,
  ): Promise<SupplyItemView> {
    return this.items.update(id, input);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => StockAct, {
    description:
      'A delivery: stock in, with its source (never a person’s name), lot and expiry. An expiry already past is recorded and flagged.',
  })
  receiveStock(
    @Args('input') input: ReceiveStockInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockAct> {
    return this.stock.receive(input, actor);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => StockAct, {
    description:
      'Stock out: handed out, cooked, wasted or expired; from the lot named, else first expiry first. Never below zero.',
  })
  useStock(@Args('input') input: UseStockInput, @CurrentActor() actor: Actor): Promise<StockAct> {
    return this.stock.use(input, actor);
  }

  @Allow([Role.COORDINATOR], { shelterOf: argPath('input.shelterId') })
  @Mutation(() => StockAct, {
    description: 'A stocktake: what is on the shelf; the difference is recorded with its reason.',
  })
  countStock(
    @Args('input') input: CountStockInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockAct> {
    return this.stock.count(input, actor);
  }

  @Allow(STAFF, { shelterOf: recordScope('stockMovement', 'input.movementId') })
  @Mutation(() => StockAct, {
    description:
      'Undoes a movement with one naming it (once; never a reversal or a transfer’s movement). Both rows stay.',
  })
  reverseStockMovement(
    @Args('input') input: ReverseStockMovementInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockAct> {
    return this.stock.reverse(input, actor);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [StockLevel], {
    description: 'A shelter’s stock now, per item: the sum of its movements, with its lots.',
  })
  stockAt(
    @Args('shelterId', { type: () => ID }, UuidPipe) shelterId: string,
  ): Promise<StockLevel[]> {
    return this.stock.stockAt(shelterId);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [StockMovementView], {
    description: 'The ledger of a shelter over a period of days (TIME_ZONE), newest first.',
  })
  stockMovements(@Args() args: StockMovementsArgs): Promise<StockMovementView[]> {
    return this.stock.movements(args);
  }

  @Allow(STAFF, { shelterOf: argPath('input.shelterId') })
  @Mutation(() => MealServedView, {
    description: 'A meal served (day in TIME_ZONE, kind, people), with the food cooked for it.',
  })
  recordMeal(
    @Args('input') input: RecordMealInput,
    @CurrentActor() actor: Actor,
  ): Promise<MealServedView> {
    return this.meals.record(input, actor);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [MealServedView], {
    description: 'Meals served at a shelter over a period of days.',
  })
  mealsServed(@Args() args: PeriodArgs): Promise<MealServedView[]> {
    return this.meals.served(args);
  }

  @Allow([Role.COORDINATOR, Role.NETWORK_COORDINATOR], {
    shelterOf: argPath('input.fromShelterId'),
  })
  @Mutation(() => StockTransferView, {
    description:
      'Sends network items to another shelter: out of the sender at once (all lines or none), IN_TRANSIT until received.',
  })
  sendStock(
    @Args('input') input: SendStockInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockTransferView> {
    return this.transfers.send(input, actor);
  }

  @Allow([...STAFF, Role.NETWORK_COORDINATOR], {
    shelterOf: recordScope('stockTransferTo', 'input.transferId'),
  })
  @Mutation(() => StockTransferView, {
    description:
      'The receiving shelter says what arrived of each line; what did not is kept as the difference.',
  })
  receiveTransfer(
    @Args('input') input: ReceiveTransferInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockTransferView> {
    return this.transfers.receive(input, actor);
  }

  @Allow([Role.COORDINATOR, Role.NETWORK_COORDINATOR], {
    shelterOf: recordScope('stockTransferFrom', 'input.transferId'),
  })
  @Mutation(() => StockTransferView, {
    description:
      'Calls back a transfer still IN_TRANSIT: every line returns to the sender’s lots it left; CANCELLED.',
  })
  cancelTransfer(
    @Args('input') input: CancelTransferInput,
    @CurrentActor() actor: Actor,
  ): Promise<StockTransferView> {
    return this.transfers.cancel(input, actor);
  }

  @Allow(READERS, { shelterOf: argPath('shelterId') })
  @Query(() => [StockTransferView], {
    description: 'Stock transfers sent from or to a shelter, newest first.',
  })
  stockTransfers(@Args() args: StockTransfersArgs): Promise<StockTransferView[]> {
    return this.transfers.of(args);
  }
}
