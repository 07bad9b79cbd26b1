import type { PublicShelter } from '@albergue/contracts';
import type { PublicNeed, ShelterNeeds } from '@albergue/supplies';

const PRIORITY_RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/** A need as `/needs.json` and `/needs` carry it: GraphQL's names (FOOD, KG, HIGH). */
export interface NeedEntry {
  /** The need's id: what a pledge names (`POST /needs/pledges`). */
  id: string;
  /** A network item's id; null for a category, and for a shelter's own item. */
  itemId: string | null;
  category: string;
  /** The item's names by language; null for a category (or an unnamed shelter's own item). */
  names: Partial<Record<string, string>> | null;
  quantity: number | null;
  unit: string | null;
  priority: string;
  until: string | null;
}

/** One item (or category) across the network: what every shelter asking for it asks together. */
export interface NetworkNeed extends Omit<NeedEntry, 'id' | 'until'> {
  /** How many shelters ask for it. */
  shelters: number;
  /** How many of them said no quantity: the total is "at least". */
  unstated: number;
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

const rank = (priority: string) => PRIORITY_RANK[priority] ?? 3;

/**
 * A need as the public may read it. A shelter's own item never shows its id (it would tie the
 * entry to that one shelter); for an unnamed shelter not its name either (the shelter's own
 * words can name it): it reads as its category, without a quantity in a unit nobody sees.
 */
function entry(need: PublicNeed, named: boolean): NeedEntry {
  const hidden = need.local && !named;
  return {
    id: need.id,
    itemId: need.local ? null : need.itemId,
    category: need.category.toUpperCase(),
    names: hidden ? null : need.names && { ...need.names },
    quantity: hidden ? null : need.quantity,
    unit: hidden ? null : need.unit && need.unit.toUpperCase(),
    priority: need.priority.toUpperCase(),
    until: need.until,
  };
}

/** What a list of needs says, not whose it is: orders unnamed shelters without their ids. */
const contentKey = (entry: ShelterNeedsEntry) =>
  `${entry.boroughCode ?? ''}|${JSON.stringify(entry.needs)}`;

/**
 * The public needs board: each shelter's open needs, as the public snapshot shows the shelter
 * (closed shelters and those the snapshot does not list are left out), and the network's needs
 * by item and by category, most pressing and most asked first. Quantities add up per network
 * item (one unit per item, always). Nothing is ordered by a shelter's id: the snapshot names
 * every shelter with its id, so an unnamed one's place among ids would point at it. Named
 * shelters come by name, unnamed ones by what they ask.
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
    const entries = own.map((need) => entry(need, named));
    board.push({
      id: named ? shelter.id : null,
      name: named ? shelter.name : null,
      borough: shelter.address.borough,
      boroughCode: shelter.address.boroughCode,
      phone: named ? shelter.contact.phone : null,
      needs: entries,
    });
    own.forEach((need, index) => {
      const shown = entries[index];
      // A shelter's own item counts on its own (named) or with its category (unnamed).
      const key = need.local
        ? named
          ? `local:${need.itemId}`
          : `category:${shown.category}`
        : (shown.itemId ?? `category:${shown.category}`);
      const sum = network.get(key);
      if (!sum) {
        const { itemId, category, names, quantity, unit, priority } = shown;
        network.set(key, {
          itemId,
          category,
          names: key.startsWith('category:') ? null : names,
          quantity: key.startsWith('category:') ? null : quantity,
          unit: key.startsWith('category:') ? null : unit,
          priority,
          shelters: 1,
          unstated: quantity === null ? 1 : 0,
        });
        return;
      }
      sum.shelters += 1;
      if (sum.unit !== null) {
        if (shown.quantity === null) {
          sum.unstated += 1;
        } else {
          sum.quantity = Math.round(((sum.quantity ?? 0) + shown.quantity) * 1000) / 1000;
        }
      }
      if (rank(shown.priority) < rank(sum.priority)) {
        sum.priority = shown.priority;
      }
    });
  }
  const collator = new Intl.Collator('es');
  const names = (a: NetworkNeed) => a.names?.es ?? a.category;
  return {
    network: [...network.values()].sort(
      (a, b) =>
        rank(a.priority) - rank(b.priority) ||
        b.shelters - a.shelters ||
        collator.compare(names(a), names(b)),
    ),
    shelters: board.sort(
      (a, b) =>
        Number(!a.name) - Number(!b.name) ||
        collator.compare(a.name ?? '', b.name ?? '') ||
        (contentKey(a) < contentKey(b) ? -1 : contentKey(a) > contentKey(b) ? 1 : 0),
    ),
  };
}
