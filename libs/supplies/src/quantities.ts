import { SupplyUnit } from './supplies.enums.js';

/**
 * Quantities travel as thousandths of the item's unit (integers) inside the lib, so that sums and
 * differences are exact; PostgreSQL keeps them as numeric(14,3), GraphQL shows them as floats.
 */
export const MILLI = 1000;

/** The most one movement may carry: a lorry, not a typo of six more zeros. */
export const MAX_QUANTITY = 1_000_000;

/** A quantity given by a client, in thousandths, or null when the unit cannot hold it. */
export function toMilli(quantity: number, unit: SupplyUnit): number | null {
  if (!Number.isFinite(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
    return null;
  }
  const milli = Math.round(quantity * MILLI);
  // No more than three decimals, and whole pieces and packs.
  if (Math.abs(milli - quantity * MILLI) > 1e-6 * MILLI) {
    return null;
  }
  if ((unit === SupplyUnit.PIECE || unit === SupplyUnit.PACK) && milli % MILLI !== 0) {
    return null;
  }
  return milli;
}

/** numeric text from PostgreSQL ('-12.500') to thousandths. */
export function milliOf(numeric: string | number): number {
  return Math.round(Number(numeric) * MILLI);
}

/** Thousandths to numeric text for PostgreSQL. */
export function numericOf(milli: number): string {
  return (milli / MILLI).toFixed(3);
}

export function fromMilli(milli: number): number {
  return milli / MILLI;
}
