import { fhirErrors } from '../../../../clients/fhir-schema.js';
import {
  NotCompletedReason,
  ReferralCategory,
  ReferralOutcome,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
  RejectReason,
} from '../referrals.enums.js';
import {
  FHIR_SYSTEMS,
  type FhirReferral,
  patientOf,
  referralBundle,
  serviceRequestOf,
  taskOf,
} from './referral-fhir.mapping.js';

const AT = new Date('2026-11-20T15:00:00Z');
const CANARY = 'CANARY-reason-7f3a';

function referral(overrides: Partial<FhirReferral> = {}): FhirReferral {
  return {
    id: '0b7f8a52-3c3e-4d5e-9a51-1c2d3e4f5a6b',
    state: ReferralState.SENT,
    urgency: ReferralUrgency.URGENT,
    category: ReferralCategory.ACUTE_ILLNESS,
    shares: [],
    fromShelterId: '5c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f',
    serviceId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
    serviceName: 'Clínica Roma',
    alias: 'Ana',
    ageBracket: '30-59',
    languages: ['es', 'ht'],
    reason: CANARY,
    rejectReason: null,
    outcome: null,
    notCompletedReason: null,
    sentAt: AT,
    answeredAt: null,
    scheduledFor: null,
    completedAt: null,
    closedAt: null,
    updatedAt: AT,
    ...overrides,
  };
}

/** A referral in each state, with what that state carries. */
const STATES: Record<string, Partial<FhirReferral>> = {
  draft: { state: ReferralState.DRAFT, sentAt: null },
  sent: {},
  accepted: { state: ReferralState.ACCEPTED, answeredAt: AT },
  rejected: {
    state: ReferralState.REJECTED,
    answeredAt: AT,
    rejectReason: RejectReason.NO_CAPACITY,
  },
  scheduled: {
    state: ReferralState.SCHEDULED,
    answeredAt: AT,
    scheduledFor: new Date('2026-11-22T16:30:00Z'),
  },
  completed: {
    state: ReferralState.COMPLETED,
    answeredAt: AT,
    scheduledFor: AT,
    completedAt: AT,
    outcome: ReferralOutcome.FOLLOW_UP_NEEDED,
  },
  not_completed: {
    state: ReferralState.NOT_COMPLETED,
    answeredAt: AT,
    scheduledFor: AT,
    notCompletedReason: NotCompletedReason.NO_SHOW,
  },
  closed_completed: {
    state: ReferralState.CLOSED,
    answeredAt: AT,
    completedAt: AT,
    closedAt: AT,
    outcome: ReferralOutcome.TREATED,
  },
  closed_not_completed: {
    state: ReferralState.CLOSED,
    closedAt: AT,
    notCompletedReason: NotCompletedReason.MOVED_ON,
  },
  closed_rejected: {
    state: ReferralState.CLOSED,
    closedAt: AT,
    rejectReason: RejectReason.WRONG_SERVICE,
  },
  cancelled: { state: ReferralState.CANCELLED, closedAt: AT },
};

