import { IdempotencyService, Role } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Appointment } from './appointment.entity.js';
import { AppointmentSources, type SourcedAppointment } from './appointment-sources.js';
import { isAllowedTransition } from './asylum-track.js';
import type {
  AddAppointmentInput,
  ChangeAsylumStatusInput,
  SetAppointmentOutcomeInput,
} from './dto/track.input.js';
import { ResidentAccess } from './resident-access.js';
import type { Caller } from '@albergue/common';
import { ResidentEventKind } from './resident-event.entity.js';
import { recordHistory } from './resident-history.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import type { AppointmentView, ResidentView } from './resident.views.js';
import { AppointmentKind, AppointmentOutcome, AsylumStatus } from './residents.enums.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';
import { ResidentsService } from './residents.service.js';

/** The asylum track and the appointments that pace it. */
export interface DueAppointment {
  appointmentId: string;
  residentId: string;
  shelterId: string;
  kind: AppointmentKind;
  startsAt: Date;
}

@Injectable()
export class AsylumService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly residents: ResidentsService,
    private readonly sealer: ResidentSealer,
    private readonly access: ResidentAccess,
    private readonly views: ResidentViewMapper,
    private readonly sources: AppointmentSources,
  ) {}

  /**
   * Moves the track one allowed step, or any step with `override` and a reason; the history
   * keeps who, when, why and whether it was an override.
   */
  async changeStatus(caller: Caller, input: ChangeAsylumStatusInput): Promise<ResidentView> {
    if (input.override && !input.reason) {
      throw new ResidentsException(
        'An override needs a reason.',
        ResidentsExceptionCode.REASON_REQUIRED,
        ['input.reason'],
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const resident = await this.residents.find(input.residentId, manager, true);
      if (resident.anonymisedAt) {
        throw new ResidentsException(
          'This record was anonymised.',
          ResidentsExceptionCode.ANONYMISED,
          ['input.residentId'],
        );
      }
      if (!isAllowedTransition(resident.asylumStatus, input.status) && !input.override) {
        throw new ResidentsException(
          `The track does not go from ${resident.asylumStatus} to ${input.status}; set override with a reason to correct it.`,
          ResidentsExceptionCode.TRANSITION_NOT_ALLOWED,
          ['input.status'],
        );
      }
      if (
        input.status === AsylumStatus.PRE_REGISTERED &&
        !input.comarFolio &&
        !resident.folioSealed
      ) {
        throw new ResidentsException(
          'Pre-registration needs the COMAR folio.',
          ResidentsExceptionCode.FOLIO_REQUIRED,
          ['input.comarFolio'],
        );
      }
      if (
        input.status === AsylumStatus.APPLICATION_FILED &&
        !input.caseNumber &&
        !resident.caseNumberSealed
      ) {
        throw new ResidentsException(
          'A filed application needs its case number.',
          ResidentsExceptionCode.CASE_NUMBER_REQUIRED,
          ['input.caseNumber'],
        );
      }
      const from = resident.asylumStatus;
      Object.assign(
        resident,
        this.residents.sealedDocuments(resident.id, { comarFolio: input.comarFolio }),
      );
      resident.asylumStatus = input.status;
      if (input.office) {
        resident.asylumOfficeSealed = this.sealer.seal(
          'resident.asylumOffice',
          resident.id,
          input.office,
        );
      }
      if (input.caseNumber) {
        resident.caseNumberSealed = this.sealer.seal(
          'resident.caseNumber',
          resident.id,
          input.caseNumber,
        );
      }
      await manager.save(resident);
      await recordHistory(manager, this.sealer, {
        residentId: resident.id,
        kind: ResidentEventKind.ASYLUM,
        from,
        to: input.status,
        byUserId: caller.actor.userId,
        override: !isAllowedTransition(from, input.status),
        reason: input.reason,
        office: input.office,
      });
    });
    return this.residents.get(caller, input.residentId, 'asylum-track');
  }

  async addAppointment(caller: Caller, input: AddAppointmentInput): Promise<AppointmentView> {
    const { id } = await this.idempotency.run('addAppointment', input, async (manager) => {
      await this.residents.findActive(input.residentId, manager, 'input.residentId');
      const appointmentId = randomUUID();
      await manager.insert(Appointment, {
        id: appointmentId,
        residentId: input.residentId,
        kind: input.kind,
        startsAt: input.startsAt,
        placeSealed: this.sealer.seal('appointment.place', appointmentId, input.place),
        notesSealed: this.sealer.seal('appointment.notes', appointmentId, input.notes),
        createdBy: caller.actor.userId,
      });
      return appointmentId;
    });
    return this.appointment(caller, id);
  }

  async setOutcome(caller: Caller, input: SetAppointmentOutcomeInput): Promise<AppointmentView> {
    const result = await this.dataSource
      .getRepository(Appointment)
      .update({ id: input.appointmentId }, { outcome: input.outcome });
    if (!result.affected) {
      throw new ResidentsException(
        'No appointment has this id.',
        ResidentsExceptionCode.APPOINTMENT_NOT_FOUND,
        ['input.appointmentId'],
      );
    }
    return this.appointment(caller, input.appointmentId);
  }

  /** Appointments of a shelter's residents in the coming hours, soonest first: the morning's plan. */
  /**
   * Pending appointments within `withinMs` of residents staying at these shelters: ids, kind and
   * time, no names, so that staff screens can be told without a resident read (the screen then
   * asks `appointmentsDue`, which is audited).
   */
  async dueIds(shelterIds: string[], withinMs: number): Promise<DueAppointment[]> {
    const [own, sourced] = await Promise.all([
      this.ownDueIds(shelterIds, withinMs),
      this.sources.due(shelterIds, withinMs),
    ]);
    // The /staff event goes to the bed board (volunteers among them): what volunteers may see.
    return [
      ...own,
      ...sourced
        .filter((appointment) => appointment.forVolunteers)
        .map(({ id, residentId, shelterId, kind, startsAt }) => ({
          appointmentId: id,
          residentId,
          shelterId,
          kind,
          startsAt,
        })),
    ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  private ownDueIds(shelterIds: string[], withinMs: number): Promise<DueAppointment[]> {
    return this.dataSource.query<DueAppointment[]>(
      `SELECT a.id AS "appointmentId", a.resident_id AS "residentId",
              r.current_shelter_id AS "shelterId", a.kind, a.starts_at AS "startsAt"
         FROM appointment a JOIN resident r ON r.id = a.resident_id
        WHERE r.current_shelter_id = ANY($1) AND a.outcome = $2
          AND a.starts_at >= now() AND a.starts_at < now() + make_interval(secs => $3)
        ORDER BY a.starts_at`,
      [shelterIds, AppointmentOutcome.PENDING, withinMs / 1000],
    );
  }

  /**
   * The morning plan: the shelter's residents' own appointments (volunteers and coordinators) and
   * other libs' (AppointmentSources: health appointments) as each source allows: coordinators and
   * health workers see them all, volunteers those the source marks for them (an escort needed).
   * Health workers see the health appointments only. Every person listed is an audited read.
   */
  async due(caller: Caller, shelterId: string, hours: number): Promise<AppointmentView[]> {
    const role = caller.actor.memberships.get(shelterId);
    const own = role === Role.HEALTH_WORKER ? [] : await this.ownDue(caller, shelterId, hours);
    const sourced = (await this.sources.due([shelterId], hours * 3_600_000)).filter(
      (appointment) =>
        appointment.shelterId === shelterId &&
        (role === Role.COORDINATOR ||
          role === Role.HEALTH_WORKER ||
          (role === Role.VOLUNTEER && appointment.forVolunteers)),
    );
    const views = [...own, ...(await this.sourcedViews(caller, shelterId, sourced))];
    return views.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  }

  /** Sourced appointments of residents staying at the shelter, with their names (audited). */
  private async sourcedViews(
    caller: Caller,
    shelterId: string,
    sourced: SourcedAppointment[],
  ): Promise<AppointmentView[]> {
    if (sourced.length === 0) {
      return [];
    }
    const residents = await this.dataSource.query<{ id: string; nameSealed: string | null }[]>(
      `SELECT id, name_sealed AS "nameSealed" FROM resident
        WHERE id = ANY($1::uuid[]) AND current_shelter_id = $2`,
      [[...new Set(sourced.map((appointment) => appointment.residentId))], shelterId],
    );
    const names = new Map(residents.map((r) => [r.id, r.nameSealed]));
    const listed = sourced.filter((appointment) => names.has(appointment.residentId));
    await this.access.recordReads(
      caller,
      [...names.keys()].map((id) => ({ id, currentShelterId: shelterId })),
      'appointments',
    );
    return listed.map((appointment) =>
      this.views.sourcedAppointment(
        appointment,
        this.sealer.open(
          'resident.name',
          appointment.residentId,
          names.get(appointment.residentId) ?? null,
        ),
      ),
    );
  }

  private async ownDue(
    caller: Caller,
    shelterId: string,
    hours: number,
  ): Promise<AppointmentView[]> {
    const rows = await this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .innerJoin('resident', 'r', 'r.id = a.resident_id')
      .addSelect(['r.name_sealed AS r_name_sealed', 'r.current_shelter_id AS r_current_shelter_id'])
      .where('r.current_shelter_id = :shelterId', { shelterId })
      .andWhere('a.starts_at >= now() AND a.starts_at < now() + make_interval(hours => :hours)', {
        hours,
      })
      .andWhere('a.outcome = :pending', { pending: AppointmentOutcome.PENDING })
      .orderBy('a.starts_at', 'ASC')
      .getRawAndEntities<{
        a_id: string;
        r_name_sealed: string | null;
        r_current_shelter_id: string;
      }>();
    const raw = new Map(rows.raw.map((row) => [row.a_id, row]));
    await this.access.recordReads(
      caller,
      rows.entities.map((a) => ({ id: a.residentId, currentShelterId: shelterId })),
      'appointments',
    );
    return rows.entities.map((a) =>
      this.views.appointment(
        a,
        this.sealer.open('resident.name', a.residentId, raw.get(a.id)?.r_name_sealed ?? null),
      ),
    );
  }

  /** One person's appointments, in time order, each with its outcome: their page's list. */
  async appointmentsOfResident(caller: Caller, residentId: string): Promise<AppointmentView[]> {
    const resident = await this.residents.find(residentId);
    const appointments = await this.appointmentsOf(residentId);
    await this.access.recordReads(caller, [resident], 'appointments');
    const name = this.sealer.open('resident.name', resident.id, resident.nameSealed);
    return appointments.map((appointment) => this.views.appointment(appointment, name));
  }

  async appointmentsOf(residentId: string): Promise<Appointment[]> {
    return this.dataSource
      .getRepository(Appointment)
      .find({ where: { residentId }, order: { startsAt: 'ASC' } });
  }

  private async appointment(caller: Caller, id: string): Promise<AppointmentView> {
    const appointment = await this.dataSource.getRepository(Appointment).findOneByOrFail({ id });
    const resident = await this.residents.find(appointment.residentId);
    await this.access.recordReads(caller, [resident], 'appointment');
    return this.views.appointment(
      appointment,
      this.sealer.open('resident.name', resident.id, resident.nameSealed),
    );
  }
}
