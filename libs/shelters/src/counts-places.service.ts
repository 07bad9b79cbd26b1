import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AvailabilityService } from './availability.service.js';
import { ShelterCapacity } from './shelter-capacity.entity.js';
import type { Population } from './shelters.enums.js';

/** A number of places of one group. */
export interface PlacesChange {
  population: Population;
  count: number;
}

/**
 * Holds at a counts-mode shelter (issue 17). Staff report the places physically free; places held
 * for people on the way are kept apart, per group (`shelter_capacity.held`), and the published
 * free figure is the report less them. A hold takes its places at once (free − n, held + n); if it
 * ends without an arrival it gives them back, whenever it was placed (free + n, held − n); an
 * arrival keeps them taken (held − n) until staff next report. A report or a confirmation never
 * touches `held`. Callers hold the shelter's row lock and pass their transaction, so the public
 * version moves with the hold that moved the figure.
 */
@Injectable()
export class CountsPlacesService {
  constructor(private readonly availability: AvailabilityService) {}

  /** Free regular places per group as published now (the groups the shelter serves). */
  async free(manager: EntityManager, shelterId: string): Promise<Map<Population, number>> {
    const rows = await manager.findBy(ShelterCapacity, { shelterId });
    return new Map(rows.map((row) => [row.population, row.freeBeds]));
  }

  /** A hold takes these places from the published figure; the caller checked they are free. */
  take(manager: EntityManager, shelterId: string, places: PlacesChange[]): Promise<void> {
    return this.move(manager, shelterId, places, -1, 1);
  }

  /** Holds ended without an arrival (cancelled, declined, expired): their places are free again. */
  release(manager: EntityManager, shelterId: string, places: PlacesChange[]): Promise<void> {
    return this.move(manager, shelterId, places, 1, -1);
  }

  /** People arrived on holds: their places stay taken, no longer held (nothing public moves). */
  arrived(manager: EntityManager, shelterId: string, places: PlacesChange[]): Promise<void> {
    return this.move(manager, shelterId, places, 0, -1);
  }

  /**
   * Moves free places (never below 0 nor above the declared places) and held places (never below
   * 0) by `count` times the signs, and the public version when the free figure moved.
   */
  private async move(
    manager: EntityManager,
    shelterId: string,
    places: PlacesChange[],
    freeSign: number,
    heldSign: number,
  ): Promise<void> {
    let moved = 0;
    for (const { population, count } of places) {
      if (count === 0) {
        continue;
      }
      const [rows] = await manager.query<[{ moved: boolean }[], number]>(
        `UPDATE shelter_capacity c
            SET free_beds = least(c.total_beds, greatest(0, c.free_beds + $3)),
                held = greatest(0, c.held + $4)
           FROM shelter_capacity old
          WHERE c.shelter_id = $1 AND c.population = $2
            AND old.shelter_id = c.shelter_id AND old.population = c.population
         RETURNING c.free_beds IS DISTINCT FROM old.free_beds AS moved`,
        [shelterId, population, freeSign * count, heldSign * count],
      );
      moved += rows.filter((row) => row.moved).length;
    }
    if (moved > 0) {
      // Not a confirmation: a hold is not staff vouching for the count.
      await this.availability.recordChange(manager, shelterId, { confirmed: false });
    }
  }
}
