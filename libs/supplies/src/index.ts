// The door of @albergue/supplies: what other libs and apps use, named one by one; the rest stays inside.
export { SUPPLIES_ENTITIES } from './entities.js';
export {
  AdjustmentReason,
  FoodDaysBasis,
  MealKind,
  NeedClosure,
  NeedPriority,
  ReversalReason,
  StockMovementKind,
  StockTransferState,
  StockUse,
  SupplyCategory,
  SupplyAlertKind,
  SupplySource,
  SupplyUnit,
} from './supplies.enums.js';
export { SuppliesModule } from './supplies.module.js';
export { FoodDaysService } from './food-days.service.js';
export { MealsService } from './meals.service.js';
export { type PledgeContactRead, PledgeContactReads } from './pledge-contact-reads.js';
export { type PublicNeed, PublicNeeds, type ShelterNeeds } from './public-needs.js';
export { StockService } from './stock.service.js';
export { StockTransfersService } from './stock-transfers.service.js';
export { SUPPLY_ALERTS_JOB, SupplyAlerts } from './supply-alerts.service.js';
export { SupplyItemsService } from './supply-items.service.js';
export { SupplyNeeds } from './supply-needs.service.js';
export { PledgeInput } from './dto/supply-pledges.input.js';
export { SupplyPledges } from './supply-pledges.service.js';
export { SupplyThresholds } from './supply-thresholds.service.js';
