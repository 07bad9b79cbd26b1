import {
  NotCompletedReason,
  ReferralCategory,
  ReferralOutcome,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
} from '../referrals.enums.js';
import type {
  Bundle,
  CodeableConcept,
  Patient,
  Reference,
  RequestPriority,
  ServiceRequest,
  ServiceRequestStatus,
  Task,
  TaskStatus,
} from './fhir-types.js';

/**
 * Albergue's own namespace for the codes and identifiers FHIR has no standard value set for
 * (our referral categories, states, reasons). Systems are names, not addresses that must
 * resolve; each CodeSystem's codes are the stored enum values (`acute_illness`, `no_show`…),
 * listed in the README's "FHIR export" table.
 */
export const FHIR_BASE = 'https://albergue.example.org/fhir';

export const FHIR_SYSTEMS = {
  /** A referral's id: ServiceRequest.identifier and Task.identifier. */
  referral: `${FHIR_BASE}/sid/referral`,
  /** The pseudonymous Patient's identifier: the referral's id again, never the resident's. */
  referralSubject: `${FHIR_BASE}/sid/referral-subject`,
  shelter: `${FHIR_BASE}/sid/shelter`,
  healthService: `${FHIR_BASE}/sid/health-service`,
  category: `${FHIR_BASE}/CodeSystem/referral-category`,
  state: `${FHIR_BASE}/CodeSystem/referral-state`,
  rejectReason: `${FHIR_BASE}/CodeSystem/reject-reason`,
  notCompletedReason: `${FHIR_BASE}/CodeSystem/not-completed-reason`,
  cancelReason: `${FHIR_BASE}/CodeSystem/cancel-reason`,
  outcome: `${FHIR_BASE}/CodeSystem/referral-outcome`,
  taskOutput: `${FHIR_BASE}/CodeSystem/task-output`,
  ageBracket: `${FHIR_BASE}/StructureDefinition/age-bracket`,
  language: 'urn:ietf:bcp:47',
} as const;

/** What the export reads of one referral: the service opens (and audits) the sealed parts first. */
export interface FhirReferral {
  id: string;
  state: ReferralState;
  urgency: ReferralUrgency;
  category: ReferralCategory;
  shares: ReferralShare[];
  fromShelterId: string;
  serviceId: string;
  serviceName: string;
  /** The alias, opened only when the mapper's readsName lets the service read it (else null). */
  alias: string | null;
  ageBracket: string | null;
  languages: string[];
  /** The clinical reason, opened only when the mapper's readsReason lets the service read it. */
  reason: string | null;
  rejectReason: RejectReason | null;
  outcome: ReferralOutcome | null;
  notCompletedReason: NotCompletedReason | null;
  sentAt: Date | null;
  answeredAt: Date | null;
  scheduledFor: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
  updatedAt: Date;
}

export const PRIORITY: Record<ReferralUrgency, RequestPriority> = {
  [ReferralUrgency.ROUTINE]: 'routine',
  [ReferralUrgency.URGENT]: 'urgent',
  [ReferralUrgency.EMERGENCY]: 'stat',
};

/**
 * Where the loop ended, for a closed referral (closing keeps the outcome, the not-completed
 * reason or the rejection): the state FHIR's statuses follow.
 */
export function endedAs(
  referral: Pick<FhirReferral, 'state' | 'outcome' | 'notCompletedReason' | 'rejectReason'>,
): ReferralState {
  if (referral.state !== ReferralState.CLOSED) {
    return referral.state;
  }
  if (referral.outcome) {
    return ReferralState.COMPLETED;
  }
  if (referral.notCompletedReason) {
    return ReferralState.NOT_COMPLETED;
  }
  if (referral.rejectReason) {
    return ReferralState.REJECTED;
  }
  // A referral closes only with an outcome; a bare close reads as completed.
  return ReferralState.COMPLETED;
}

/** Our state -> Task.status (businessStatus carries our own state, closed included). */
export const TASK_STATUS: Record<Exclude<ReferralState, ReferralState.CLOSED>, TaskStatus> = {
  [ReferralState.DRAFT]: 'draft',
  [ReferralState.SENT]: 'requested',
  [ReferralState.ACCEPTED]: 'accepted',
  // An appointment booked is still "agreed, not started": accepted; businessStatus says scheduled.
  [ReferralState.SCHEDULED]: 'accepted',
  [ReferralState.REJECTED]: 'rejected',
  [ReferralState.COMPLETED]: 'completed',
  [ReferralState.NOT_COMPLETED]: 'failed',
  [ReferralState.CANCELLED]: 'cancelled',
};

/**
 * Our state -> ServiceRequest.status: active while the loop is open (a no-show may be
 * rescheduled, so not completed stays active until closed); revoked when it ended unfulfilled.
 */
export function serviceRequestStatus(referral: FhirReferral): ServiceRequestStatus {
  const ended = endedAs(referral);
  switch (ended) {
    case ReferralState.DRAFT:
      return 'draft';
    case ReferralState.COMPLETED:
      return 'completed';
    case ReferralState.REJECTED:
    case ReferralState.CANCELLED:
      return 'revoked';
    case ReferralState.NOT_COMPLETED:
      return referral.state === ReferralState.CLOSED ? 'revoked' : 'active';
    default:
      return 'active';
  }
}

const coded = (system: string, code: string): CodeableConcept => ({ coding: [{ system, code }] });

