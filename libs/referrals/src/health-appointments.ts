import {
  AppointmentKind,
  type AppointmentSource,
  AppointmentSources,
  type SourcedAppointment,
} from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferralSealer } from './referral-sealer.js';
import { ReferralState } from './referrals.enums.js';

interface ScheduledRow {
  id: string;
  residentId: string;
  shelterId: string;
  scheduledFor: Date;
  placeSealed: string | null;
  needsEscort: boolean;
  needsTransport: boolean;
}

/**
 * What of a scheduled referral the morning plan may show (the port residents offers): a HEALTH
 * appointment at its time; its place only where an escort or transport is needed (someone must
 * know where to go); for volunteers only when an escort is needed. Never the service, its
 * category or the reason. Pure, for the unit spec.
 */
export function planEntry(row: ScheduledRow, place: string | null): SourcedAppointment {
  const travels = row.needsEscort || row.needsTransport;
  return {
    id: row.id,
    residentId: row.residentId,
    shelterId: row.shelterId,
    kind: AppointmentKind.HEALTH,
    startsAt: row.scheduledFor,
    place: travels ? place : null,
    escort: row.needsEscort,
    forVolunteers: row.needsEscort,
  };
}

/**
 * Registers scheduled referrals' appointments as a source of residents' morning plan
 * (`appointmentsDue` and its /staff event), at construction. Residents' referrals only (an
 * unregistered person met at a field visit has no place in a shelter's plan); the place is
 * opened only where it will be shown.
 */
@Injectable()
export class HealthAppointments implements AppointmentSource {
  readonly name = 'health appointments';

  constructor(
    sources: AppointmentSources,
    private readonly dataSource: DataSource,
    private readonly sealer: ReferralSealer,
  ) {
    sources.register(this);
  }

  async due(shelterIds: string[], withinMs: number): Promise<SourcedAppointment[]> {
    const rows = await this.dataSource.query<ScheduledRow[]>(
      `SELECT id, resident_id AS "residentId", shelter_id AS "shelterId",
              scheduled_for AS "scheduledFor", place_sealed AS "placeSealed",
              needs_escort AS "needsEscort", needs_transport AS "needsTransport"
         FROM referral
        WHERE state = $1 AND resident_id IS NOT NULL AND shelter_id = ANY($2::uuid[])
          AND scheduled_for >= now() AND scheduled_for < now() + make_interval(secs => $3)
        ORDER BY scheduled_for, id`,
      [ReferralState.SCHEDULED, shelterIds, withinMs / 1000],
    );
    return rows.map((row) =>
      planEntry(
        row,
        row.needsEscort || row.needsTransport
          ? this.sealer.open('referral.place', row.id, row.placeSealed)
          : null,
      ),
    );
  }
}
