// The door of @albergue/supplies: what other libs and apps use, named one by one; the rest stays inside.
export { SUPPLIES_ENTITIES } from './entities.js';
export {
  AdjustmentReason,
  MealKind,
  ReversalReason,
  StockMovementKind,
  StockTransferState,
  StockUse,
  SupplyCategory,
  SupplySource,
  SupplyUnit,
} from './supplies.enums.js';
export { SuppliesModule } from './supplies.module.js';
export { MealsService } from './meals.service.js';
export { StockService } from './stock.service.js';
export { StockTransfersService } from './stock-transfers.service.js';
export { SupplyItemsService } from './supply-items.service.js';
