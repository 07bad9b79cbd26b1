import { enumNames, isoWithOffset } from '@albergue/common';
import type { AppointmentsDueUpdate } from '@albergue/contracts';
import {
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  StaffNotifiers,
} from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { AsylumService } from './asylum.service.js';
import { AppointmentKind } from './residents.enums.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';

const appointmentKindName = enumNames(AppointmentKind);

/**
 * `appointmentsDue` to those who work a bed board: their residents' appointments within
 * APPOINTMENTS_AHEAD, by id, kind and time (the screen asks GraphQL for names, where the read is
 * audited); to a socket when it connects, then every STAFF_CHECK when they changed.
 */
@Injectable()
export class AppointmentsNotifier implements StaffNotifier {
  readonly name = 'appointments';
  /** shelterId -> the appointments last sent, to send only when they change. */
  private readonly sent = new Map<string, string>();

  constructor(
    notifiers: StaffNotifiers,
    private readonly asylum: AsylumService,
    @Inject(RESIDENTS_OPTIONS) private readonly options: ResidentsOptions,
  ) {
    notifiers.register(this);
  }

  async onConnect({ socket, reply }: StaffConnection): Promise<void> {
    for (const due of await this.dueAt(socket.boards)) {
      reply('appointmentsDue', due);
      // Only a first baseline: what one socket was just sent is not what the others have, so a
      // change it saw first is still sent to the room at the next check.
      if (!this.sent.has(due.shelterId)) {
        this.sent.set(due.shelterId, JSON.stringify(due.appointments));
      }
    }
  }

  async onCheck({ listening, send }: StaffCheck): Promise<void> {
    for (const due of await this.dueAt(listening.boards)) {
      const digest = JSON.stringify(due.appointments);
      if (this.sent.get(due.shelterId) !== digest) {
        send({ board: due.shelterId }, 'appointmentsDue', due);
      }
      this.sent.set(due.shelterId, digest);
    }
  }

  /** Each shelter's appointments coming up, one entry per shelter even when it has none. */
  private async dueAt(shelterIds: string[]): Promise<AppointmentsDueUpdate[]> {
    if (shelterIds.length === 0) {
      return [];
    }
    const due = await this.asylum.dueIds(shelterIds, this.options.appointmentsAheadMs);
    return shelterIds.map((shelterId) => ({
      shelterId,
      appointments: due
        .filter((appointment) => appointment.shelterId === shelterId)
        .map(({ appointmentId, residentId, kind, startsAt }) => ({
          appointmentId,
          residentId,
          kind: appointmentKindName(kind),
          startsAt: isoWithOffset(startsAt, this.options.timeZone),
        })),
    }));
  }
}
