import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Ledger } from './ledger.js';
import type { NeedPriority, SupplyCategory, SupplyUnit } from './supplies.enums.js';
import type { SupplyItemNames } from './supply-item.entity.js';

/** How long an instance reuses what it read: the pages say their age, needs change by the hour. */
export const PUBLIC_NEEDS_CACHE_MS = 30_000;

/** One need as the public reads it: the thing, how much, how pressing, until when. No person. */
export interface PublicNeed {
  /** The need's own id: what a pledge names. */
  id: string;
  itemId: string | null;
  category: SupplyCategory;
  /** The item's names (a category's need has none: the page names the category). */
  names: SupplyItemNames | null;
  quantity: number | null;
  unit: SupplyUnit | null;
  priority: NeedPriority;
  until: string | null;
  /** A shelter's own item: its id and name are the shelter's words, and mean nothing elsewhere. */
  local: boolean;
}

/**
 * A shelter's open needs. `nameShown`: its coordinator chose to name a sensitive shelter in
 * public; the page decides from the public snapshot whether the shelter is sensitive at all.
 */
export interface ShelterNeeds {
  shelterId: string;
  nameShown: boolean;
  needs: PublicNeed[];
}

interface Row {
  id: string;
  shelter_id: string;
  name_shown: boolean | null;
  item_id: string | null;
  category: SupplyCategory;
  names: SupplyItemNames | null;
  quantity: string | null;
  unit: SupplyUnit | null;
  priority: NeedPriority;
  until: string | null;
  local: boolean;
}

/**
 * The needs every shelter publishes now (open, not past their day in TIME_ZONE), for `/needs`
 * and `/needs.json`: read once per PUBLIC_NEEDS_CACHE_MS per instance, never per page. Nothing
 * else of the supplies lib is public: no stock level, no pledge, no person.
 */
@Injectable()
export class PublicNeeds {
  private cached: { needs: Promise<ShelterNeeds[]>; until: number } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Ledger,
  ) {}

  current(): Promise<ShelterNeeds[]> {
    const at = Date.now();
    if (!this.cached || this.cached.until <= at) {
      const entry = { needs: this.read(), until: at + PUBLIC_NEEDS_CACHE_MS };
      this.cached = entry;
      // A failed read is not kept: the next page tries again.
      entry.needs.catch(() => {
        if (this.cached === entry) {
          this.cached = null;
        }
      });
    }
    return this.cached.needs;
  }

  /** A need changed through this instance: its next page reads again. */
  forget(): void {
    this.cached = null;
  }

  private async read(): Promise<ShelterNeeds[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT n.id, n.shelter_id, p.name_shown, n.item_id, coalesce(i.category, n.category) AS category,
              i.names, n.quantity, i.unit, n.priority, n.until::text AS until,
              i.shelter_id IS NOT NULL AS local
         FROM supply_need n
         LEFT JOIN supply_item i ON i.id = n.item_id
         LEFT JOIN supply_needs_profile p ON p.shelter_id = n.shelter_id
        WHERE n.closed_at IS NULL AND (n.until IS NULL OR n.until >= $1::date)
        ORDER BY n.shelter_id, n.priority, coalesce(i.category, n.category), n.created_at`,
      [this.ledger.today()],
    );
    const byShelter = new Map<string, ShelterNeeds>();
    for (const row of rows) {
      const shelter = byShelter.get(row.shelter_id) ?? {
        shelterId: row.shelter_id,
        nameShown: row.name_shown ?? false,
        needs: [],
      };
      byShelter.set(row.shelter_id, shelter);
      shelter.needs.push({
        id: row.id,
        itemId: row.item_id,
        category: row.category,
        names: row.names,
        quantity: row.quantity === null ? null : Number(row.quantity),
        unit: row.unit,
        priority: row.priority,
        until: row.until,
        local: row.local,
      });
    }
    return [...byShelter.values()];
  }
}
