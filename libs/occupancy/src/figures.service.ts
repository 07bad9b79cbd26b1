import {
  AvailabilityService,
  type CapacityFigures,
  Shelter,
  TrackingMode,
} from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Derives a beds-mode shelter's figures from its beds and active assignments and hands them to
 * the shelters lib, inside the caller's transaction, so that the figures and the version move
 * with the check-in, check-out or hold that changed them. A counts-mode shelter publishes what
 * its staff report (less the holds placed since): rooms and beds set up there change nothing
 * public until a coordinator switches it to beds mode (BedsModeService).
 */
@Injectable()
export class FiguresService {
  constructor(private readonly availability: AvailabilityService) {}

  async recompute(manager: EntityManager, shelterId: string): Promise<void> {
    const shelter = await manager.findOne(Shelter, {
      select: { id: true, trackingMode: true },
      where: { id: shelterId },
    });
    if (shelter?.trackingMode !== TrackingMode.BEDS) {
      return;
    }
    await this.publish(manager, shelterId);
  }

  /** Publishes the figures of the beds (and turns the shelter to beds mode, if it was not). */
  async publish(manager: EntityManager, shelterId: string): Promise<void> {
    await this.availability.setFigures(manager, shelterId, await this.ofBeds(manager, shelterId));
  }

  /** The figures the beds give, per group, as beds mode publishes them. */
  ofBeds(manager: EntityManager, shelterId: string): Promise<CapacityFigures[]> {
    // Every group with a bed, in service or not: a group whose only room is closed for repairs
    // is still served (its band is FULL, it will free up), not "not for this group".
    return manager.query<CapacityFigures[]>(
      `SELECT b.population,
              count(*) FILTER (WHERE in_service AND NOT b.overflow)::int AS "totalBeds",
              count(*) FILTER (WHERE in_service AND NOT b.overflow AND a.id IS NULL)::int AS "freeBeds",
              count(*) FILTER (WHERE in_service AND b.overflow)::int AS "overflowTotal",
              count(*) FILTER (WHERE in_service AND b.overflow AND a.id IS NULL)::int AS "overflowFree"
         FROM bed b
         CROSS JOIN LATERAL (SELECT b.out_of_service_reason IS NULL AS in_service) s
         LEFT JOIN bed_assignment a ON a.bed_id = b.id AND a.ended_at IS NULL
        WHERE b.shelter_id = $1
        GROUP BY b.population ORDER BY b.population`,
      [shelterId],
    );
  }
}
