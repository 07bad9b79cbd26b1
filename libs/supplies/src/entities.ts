import { MealServed } from './meal-served.entity.js';
import { StockLock } from './stock-lock.entity.js';
import { StockMovement } from './stock-movement.entity.js';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity.js';
import { SupplyItem } from './supply-item.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const SUPPLIES_ENTITIES = [
  SupplyItem,
  StockLock,
  StockMovement,
  MealServed,
  StockTransfer,
  StockTransferLine,
];
