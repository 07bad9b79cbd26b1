import { Role } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import type { Appointment } from './appointment.entity.js';
import type { ReadRole } from './resident-access.js';
import type { Resident } from './resident.entity.js';
import type { ResidentEvent } from './resident-event.entity.js';
import { ResidentSealer } from './resident-sealer.js';
import type {
  AppointmentView,
  ChildProtection,
  ResidentEventView,
  ResidentView,
} from './resident.views.js';
import { Vulnerability } from './residents.enums.js';

/** Flags a volunteer needs to place someone well; the rest are for coordinators. */
const VOLUNTEER_FLAGS = new Set([
  Vulnerability.PREGNANT,
  Vulnerability.DISABILITY,
  Vulnerability.CHRONIC_ILLNESS,
  Vulnerability.ELDERLY,
]);

/**
 * Opens a resident's sealed fields for one caller, leaving out what their role may not see. The
 * role comes from ResidentAccess.readRoles: no role, no record.
 */
@Injectable()
export class ResidentViewMapper {
  constructor(private readonly sealer: ResidentSealer) {}

  resident(r: Resident, role: ReadRole): ResidentView {
    const coordinator = role === Role.COORDINATOR;
    const open = (field: Parameters<ResidentSealer['open']>[0], sealed: string | null) =>
      this.sealer.open(field, r.id, sealed);
    const childProtection = coordinator
      ? open('resident.childProtection', r.childProtectionSealed)
      : null;
    return {
      id: r.id,
      householdId: r.householdId,
      currentShelterId: r.currentShelterId,
      name: open('resident.name', r.nameSealed),
      birthYear: r.birthYear,
      ageBracket: r.ageBracket,
      gender: open('resident.gender', r.genderSealed),
      nationality: r.nationality,
      languages: r.languages,
      population: r.population,
      phone: open('resident.phone', r.phoneSealed),
      notes: open('resident.notes', r.notesSealed),
      vulnerabilities: r.vulnerabilities.filter((flag) => coordinator || VOLUNTEER_FLAGS.has(flag)),
      minor: r.minor,
      guardianId: r.guardianId,
      unaccompanied: coordinator ? r.unaccompanied : null,
      childProtection: childProtection ? (JSON.parse(childProtection) as ChildProtection) : null,
      documents: {
        comarFolio: open('resident.folio', r.folioSealed),
        passport: open('resident.passport', r.passportSealed),
        curp: open('resident.curp', r.curpSealed),
        tvrhNumber: open('resident.tvrh', r.tvrhSealed),
        tvrhIssuedOn: r.tvrhIssuedOn,
        tvrhExpiresOn: r.tvrhExpiresOn,
      },
      legalBasis: {
        basis: r.legalBasis,
        explainedIn: r.basisLanguage,
        recordedBy: r.basisRecordedBy,
        recordedAt: r.basisRecordedAt,
        consentWithdrawnAt: r.consentWithdrawnAt,
        withdrawalOutcome: r.withdrawalOutcome,
      },
      caseStatus: r.caseStatus,
      caseClosedAt: r.caseClosedAt,
      asylumStatus: r.asylumStatus,
      asylumOffice: open('resident.asylumOffice', r.asylumOfficeSealed),
      caseNumber: open('resident.caseNumber', r.caseNumberSealed),
      anonymised: r.anonymisedAt !== null,
      createdAt: r.createdAt,
    };
  }

  event(e: ResidentEvent): ResidentEventView {
    return {
      kind: e.kind,
      from: e.fromValue,
      to: e.toValue,
      at: e.at,
      byUserId: e.byUserId,
      override: e.override,
      reason: this.sealer.open('resident_event.reason', e.id, e.reasonSealed),
      office: this.sealer.open('resident_event.office', e.id, e.officeSealed),
    };
  }

  appointment(a: Appointment, residentName: string | null): AppointmentView {
    return {
      id: a.id,
      residentId: a.residentId,
      residentName,
      kind: a.kind,
      startsAt: a.startsAt,
      place: this.sealer.open('appointment.place', a.id, a.placeSealed),
      outcome: a.outcome,
      notes: this.sealer.open('appointment.notes', a.id, a.notesSealed),
    };
  }
}
