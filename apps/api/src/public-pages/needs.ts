import type { PublicShelter } from '@albergue/contracts';
import type { PublicNeed, ShelterNeeds } from '@albergue/supplies';

const PRIORITY_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** A need as `/needs.json` and `/needs` carry it: GraphQL's names (FOOD, KG, HIGH). */
export interface NeedEntry {
  itemId: string | null;
  category: string;
  /** The item's names by language; null for a whole category. */
  names: Partial<Record<string, string>> | null;
  quantity: number | null;
  unit: string | null;
  priority: string;
  until: string | null;
}

/** One item (or category) across the network: what every shelter asking for it asks together. */
export interface NetworkNeed extends Omit<NeedEntry, 'until'> {
  /** How many shelters ask for it. */
  shelters: number;
}

/**
 * One shelter's needs in public. A sensitive shelter that did not opt in is "a shelter in" its
 * borough: no id (it would lead to the map's entry), no name, no phone.
 */
export interface ShelterNeedsEntry {
  id: string | null;
  name: string | null;
  borough: string | null;
  boroughCode: string | null;
  phone: string | null;
  needs: NeedEntry[];
}

export interface NeedsBoard {
  network: NetworkNeed[];
  shelters: ShelterNeedsEntry[];
}

const upper = (value: string) => value.toUpperCase();

function entry(need: PublicNeed): NeedEntry {
  return {
    itemId: need.itemId,
    category: upper(need.category),
    names: need.names && { ...need.names },
    quantity: need.quantity,
    unit: need.unit && upper(need.unit),
    priority: upper(need.priority),
    until: need.until,
  };
}

const rank = (priority: string) => PRIORITY_RANK[priority.toLowerCase()] ?? 3;

/**
 * The public needs board: each shelter's open needs, as the public snapshot shows the shelter
 * (closed shelters and those the snapshot does not list are left out), and the network's needs
 * by item and by category, most pressing and most asked first. Quantities add up per item (one
 * unit per item, always); a category's need has none.
 */
export function needsBoard(needs: ShelterNeeds[], shelters: PublicShelter[]): NeedsBoard {
  const listed = new Map(shelters.map((shelter) => [shelter.id, shelter]));
  const board: ShelterNeedsEntry[] = [];
  const network = new Map<string, NetworkNeed>();
  for (const { shelterId, nameShown, needs: own } of needs) {
    const shelter = listed.get(shelterId);
    if (!shelter || shelter.status === 'CLOSED' || own.length === 0) {
      continue;
    }
    const named = !shelter.location.approximate || nameShown;
    board.push({
      id: named ? shelter.id : null,
      name: named ? shelter.name : null,
      borough: shelter.address.borough,
      boroughCode: shelter.address.boroughCode,
      phone: named ? shelter.contact.phone : null,
      needs: own.map(entry),
    });
    for (const need of own.map(entry)) {
      const key = need.itemId ?? `category:${need.category}`;
      const sum = network.get(key);
      if (!sum) {
        const { itemId, category, names, quantity, unit, priority } = need;
        network.set(key, { itemId, category, names, quantity, unit, priority, shelters: 1 });
        continue;
      }
      sum.shelters += 1;
      sum.quantity =
        sum.quantity === null && need.quantity === null
          ? null
          : Math.round(((sum.quantity ?? 0) + (need.quantity ?? 0)) * 1000) / 1000;
      if (rank(need.priority) < rank(sum.priority)) {
        sum.priority = need.priority;
      }
    }
  }
  return {
    network: [...network.values()].sort(
      (a, b) => rank(a.priority) - rank(b.priority) || b.shelters - a.shelters,
    ),
    shelters: board,
  };
}
