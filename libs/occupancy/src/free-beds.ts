import type { EntityManager } from 'typeorm';
import type { FreeBed } from './bed-picker.js';

/**
 * A shelter's free beds: in service, with no open assignment (hold or stay), regular before
 * overflow, room by room, labels in natural order. The one definition of a free bed, for placing people and for the limit
 * on holds from elsewhere; read under the shelter's lock, what it returns stays free.
 */
export async function freeBedsAt(manager: EntityManager, shelterId: string): Promise<FreeBed[]> {
  return manager.query<FreeBed[]>(
    `SELECT b.id, b.room_id AS "roomId", b.population FROM bed b
      WHERE b.shelter_id = $1 AND b.out_of_service_reason IS NULL
        AND NOT EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = b.id AND a.ended_at IS NULL)
      ORDER BY b.overflow, b.room_id, length(b.label), b.label`,
    [shelterId],
  );
}
