import { registerEnumType } from '@nestjs/graphql';

/** What an item is, for figures, thresholds and the public needs list (later waves). */
export enum SupplyCategory {
  FOOD = 'food',
  WATER = 'water',
  HYGIENE = 'hygiene',
  BABY = 'baby',
  /** Over the counter only: a shelter's pantry is not a pharmacy. */
  MEDICINE = 'medicine',
  CLOTHING = 'clothing',
  BEDDING = 'bedding',
  CLEANING = 'cleaning',
  OTHER = 'other',
}

/** The one unit an item is counted in, for ever: a kilo of rice is never added to a pack of it. */
export enum SupplyUnit {
  KG = 'kg',
  L = 'l',
  PIECE = 'piece',
  PACK = 'pack',
}

/**
 * What a movement did to a shelter's stock. RECEIVED and TRANSFER_IN add; ISSUED (handed out),
 * COOKED (meals cooked from it), WASTED, EXPIRED and TRANSFER_OUT take; ADJUSTED is a stocktake's
 * difference (either sign, or zero: counted and found right); REVERSAL undoes one earlier row.
 */
export enum StockMovementKind {
  RECEIVED = 'received',
  ISSUED = 'issued',
  COOKED = 'cooked',
  WASTED = 'wasted',
  EXPIRED = 'expired',
  TRANSFER_OUT = 'transfer_out',
  TRANSFER_IN = 'transfer_in',
  ADJUSTED = 'adjusted',
  REVERSAL = 'reversal',
}

/** The kinds `useStock` records (stock leaving the pantry for a use). */
export enum StockUse {
  ISSUED = 'issued',
  COOKED = 'cooked',
  WASTED = 'wasted',
  EXPIRED = 'expired',
}

/**
 * Where a receipt came from: never a private person's name. PLEDGE names a pledge (item 8 of
 * issue 21, not open yet); PURCHASE: bought by the shelter.
 */
export enum SupplySource {
  ORGANISATION = 'organisation',
  PLEDGE = 'pledge',
  PRIVATE_DONOR = 'private_donor',
  PURCHASE = 'purchase',
}

/** Why a stocktake found a difference (or a received transfer fell short). */
export enum AdjustmentReason {
  /** Counted, no known cause. */
  COUNT = 'count',
  DAMAGED = 'damaged',
  LOST = 'lost',
  THEFT = 'theft',
  /** A movement was never recorded or recorded wrong. */
  RECORDING_ERROR = 'recording_error',
  OTHER = 'other',
}

/** Why a movement is reversed. */
export enum ReversalReason {
  WRONG_QUANTITY = 'wrong_quantity',
  WRONG_ITEM = 'wrong_item',
  DUPLICATE = 'duplicate',
  DID_NOT_HAPPEN = 'did_not_happen',
  OTHER = 'other',
}

/** Something a write let through but the staff must see. */
export enum StockWarning {
  /** A receipt whose expiry date is already past (allowed: it may be sorted and wasted). */
  EXPIRED_ON_RECEIPT = 'expired_on_receipt',
}

export enum MealKind {
  BREAKFAST = 'breakfast',
  LUNCH = 'lunch',
  DINNER = 'dinner',
  OTHER = 'other',
  INFANT = 'infant',
  MEDICAL_DIET = 'medical_diet',
  /** Ramadan: the meal breaking the fast. */
  IFTAR = 'iftar',
  /** Ramadan: the meal before dawn. */
  SUHUR = 'suhur',
}

/** What a supply alert says (issue 21, item 5); each is raised once per crossing, then cleared. */
export enum SupplyAlertKind {
  /** An item's usable stock below the shelter's low mark for it (or its category). */
  LOW_STOCK = 'low_stock',
  /** Food for fewer than FOOD_DAYS_LOW days. */
  FOOD_DAYS_LOW = 'food_days_low',
  /** A lot expiring within its window (or expired and still on the shelf). */
  EXPIRING = 'expiring',
}

/** Which estimate of days of food left is the lower (food-days.ts). */
export enum FoodDaysBasis {
  /** The people present at the standard ration. */
  NEED = 'need',
  /** What was used lately. */
  RATE = 'rate',
}

/** How much a published need matters to the shelter now. */
export enum NeedPriority {
  HIGH = 'high',
  MEDIUM = 'medium',
  LOW = 'low',
}

/** Why a published need is no longer open. */
export enum NeedClosure {
  /** Enough came. */
  MET = 'met',
  /** No longer needed, or published by mistake. */
  WITHDRAWN = 'withdrawn',
}

/** Where a pledge stands: promised, brought (a receipt names it), or did not come. */
export enum PledgeState {
  PLEDGED = 'pledged',
  RECEIVED = 'received',
  WITHDRAWN = 'withdrawn',
}

export enum StockTransferState {
  /** Out of the sender's stock, not yet in the receiver's. */
  IN_TRANSIT = 'in_transit',
  RECEIVED = 'received',
  /** Called back by the sender before it arrived: back in the sender's lots. */
  CANCELLED = 'cancelled',
}

for (const [enumRef, name] of [
  [SupplyCategory, 'SupplyCategory'],
  [SupplyUnit, 'SupplyUnit'],
  [StockMovementKind, 'StockMovementKind'],
  [StockUse, 'StockUse'],
  [SupplySource, 'SupplySource'],
  [AdjustmentReason, 'AdjustmentReason'],
  [ReversalReason, 'ReversalReason'],
  [StockWarning, 'StockWarning'],
  [MealKind, 'MealKind'],
  [StockTransferState, 'StockTransferState'],
  [SupplyAlertKind, 'SupplyAlertKind'],
  [FoodDaysBasis, 'FoodDaysBasis'],
  [NeedPriority, 'NeedPriority'],
  [NeedClosure, 'NeedClosure'],
  [PledgeState, 'PledgeState'],
] as const) {
  registerEnumType(enumRef, { name });
}
