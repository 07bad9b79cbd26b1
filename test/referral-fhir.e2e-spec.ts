import { fhirErrors } from '../clients/fhir-schema.js';
import { healthServiceRow, type ReferralRow, referralRow } from './factories/referral.factory.js';
import { adult, householdInput, REGISTER } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const CANARY = 'CANARY-fhir-reason-5d1c';
const ALIAS = 'Yolanda';
const EXPORT = 'query($id: ID!) { referralFhir(id: $id) }';
const AT = new Date('2026-11-20T15:00:00Z');

interface Entry {
  fullUrl: string;
  resource: { resourceType: string; status?: string; [key: string]: unknown };
}

/** Every state a referral can be in, with what the loop records in it; the Task status expected. */
const STATES: Record<string, { row: Partial<ReferralRow>; extra?: string; task: string }> = {
  draft: { row: { state: 'draft', sentAt: null }, task: 'draft' },
  sent: { row: { state: 'sent' }, task: 'requested' },
  accepted: { row: { state: 'accepted', answeredAt: AT }, task: 'accepted' },
  rejected: {
    row: { state: 'rejected', answeredAt: AT },
    extra: "reject_reason = 'not_eligible'",
    task: 'rejected',
  },
  scheduled: {
    row: { state: 'scheduled', answeredAt: AT, scheduledFor: new Date('2026-11-23T17:00:00Z') },
    task: 'accepted',
  },
  completed: {
    row: { state: 'completed', answeredAt: AT, completedAt: AT, outcome: 'treated' },
    task: 'completed',
  },
  not_completed: {
    row: { state: 'not_completed', answeredAt: AT, notCompletedReason: 'no_show' },
    task: 'failed',
  },
  closed: {
    row: { state: 'closed', answeredAt: AT, completedAt: AT, outcome: 'referred_on' },
    extra: 'closed_at = now()',
    task: 'completed',
  },
  cancelled: { row: { state: 'cancelled' }, extra: 'closed_at = now()', task: 'cancelled' },
};