describe('FHIR R4 mapping of a referral', () => {
  it.each(Object.entries(STATES))(
    '%s: the Bundle and each resource validate against the R4 schema',
    (_name, overrides) => {
      const bundle = referralBundle(referral(overrides), AT);
      expect(fhirErrors('Bundle', bundle)).toEqual([]);
      for (const { resource } of bundle.entry) {
        expect(fhirErrors(resource.resourceType, resource)).toEqual([]);
      }
    },
  );

  it.each([
    ['draft', 'draft', 'draft', undefined],
    ['sent', 'requested', 'active', undefined],
    ['accepted', 'accepted', 'active', undefined],
    ['scheduled', 'accepted', 'active', undefined],
    ['rejected', 'rejected', 'revoked', 'no_capacity'],
    ['completed', 'completed', 'completed', undefined],
    ['not_completed', 'failed', 'active', 'no_show'],
    ['closed_completed', 'completed', 'completed', undefined],
    ['closed_not_completed', 'failed', 'revoked', 'moved_on'],
    ['closed_rejected', 'rejected', 'revoked', 'wrong_service'],
    ['cancelled', 'cancelled', 'revoked', 'cancelled_by_referrer'],
  ])('%s: Task %s, ServiceRequest %s, statusReason %s', (name, task, request, why) => {
    const r = referral(STATES[name]);
    expect(taskOf(r).status).toBe(task);
    expect(taskOf(r).businessStatus.coding![0]).toEqual({
      system: FHIR_SYSTEMS.state,
      code: r.state,
    });
    expect(taskOf(r).statusReason?.coding?.[0].code).toBe(why);
    expect(serviceRequestOf(r).status).toBe(request);
  });

  it.each([
    [ReferralUrgency.ROUTINE, 'routine'],
    [ReferralUrgency.URGENT, 'urgent'],
    [ReferralUrgency.EMERGENCY, 'stat'],
  ])('urgency %s is priority %s', (urgency, priority) => {
    expect(serviceRequestOf(referral({ urgency })).priority).toBe(priority);
    expect(taskOf(referral({ urgency })).priority).toBe(priority);
  });

  it('links the three: the Task is about the ServiceRequest, for the Patient, owned by the service', () => {
    const r = referral(STATES.scheduled);
    const request = serviceRequestOf(r);
    const task = taskOf(r);
    expect(request).toMatchObject({
      intent: 'order',
      subject: { reference: `Patient/${r.id}` },
      authoredOn: AT.toISOString(),
      occurrenceDateTime: '2026-11-22T16:30:00.000Z',
      category: [{ coding: [{ system: FHIR_SYSTEMS.category, code: 'acute_illness' }] }],
      performer: [{ display: 'Clínica Roma' }],
    });
    expect(task).toMatchObject({
      focus: { reference: `ServiceRequest/${r.id}` },
      for: { reference: `Patient/${r.id}` },
      owner: { identifier: { system: FHIR_SYSTEMS.healthService, value: r.serviceId } },
    });
    const bundle = referralBundle(r, AT);
    expect(bundle.type).toBe('collection');
    expect(bundle.entry.map((e) => e.fullUrl)).toEqual([
      `https://albergue.example.org/fhir/ServiceRequest/${r.id}`,
      `https://albergue.example.org/fhir/Task/${r.id}`,
      `https://albergue.example.org/fhir/Patient/${r.id}`,
    ]);
  });

  it('puts the outcome in the Task output only once completed', () => {
    expect(taskOf(referral(STATES.completed)).output).toEqual([
      {
        type: { coding: [{ system: FHIR_SYSTEMS.taskOutput, code: 'outcome' }] },
        valueCodeableConcept: {
          coding: [{ system: FHIR_SYSTEMS.outcome, code: 'follow_up_needed' }],
        },
      },
    ]);
    expect(taskOf(referral(STATES.scheduled)).output).toBeUndefined();
  });

  it('shares the reason only when the consent shares it with the service', () => {
    expect(JSON.stringify(referralBundle(referral(), AT))).not.toContain(CANARY);
    const shared = referral({ shares: [ReferralShare.REASON_WITH_SERVICE] });
    expect(serviceRequestOf(shared).reasonCode).toEqual([{ text: CANARY }]);
  });

  it('names the person only when the consent shares the name; never the resident id', () => {
    const anonymous = patientOf(referral());
    expect(anonymous.name).toBeUndefined();
    expect(anonymous.identifier).toEqual([
      { system: FHIR_SYSTEMS.referralSubject, value: referral().id },
    ]);
    expect(anonymous.extension).toEqual([{ url: FHIR_SYSTEMS.ageBracket, valueCode: '30-59' }]);
    const named = patientOf(referral({ shares: [ReferralShare.NAME_WITH_SERVICE] }));
    expect(named.name).toEqual([{ text: 'Ana' }]);
    expect(patientOf(referral({ ageBracket: null, languages: [] }))).toEqual({
      resourceType: 'Patient',
      id: referral().id,
      identifier: anonymous.identifier,
    });
  });

  // (R4's JSON schema leaves 1..1 primitives such as status and intent optional, for their
  // `_status` extension form: the assertions above check those; the schema checks codes, shapes,
  // formats and unknown elements.)
  it('the schema does catch a broken resource: a wrong status, no subject, an unknown element, a bad date', () => {
    const task = taskOf(referral());
    expect(fhirErrors('Task', { ...task, status: 'overdue' })).toEqual([
      expect.objectContaining({ instancePath: '/status', keyword: 'enum' }),
    ]);
    const { subject: _subject, ...noSubject } = serviceRequestOf(referral());
    expect(fhirErrors('ServiceRequest', noSubject)).toEqual([
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'subject' } }),
    ]);
    expect(fhirErrors('Patient', { ...patientOf(referral()), passport: 'X1' }).length).toBe(1);
    expect(
      fhirErrors('ServiceRequest', { ...serviceRequestOf(referral()), authoredOn: '20/11/2026' })
        .length,
    ).toBeGreaterThan(0);
    const bundle = referralBundle(referral(), AT);
    expect(
      fhirErrors('Bundle', { ...bundle, type: 'pile' }).map((error) => error.instancePath),
    ).toContain('/type');
  });
});
