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

  /** Every stay on record, oldest first, in one statement; the read is audited as the residents lib audits its own. */
  async of(caller: Caller, residentId: string): Promise<StayView[]> {
    await this.places.recordRead(caller, residentId, 'stays');
    return this.dataSource.query<StayView[]>(
      `SELECT a.id, a.shelter_id AS "shelterId", s.name AS "shelterName", a.bed_id AS "bedId",
              b.label AS "bedLabel", r.name AS "roomName", a.started_at AS "from",
              a.ended_at AS "to", a.end_reason AS "ended"
         FROM bed_assignment a
         JOIN shelter s ON s.id = a.shelter_id
         JOIN bed b ON b.id = a.bed_id
         JOIN room r ON r.id = b.room_id
        WHERE a.resident_id = $1 AND a.kind = 'stay'
        ORDER BY a.started_at, a.id`,
      [residentId],
    );
  }
}
