import { Injectable } from '@nestjs/common';
import type { AppointmentKind } from './residents.enums.js';

/**
 * An appointment of a resident that another lib keeps (a health referral's appointment), as
 * that lib lets the morning plan show it: residents adds the person's name, audited, and
 * shows it to the roles the source allows. The source decides what leaves it: never a
 * clinical reason or a service's category, a place only where one may be shown.
 */
export interface SourcedAppointment {
  id: string;
  residentId: string;
  /** The shelter following it (its plan lists it while the person stays there). */
  shelterId: string;
  kind: AppointmentKind;
  startsAt: Date;
  /** Shown with it, or null where the source keeps it to itself. */
  place: string | null;
  /** Someone from the shelter goes with the person. */
  escort: boolean;
  /** The shelter's volunteers may see it too (otherwise its health roles and coordinators only). */
  forVolunteers: boolean;
}

/** One lib's appointments for the morning plan. */
export interface AppointmentSource {
  /** Names the source in logs. */
  readonly name: string;
  /** Pending appointments of residents followed by these shelters, within `withinMs` from now. */
  due(shelterIds: string[], withinMs: number): Promise<SourcedAppointment[]>;
}

/**
 * The port residents offers other libs so that their appointments join the morning plan
 * (`appointmentsDue` and its /staff event) without residents importing them: a lib registers its
 * source at construction (as with the ScopeRegistry and StaffNotifiers).
 */
@Injectable()
export class AppointmentSources {
  private readonly registered: AppointmentSource[] = [];

  register(source: AppointmentSource): void {
    this.registered.push(source);
  }

  /** Every source's appointments, soonest first. */
  async due(shelterIds: string[], withinMs: number): Promise<SourcedAppointment[]> {
    if (shelterIds.length === 0 || this.registered.length === 0) {
      return [];
    }
    const all = await Promise.all(
      this.registered.map((source) => source.due(shelterIds, withinMs)),
    );
    return all.flat().sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }
}