describe('FHIR R4 export of a referral (e2e)', () => {
  let app: TestApp;
  let shelterId: string;
  let clinicA: string;
  let healthWorker: Person;
  let staffA: Person;
  let staffB: Person;
  let coordinator: Person;
  let otherHealthWorker: Person;
  const ids = new Map<string, string>();

  const referral = async (row: Partial<ReferralRow>, extra?: string, shares: string[] = []) => {
    const id = await referralRow(app, {
      shelterId,
      serviceId: clinicA,
      createdBy: healthWorker.userId,
      reason: CANARY,
      alias: ALIAS,
      ...row,
    });
    await app.sql(
      `UPDATE referral SET shares = $2::referral_share[]${extra ? `, ${extra}` : ''} WHERE id = $1`,
      [id, shares],
    );
    return id;
  };

  const bundleOf = async (who: Person, id: string) => {
    const result = await who.gql<{ referralFhir: string }>(EXPORT, { id });
    if (!result.data) {
      throw new Error(JSON.stringify(result.errors));
    }
    return JSON.parse(result.data.referralFhir) as { resourceType: string; entry: Entry[] };
  };

  beforeAll(async () => {
    app = await startTestApp();
    shelterId = await shelterFor(app);
    const otherShelter = await shelterFor(app);
    clinicA = await healthServiceRow(app, { name: 'Clínica A' });
    const clinicB = await healthServiceRow(app, { name: 'Clínica B' });
    healthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    otherHealthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId: otherShelter });
    staffA = await serviceStaffAt(app, clinicA);
    staffB = await serviceStaffAt(app, clinicB);
    for (const [state, { row, extra }] of Object.entries(STATES)) {
      ids.set(state, await referral(row, extra));
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(Object.keys(STATES))(
    '%s: the export validates against the R4 schema, the Bundle and each resource',
    async (state) => {
      const bundle = await bundleOf(healthWorker, ids.get(state)!);
      expect(fhirErrors('Bundle', bundle)).toEqual([]);
      expect(bundle.entry.map((e) => e.resource.resourceType)).toEqual([
        'ServiceRequest',
        'Task',
        'Patient',
      ]);
      for (const { resource } of bundle.entry) {
        expect(fhirErrors(resource.resourceType, resource)).toEqual([]);
      }
      expect(bundle.entry[1].resource.status).toBe(STATES[state].task);
      if (state !== 'draft') {
        expect(await bundleOf(staffA, ids.get(state)!)).toEqual({
          ...bundle,
          timestamp: expect.any(String),
        });
      }
    },
  );

  it('staff of clinic B cannot export clinic A’s referral, nor can a coordinator or another shelter', async () => {
    for (const who of [staffB, coordinator, otherHealthWorker]) {
      const result = await who.gql(EXPORT, { id: ids.get('sent') });
      expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain(CANARY);
    }
  });

  it('a draft has not left the shelter: its service’s staff do not get it', async () => {
    const result = await staffA.gql(EXPORT, { id: ids.get('draft') });
    expect(result.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('the canary reason and the alias stay out unless the consent shares them', async () => {
    const id = ids.get('scheduled')!;
    const before = await app.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE target_id = $1 AND action = 'referral.reason.read'`,
      [id],
    );
    const text = JSON.stringify(await bundleOf(staffA, id));
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain(ALIAS);
    const exports = await app.sql<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_entry WHERE target_id = $1 AND action = 'referral.fhirExport'`,
      [id],
    );
    expect(exports).toContainEqual({ actor_id: staffA.userId, detail: 'fhir-export' });
    // No reason read, so none audited.
    expect(
      await app.sql(
        `SELECT count(*)::int AS n FROM audit_entry WHERE target_id = $1 AND action = 'referral.reason.read'`,
        [id],
      ),
    ).toEqual(before);
  });

  it('with the reason and the name shared: both in, and the reason’s read audited', async () => {
    const id = await referral(STATES.scheduled.row, undefined, [
      'reason_with_service',
      'name_with_service',
    ]);
    const bundle = await bundleOf(staffA, id);
    expect(fhirErrors('Bundle', bundle)).toEqual([]);
    const [request, , patient] = bundle.entry.map((e) => e.resource);
    expect(request.reasonCode).toEqual([{ text: CANARY }]);
    expect(patient.name).toEqual([{ text: ALIAS }]);
    const reads = await app.sql<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_entry WHERE target_id = $1 AND action = 'referral.reason.read'`,
      [id],
    );
    expect(reads).toEqual([{ actor_id: staffA.userId, detail: 'fhir-export' }]);
    // Ids and purpose only: the reason itself is in no audit row.
    const leaked = await app.sql(`SELECT id FROM audit_entry WHERE detail LIKE '%' || $1 || '%'`, [
      CANARY,
    ]);
    expect(leaked).toEqual([]);
  });

  it('the Patient is pseudonymous: the referral’s id under our system, no resident id', async () => {
    const id = ids.get('sent')!;
    const patient = (await bundleOf(healthWorker, id)).entry[2].resource;
    expect(patient.identifier).toEqual([
      { system: 'https://albergue.example.org/fhir/sid/referral-subject', value: id },
    ]);
    // (No languages on this row: no communication either.)
    expect(Object.keys(patient).sort()).toEqual(['extension', 'id', 'identifier', 'resourceType']);
    expect(patient.extension).toEqual([
      {
        url: 'https://albergue.example.org/fhir/StructureDefinition/age-bracket',
        valueCode: '30-59',
      },
    ]);
  });

  it('a registered resident’s referral carries neither the resident’s id nor their record', async () => {
    const registered = await coordinator.gql<{
      registerHousehold: { members: { id: string }[] };
    }>(REGISTER, {
      input: householdInput(shelterId, [
        adult('Wilnise Jean-Baptiste', { documents: { passport: 'HT-PASS-42424' } }),
      ]),
    });
    const residentId = registered.data!.registerHousehold.members[0].id;
    const id = await referral({ state: 'sent', residentId }, undefined, ['name_with_service']);
    const text = JSON.stringify(await bundleOf(staffA, id));
    expect(fhirErrors('Bundle', JSON.parse(text))).toEqual([]);
    for (const secret of [residentId, 'Jean-Baptiste', 'HT-PASS-42424', 'HT"']) {
      expect(text).not.toContain(secret);
    }
    // The name shared is the referral's alias, not the resident's name.
    expect(text).toContain(ALIAS);
  });
});