/** Task.statusReason: why it was rejected, not completed, or cancelled (our codes). */
export function statusReason(referral: FhirReferral): CodeableConcept | undefined {
  switch (endedAs(referral)) {
    case ReferralState.REJECTED:
      return referral.rejectReason
        ? coded(FHIR_SYSTEMS.rejectReason, referral.rejectReason)
        : undefined;
    case ReferralState.NOT_COMPLETED:
      return referral.notCompletedReason
        ? coded(FHIR_SYSTEMS.notCompletedReason, referral.notCompletedReason)
        : undefined;
    case ReferralState.CANCELLED:
      return coded(FHIR_SYSTEMS.cancelReason, 'cancelled_by_referrer');
    default:
      return undefined;
  }
}

const iso = (at: Date | null): string | undefined => (at ? at.toISOString() : undefined);

/** Drops the keys whose value is undefined (the schema allows no nulls, and absent is absent). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const ref = (type: 'Patient' | 'ServiceRequest', id: string): Reference => ({
  reference: `${type}/${id}`,
  type,
});

function shelterRef(referral: FhirReferral): Reference {
  // An identifier only: a sensitive shelter's name stays out of what leaves the network.
  return {
    type: 'Organization',
    identifier: { system: FHIR_SYSTEMS.shelter, value: referral.fromShelterId },
  };
}

function serviceRef(referral: FhirReferral): Reference {
  return {
    type: 'HealthcareService',
    identifier: { system: FHIR_SYSTEMS.healthService, value: referral.serviceId },
    display: referral.serviceName,
  };
}

/**
 * The person as the export shows them: an identifier under our system that is the referral's own
 * id (two referrals of one person are not linkable through it), the alias as `name.text` only
 * when the consent shares the name with the service, the age bracket as an extension, the
 * languages. Never a document, a resident id, a birth date or a nationality.
 */
export function patientOf(referral: FhirReferral): Patient {
  // The service opened only what readsName allows; checked again here. No Patient.gender: administrative gender
  // is not sex at birth (see the README).
  const named = referral.shares.includes(ReferralShare.NAME_WITH_SERVICE) && referral.alias;
  return defined({
    resourceType: 'Patient' as const,
    id: referral.id,
    identifier: [{ system: FHIR_SYSTEMS.referralSubject, value: referral.id }],
    name: named ? [{ text: referral.alias! }] : undefined,
    extension: referral.ageBracket
      ? [{ url: FHIR_SYSTEMS.ageBracket, valueCode: referral.ageBracket }]
      : undefined,
    communication: referral.languages.length
      ? referral.languages.map((code) => ({
          language: { coding: [{ system: FHIR_SYSTEMS.language, code }] },
        }))
      : undefined,
  });
}

export function serviceRequestOf(referral: FhirReferral): ServiceRequest {
  const category = coded(FHIR_SYSTEMS.category, referral.category);
  const shareReason =
    referral.shares.includes(ReferralShare.REASON_WITH_SERVICE) && referral.reason;
  return defined({
    resourceType: 'ServiceRequest' as const,
    id: referral.id,
    identifier: [{ system: FHIR_SYSTEMS.referral, value: referral.id }],
    status: serviceRequestStatus(referral),
    intent: 'order' as const,
    priority: PRIORITY[referral.urgency],
    category: [category],
    code: category,
    subject: ref('Patient', referral.id),
    requester: shelterRef(referral),
    performer: [serviceRef(referral)],
    authoredOn: iso(referral.sentAt),
    occurrenceDateTime: iso(referral.scheduledFor),
    reasonCode: shareReason ? [{ text: referral.reason! }] : undefined,
  });
}

export function taskOf(referral: FhirReferral): Task {
  const ended = endedAs(referral);
  const status = TASK_STATUS[ended as Exclude<ReferralState, ReferralState.CLOSED>];
  const output =
    ended === ReferralState.COMPLETED && referral.outcome
      ? [
          {
            type: coded(FHIR_SYSTEMS.taskOutput, 'outcome'),
            valueCodeableConcept: coded(FHIR_SYSTEMS.outcome, referral.outcome),
          },
        ]
      : undefined;
  const end = referral.completedAt ?? referral.closedAt;
  return defined({
    resourceType: 'Task' as const,
    id: referral.id,
    identifier: [{ system: FHIR_SYSTEMS.referral, value: referral.id }],
    basedOn: [ref('ServiceRequest', referral.id)],
    status,
    statusReason: statusReason(referral),
    businessStatus: coded(FHIR_SYSTEMS.state, referral.state),
    intent: 'order' as const,
    priority: PRIORITY[referral.urgency],
    focus: ref('ServiceRequest', referral.id),
    for: ref('Patient', referral.id),
    authoredOn: iso(referral.sentAt),
    lastModified: referral.updatedAt.toISOString(),
    requester: shelterRef(referral),
    owner: serviceRef(referral),
    executionPeriod:
      referral.answeredAt || end
        ? defined({ start: iso(referral.answeredAt), end: iso(end) })
        : undefined,
    output,
  });
}

/**
 * One referral as a FHIR R4 `collection` Bundle: its ServiceRequest, its Task and a pseudonymous
 * Patient. The three share the referral's id (ids are unique per resource type), and refer to
 * each other as `Type/id` under `FHIR_BASE`.
 */
export function referralBundle(referral: FhirReferral, now: Date): Bundle {
  const resources = [serviceRequestOf(referral), taskOf(referral), patientOf(referral)];
  return {
    resourceType: 'Bundle',
    id: referral.id,
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({
      fullUrl: `${FHIR_BASE}/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}
