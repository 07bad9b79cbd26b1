import { MealServed } from './meal-served.entity.js';
import { StockLock } from './stock-lock.entity.js';
import { StockMovement } from './stock-movement.entity.js';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity.js';
import { SupplyAlert } from './supply-alert.entity.js';
import { SupplyFoodDay } from './supply-food-day.entity.js';
import { SupplyItem } from './supply-item.entity.js';
import { SupplyNeed } from './supply-need.entity.js';
import { SupplyNeedsProfile } from './supply-needs-profile.entity.js';
import { SupplyPledge } from './supply-pledge.entity.js';
import { SupplyThreshold } from './supply-threshold.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const SUPPLIES_ENTITIES = [
  SupplyItem,
  StockLock,
  StockMovement,
  MealServed,
  StockTransfer,
  StockTransferLine,
  SupplyThreshold,
  SupplyAlert,
  SupplyNeed,
  SupplyNeedsProfile,
  SupplyPledge,
  SupplyFoodDay,
];
