import type { Caller } from '@albergue/common';
import { ResidentPlacesService } from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StayView } from './stays.views.js';

/** A person's stays, for the staff who may read their record (the guard's `resident.view` scope). */
@Injectable()
export class StaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: ResidentPlacesService,
  ) {}

  /**
   * Every stay on record, oldest first, in one statement, bedless ones (counts mode) too; the read
   * is audited as the residents lib audits its own. Where the caller works in no role, the stay
   * says nothing of rooms and beds, and a sensitive shelter's name stays out: a volunteer must
   * not learn that a person stayed at a women's refuge elsewhere.
   */
  async of(caller: Caller, residentId: string): Promise<StayView[]> {
    await this.places.recordRead(caller, residentId, 'stays');
    return this.dataSource.query<StayView[]>(
      `SELECT a.id, a.shelter_id AS "shelterId",
              CASE WHEN m.member OR NOT s.sensitive THEN s.name END AS "shelterName",
              CASE WHEN m.member THEN a.bed_id END AS "bedId",
              CASE WHEN m.member THEN b.label END AS "bedLabel",
              CASE WHEN m.member THEN r.name END AS "roomName",
              a.started_at AS "from", a.ended_at AS "to", a.end_reason AS "ended"
         FROM bed_assignment a
         JOIN shelter s ON s.id = a.shelter_id
         LEFT JOIN bed b ON b.id = a.bed_id
         LEFT JOIN room r ON r.id = b.room_id
         CROSS JOIN LATERAL (SELECT a.shelter_id = ANY($2::uuid[]) AS member) m
        WHERE a.resident_id = $1 AND a.kind = 'stay'
        ORDER BY a.started_at, a.id`,
      [residentId, [...caller.actor.memberships.keys()]],
    );
  }
}
