import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AvailabilityService } from './availability.service.js';
import { ShelterCapacity } from './shelter-capacity.entity.js';
import type { Population } from './shelters.enums.js';

/** Places of one group a hold takes (negative) or gives back (positive). */
export interface PlacesChange {
  population: Population;
  delta: number;
}

/**
 * Holds at a counts-mode shelter (issue 17): its published free places are the last reported
 * figure minus the holds placed since. A hold takes its places from the published figure as it
 * is placed; if it ends without an arrival, it gives them back, but only when it was placed
 * after the last report or confirmation (staff counted with the ones before). A report
 * supersedes everything: it sets the figure staff counted. Callers hold the shelter's row lock
 * and pass their transaction, so the public version moves with the hold that moved the figure.
 */
@Injectable()
export class CountsPlacesService {
  constructor(private readonly availability: AvailabilityService) {}

  /** Free regular places per group as published now (the groups the shelter serves). */
  async free(manager: EntityManager, shelterId: string): Promise<Map<Population, number>> {
    const rows = await manager.findBy(ShelterCapacity, { shelterId });
    return new Map(rows.map((row) => [row.population, row.freeBeds]));
  }

  /**
   * Moves the published free places by `changes` (never below 0 nor above the declared places),
   * and the public version with them when anything moved.
   */
  async change(manager: EntityManager, shelterId: string, changes: PlacesChange[]): Promise<void> {
    let moved = 0;
    for (const { population, delta } of changes) {
      if (delta === 0) {
        continue;
      }
      const [, affected] = await manager.query<[unknown, number]>(
        `UPDATE shelter_capacity SET free_beds = least(total_beds, greatest(0, free_beds + $3))
          WHERE shelter_id = $1 AND population = $2
            AND free_beds IS DISTINCT FROM least(total_beds, greatest(0, free_beds + $3))`,
        [shelterId, population, delta],
      );
      moved += affected;
    }
    if (moved > 0) {
      // Not a confirmation: a hold is not staff vouching for the count.
      await this.availability.recordChange(manager, shelterId, { confirmed: false });
    }
  }
}
