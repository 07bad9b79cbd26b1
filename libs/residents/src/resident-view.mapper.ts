import { enumNames, isoWithOffset, Role } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import type { Appointment } from './appointment.entity.js';
import type { SourcedAppointment } from './appointment-sources.js';
import { nextAsylumSteps } from './asylum-track.js';
import type { ReadRole } from './resident-access.js';
import type { Resident } from './resident.entity.js';
import { type ResidentEvent, ResidentEventKind } from './resident-event.entity.js';
import { ResidentSealer } from './resident-sealer.js';
import type {
  AppointmentView,
  ChildProtection,
  ResidentEventView,
  ResidentView,
} from './resident.views.js';
import {
  AppointmentOutcome,
  AsylumStatus,
  CaseStatus,
  LegalBasis,
  Vulnerability,
  WithdrawalOutcome,
} from './residents.enums.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';

/**
 * History rows store database values (`pre_registered`); the API speaks its enum names
 * (PRE_REGISTERED), as the fields that hold the same values do.
 */
const HISTORY_NAMES: Record<
  ResidentEventKind,
  { from: (value: string) => string | undefined; to: (value: string) => string | undefined }
> = {
  [ResidentEventKind.ASYLUM]: {
    from: enumNames(AsylumStatus) as (value: string) => string | undefined,
    to: enumNames(AsylumStatus) as (value: string) => string | undefined,
  },
  [ResidentEventKind.CASE]: {
    from: enumNames(CaseStatus) as (value: string) => string | undefined,
    to: enumNames(CaseStatus) as (value: string) => string | undefined,
  },
  // Consent withdrawn: from the legal basis it stood on, to what became of the record.
  [ResidentEventKind.CONSENT]: {
    from: enumNames(LegalBasis) as (value: string) => string | undefined,
    to: enumNames(WithdrawalOutcome) as (value: string) => string | undefined,
  },
  // A guardian and a minor parted by a transfer: from and to are the two shelters' ids.
  [ResidentEventKind.SEPARATION]: { from: (value) => value, to: (value) => value },
};

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
  constructor(
    private readonly sealer: ResidentSealer,
    @Inject(RESIDENTS_OPTIONS) private readonly options: ResidentsOptions,
  ) {}

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
      nextAsylumSteps: nextAsylumSteps(r.asylumStatus, r.anonymisedAt !== null),
      createdAt: r.createdAt,
    };
  }

  /** `byName`: the author's display name, for those who may see it (else null). */
  event(e: ResidentEvent, byName: string | null = null): ResidentEventView {
    const names = HISTORY_NAMES[e.kind];
    return {
      kind: e.kind,
      from: e.fromValue === null ? null : (names.from(e.fromValue) ?? e.fromValue),
      to: names.to(e.toValue) ?? e.toValue,
      at: e.at,
      byUserId: e.byUserId,
      byName,
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
      startsAt: isoWithOffset(a.startsAt, this.options.timeZone),
      place: this.sealer.open('appointment.place', a.id, a.placeSealed),
      outcome: a.outcome,
      notes: this.sealer.open('appointment.notes', a.id, a.notesSealed),
      escort: false,
    };
  }

  /** Another lib's appointment (AppointmentSources), as it let it out. */
  sourcedAppointment(a: SourcedAppointment, residentName: string | null): AppointmentView {
    return {
      id: a.id,
      residentId: a.residentId,
      residentName,
      kind: a.kind,
      startsAt: isoWithOffset(a.startsAt, this.options.timeZone),
      place: a.place,
      outcome: AppointmentOutcome.PENDING,
      notes: null,
      escort: a.escort,
    };
  }
}
