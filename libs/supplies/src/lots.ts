/** What one lot of an item holds now at a shelter (thousandths of the unit). */
export interface LotBalance {
  lot: string | null;
  /** YYYY-MM-DD, or null when the package shows none. */
  expiresOn: string | null;
  milli: number;
}

/**
 * A lot named by a movement that takes stock: either part may be given. With `exact`, the pair
 * itself (a null lot or expiry is "none", not "any"): what a reversal takes back from. With
 * `freshFrom` (today, YYYY-MM-DD) and no lot named, lots expired before that day are not taken:
 * food handed out, cooked or sent is never already expired unless a lot says so.
 */
export interface LotChoice {
  lot?: string | null;
  expiresOn?: string | null;
  exact?: boolean;
  freshFrom?: string;
}

export type Allocation =
  | { ok: true; parts: LotBalance[] }
  /** `available`: what the lots that could serve hold between them. */
  | { ok: false; available: number };

/** First expiry first; lots without a date last; then by lot number, so the order is stable. */
export function byExpiry(a: LotBalance, b: LotBalance): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) {
      return 1;
    }
    if (b.expiresOn === null) {
      return -1;
    }
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  return (a.lot ?? '\uffff').localeCompare(b.lot ?? '\uffff');
}

/**
 * Which lots `milli` is taken from: the named lot only, when one is named; otherwise the lots
 * that expire first (FEFO, what a pantry does and what keeps food from expiring on the shelf).
 * A part per lot touched, so each lot's balance stays exact and never negative.
 */
export function allocate(lots: LotBalance[], milli: number, choice: LotChoice = {}): Allocation {
  const named = choice.exact === true || choice.lot != null || choice.expiresOn != null;
  const matches = (lot: LotBalance): boolean => {
    if (choice.exact) {
      return lot.lot === (choice.lot ?? null) && lot.expiresOn === (choice.expiresOn ?? null);
    }
    if (!named) {
      return (
        choice.freshFrom === undefined ||
        lot.expiresOn === null ||
        lot.expiresOn >= choice.freshFrom
      );
    }
    return (
      (choice.lot == null || lot.lot === choice.lot) &&
      (choice.expiresOn == null || lot.expiresOn === choice.expiresOn)
    );
  };
  const usable = lots
    .filter((lot) => lot.milli > 0)
    .filter(matches)
    .sort(byExpiry);
  // Never more than the item holds in all: a lot below zero (which the ledger never writes, but
  // a row typed into the database could) is a debt the other lots pay first.
  const net = Math.max(
    0,
    lots.reduce((sum, lot) => sum + lot.milli, 0),
  );
  const available = Math.min(
    net,
    usable.reduce((sum, lot) => sum + lot.milli, 0),
  );
  if (available < milli) {
    return { ok: false, available };
  }
  const parts: LotBalance[] = [];
  let left = milli;
  for (const lot of usable) {
    if (left === 0) {
      break;
    }
    const take = Math.min(left, lot.milli);
    parts.push({ lot: lot.lot, expiresOn: lot.expiresOn, milli: take });
    left -= take;
  }
  return { ok: true, parts };
}

/**
 * How a received transfer line lands in the receiver's lots: what arrived fills the lots in the
 * order they were sent (first expiry first), so a shortfall is counted against the lots that
 * expire last.
 */
export function receivedLots(sent: LotBalance[], receivedMilli: number): LotBalance[] {
  const parts: LotBalance[] = [];
  let left = receivedMilli;
  for (const lot of sent) {
    if (left === 0) {
      break;
    }
    const take = Math.min(left, lot.milli);
    parts.push({ lot: lot.lot, expiresOn: lot.expiresOn, milli: take });
    left -= take;
  }
  return parts;
}
