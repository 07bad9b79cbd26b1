import { randomUUID } from 'node:crypto';
import { FreeTextSealing, ResidentLifecycleService } from '@albergue/residents';
import { FieldCipher, KeyRotationService, newKey, parseKeyring } from '@albergue/vault';
import { adult, householdInput, REGISTER, RESIDENT_FIELDS } from './factories/resident.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, staffAt } from './factories/staff.factory.js';
import { captureLogs } from './helpers/log-capture.js';
import { workplaces } from './helpers/staff.js';
import {
  type SignedIn,
  startTestApp,
  TEST_RESIDENT_KEY,
  type TestApp,
} from './helpers/test-app.js';

interface Resident {
  id: string;
  name: string | null;
  minor: boolean;
  guardianId: string | null;
  unaccompanied: boolean | null;
  vulnerabilities: string[];
  childProtection: { authority: string } | null;
  documents: { comarFolio: string | null; passport: string | null };
  legalBasis: { basis: string; withdrawalOutcome: string | null };
  caseStatus: string;
  asylumStatus: string;
  anonymised: boolean;
  currentShelterId: string;
}
type Household = { id: string; headId: string; members: Resident[] };

/** Names and folios seeded by this spec: none may appear in a log line or in the raw tables. */
const SEEDED = [
  'Jean-Baptiste Dorival',
  'Mirlande Dorival',
  'Ti Jak Dorival',
  'Nadège Pierre',
  'HT-FOLIO-778812',
  'PASS-91919',
  '5587654321',
];

describe('Residents, households and the asylum track (e2e)', () => {
  // These tests share one world, made in beforeAll: shelters A and B (the coordinator works at
  // both, the volunteer at A), an outsider coordinating shelter C, and the Dorival family
  // registered at A. They run in order: the family's track, appointments, anonymisation and
  // erasure each follow from what the tests before did to them.
  let app: TestApp;
  let logLines: string[];
  let coordinator: SignedIn;
  let volunteer: SignedIn;
  let network: SignedIn;
  let outsider: SignedIn;
  let shelterA: string;
  let shelterB: string;
  let family: Household;

  const register = async (client: SignedIn, input: Record<string, unknown>) => {
    const result = await client.gql<{ registerHousehold: Household }>(REGISTER, { input });
    return result;
  };
  const readAs = async (client: SignedIn, id: string) =>
    (
      await client.gql<{ resident: Resident }>(
        `query($id: ID!) { resident(id: $id) { ${RESIDENT_FIELDS} } }`,
        { id },
      )
    ).data?.resident;
  const audits = async (residentId: string) =>
    (
      await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'resident.read' AND target_id = $1`,
        [residentId],
      )
    )[0].n;

  beforeAll(async () => {
    const logs = captureLogs('debug');
    logLines = logs.lines;
    app = await startTestApp({}, logs.logger);
    shelterA = await shelterFor(app, { name: 'Albergue A', populations: ['MEN'] });
    shelterB = await shelterFor(app, { name: 'Albergue B', populations: ['WOMEN', 'FAMILIES'] });
    const shelterC = await shelterFor(app, { name: 'Albergue C' });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterIds: [shelterA, shelterB] });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId: shelterA });
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    outsider = await staffAt(app, { role: 'COORDINATOR', shelterId: shelterC });

    const result = await register(
      volunteer,
      householdInput(shelterA, [
        adult('Jean-Baptiste Dorival', {
          phone: '5587654321',
          notes: 'Llegó con fiebre',
          documents: { comarFolio: 'HT-FOLIO-778812', passport: 'PASS-91919' },
          vulnerabilities: ['CHRONIC_ILLNESS', 'SURVIVOR_OF_VIOLENCE'],
        }),
        adult('Mirlande Dorival', { birthYear: 1990 }),
        adult('Ti Jak Dorival', { birthYear: new Date().getUTCFullYear() - 6, guardianIndex: 1 }),
      ]),
    );
    expect(result.errors).toBeUndefined();
    family = result.data!.registerHousehold;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('registration', () => {
    it('registers a household at the gate with its legal basis, a child linked to a guardian', () => {
      expect(family.members).toHaveLength(3);
      const [head, mother, child] = family.members;
      expect(family.headId).toBe(head.id);
      expect(child).toMatchObject({
        minor: true,
        guardianId: mother.id,
        currentShelterId: shelterA,
        caseStatus: 'OPEN',
        asylumStatus: 'NOT_STARTED',
      });
      expect(head.legalBasis.basis).toBe('CONSENT');
      expect(head.documents.comarFolio).toBe('HT-FOLIO-778812');
    });

    it('keeps no plaintext name, folio, passport or phone in the database', async () => {
      const rows = await app.sql<Record<string, unknown>>('SELECT * FROM resident');
      const events = await app.sql<Record<string, unknown>>('SELECT * FROM resident_event');
      const raw = JSON.stringify([rows, events]);
      for (const secret of SEEDED) {
        expect(raw).not.toContain(secret);
      }
      expect(raw.toUpperCase()).not.toContain('DORIVAL');
      expect(rows[0].name_sealed).toMatch(/^v1:[0-9a-f]{12}:/);
    });

    it('does not register a family twice when the request is retried', async () => {
      const input = householdInput(shelterA, [adult('Nadège Pierre')]);
      const [first, second] = await Promise.all([
        register(volunteer, input),
        register(volunteer, input),
      ]);
      expect(first.data!.registerHousehold.id).toBe(second.data!.registerHousehold.id);
    });

    it('remembers a request by a keyed hash of its input, not a plain one', async () => {
      const input = householdInput(shelterA, [adult('Rose-Merline Joseph')]);
      expect((await register(volunteer, input)).errors).toBeUndefined();
      const [row] = await app.sql<{ payload_hash: string }>(
        'SELECT payload_hash FROM request_log WHERE request_id = $1',
        [input.requestId],
      );
      // An HMAC-SHA-256 (base64url), not the hex SHA-256 that a copy of the database and a
      // guessed name and birth year would confirm.
      expect(row.payload_hash).toMatch(/^[\w-]{43}$/);
    });

    it.each([
      [
        'a minor whose guardianIndex is null',
        [adult('X', { birthYear: new Date().getUTCFullYear() - 10, guardianIndex: null })],
        {},
        'GUARDIAN_REQUIRED',
        'input.members.0.guardianIndex',
      ],
      [
        'a minor without a guardian',
        [adult('X', { birthYear: new Date().getUTCFullYear() - 10 })],
        {},
        'GUARDIAN_REQUIRED',
        'input.members.0.guardianIndex',
      ],
      [
        'an unaccompanied minor without follow-up',
        [adult('X', { birthYear: new Date().getUTCFullYear() - 16, unaccompanied: true })],
        { legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' } },
        'CHILD_PROTECTION_REQUIRED',
        'input.members.0.childProtection',
      ],
      [
        'consent that is a condition of a bed',
        [adult('X')],
        { legalBasis: { basis: 'CONSENT', explainedIn: 'ht' } },
        'CONSENT_NOT_FREE',
        'input.legalBasis.consentIndependentOfService',
      ],
      [
        'a future birth year',
        [adult('X', { birthYear: new Date().getUTCFullYear() + 1 })],
        {},
        'INVALID_INPUT',
        'input.members.0.birthYear',
      ],
      [
        'a folio of the wrong form',
        [adult('X', { documents: { comarFolio: 'bad folio!' } })],
        {},
        'INVALID_INPUT',
        'input.members.0.documents.comarFolio',
      ],
      [
        'an oversized note',
        [adult('X', { notes: 'n'.repeat(2001) })],
        {},
        'INVALID_INPUT',
        'input.members.0.notes',
      ],
    ])(
      'refuses %s with BAD_USER_INPUT naming the field, registering nobody',
      async (_case, members, overrides, reason, field) => {
        const before = (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0]
          .n;
        const result = await register(volunteer, householdInput(shelterA, members, overrides));
        expect(result.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason,
          fields: [field],
        });
        expect((await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM resident'))[0].n).toBe(
          before,
        );
      },
    );

    it('registers an unaccompanied minor with the follow-up, shown to coordinators only', async () => {
      const result = await register(
        volunteer,
        householdInput(
          shelterA,
          [
            adult('Menor Solo', {
              birthYear: new Date().getUTCFullYear() - 15,
              unaccompanied: true,
              childProtection: { authority: 'DIF CDMX', notifiedOn: '2026-11-20' },
            }),
          ],
          {
            legalBasis: { basis: 'VITAL_INTEREST', explainedIn: 'es' },
          },
        ),
      );
      const minor = result.data!.registerHousehold.members[0];
      expect(minor).toMatchObject({ unaccompanied: null, childProtection: null });
      const seen = await readAs(coordinator, minor.id);
      expect(seen).toMatchObject({
        unaccompanied: true,
        childProtection: { authority: 'DIF CDMX' },
      });
    });
  });

  describe('access', () => {
    it('shows each role only the flags it needs, and audits each read with one row', async () => {
      const head = family.members[0];
      const before = await audits(head.id);
      expect((await readAs(volunteer, head.id))!.vulnerabilities).toEqual(['CHRONIC_ILLNESS']);
      expect((await readAs(coordinator, head.id))!.vulnerabilities).toEqual([
        'CHRONIC_ILLNESS',
        'SURVIVOR_OF_VIOLENCE',
      ]);
      expect(await audits(head.id)).toBe(before + 2);
      const list = await volunteer.gql<{ residentsOf: Resident[] }>(
        'query($s: ID!) { residentsOf(shelterId: $s) { id } }',
        { s: shelterA },
      );
      expect(list.data!.residentsOf.map((r) => r.id)).toEqual(
        expect.arrayContaining(family.members.map((m) => m.id)),
      );
      expect(await audits(head.id)).toBe(before + 3);
      // Only the people asked for (a bed board's holders), each read audited as in the list.
      const some = await volunteer.gql<{ residentsOf: Resident[] }>(
        'query($s: ID!, $ids: [ID!]) { residentsOf(shelterId: $s, ids: $ids) { id } }',
        { s: shelterA, ids: [head.id] },
      );
      expect(some.data!.residentsOf.map((r) => r.id)).toEqual([head.id]);
      expect(await audits(head.id)).toBe(before + 4);
    });

    it("another shelter's coordinator sees nothing of them, by id, list or search", async () => {
      const byId = await outsider.gql(`query($id: ID!) { resident(id: $id) { id } }`, {
        id: family.members[0].id,
      });
      expect(byId.errors![0].extensions.code).toBe('FORBIDDEN');
      const [own] = await workplaces(outsider);
      const search = await outsider.gql<{ searchResidents: unknown[] }>(
        'query($s: ID!) { searchResidents(shelterId: $s, comarFolio: "HT-FOLIO-778812") { id } }',
        { s: own },
      );
      expect(search.data!.searchResidents).toEqual([]);
      const list = await outsider.gql<{ residentsOf: unknown[] }>(
        'query($s: ID!) { residentsOf(shelterId: $s) { id } }',
        { s: own },
      );
      expect(list.data!.residentsOf).toEqual([]);
      // Naming them by id from their own shelter changes nothing.
      const named = await outsider.gql<{ residentsOf: unknown[] }>(
        'query($s: ID!, $ids: [ID!]) { residentsOf(shelterId: $s, ids: $ids) { id } }',
        { s: own, ids: family.members.map((m) => m.id) },
      );
      expect(named.data!.residentsOf).toEqual([]);
    });

    it('finds people by exact folio, document, or name with birth year, through keyed hashes', async () => {
      const find = async (args: string) =>
        (
          await volunteer.gql<{ searchResidents: Resident[] }>(
            `query($s: ID!) { searchResidents(shelterId: $s, ${args}) { id } }`,
            { s: shelterA },
          )
        ).data!.searchResidents.map((r) => r.id);
      const head = family.members[0].id;
      expect(await find('comarFolio: "ht-folio-778812"')).toEqual([head]);
      expect(await find('document: "pass 91919"')).toEqual([head]);
      expect(await find('name: "JEAN BAPTISTE DORIVAL", birthYear: 1988')).toEqual([head]);
      expect(await find('name: "Jean-Baptiste Dorival", birthYear: 1987')).toEqual([]);
    });

    it('staff of the shelter a person left keep access for the configured window only', async () => {
      const id = family.members[1].id;
      await app.sql(
        `UPDATE resident SET previous_shelter_id = current_shelter_id, current_shelter_id = $2, left_previous_at = now() - interval '1 day' WHERE id = $1`,
        [id, shelterB],
      );
      expect(await readAs(volunteer, id)).toBeDefined();
      await app.sql(
        `UPDATE resident SET left_previous_at = now() - interval '8 days' WHERE id = $1`,
        [id],
      );
      expect(await readAs(volunteer, id)).toBeUndefined();
      await app.sql(
        `UPDATE resident SET current_shelter_id = previous_shelter_id, previous_shelter_id = NULL, left_previous_at = NULL WHERE id = $1`,
        [id],
      );
    });

    it('gives network coordinators aggregates only, with small cells suppressed', async () => {
      const result = await network.gql<{
        residentAggregates: {
          total: { count: number | null };
          byNationality: { key: string; count: number | null; suppressed: boolean }[];
          byCaseStatus: { key: string }[];
        };
      }>(
        '{ residentAggregates { total { count suppressed } byNationality { key count suppressed } byCaseStatus { key count } } }',
      );
      const { total, byNationality, byCaseStatus } = result.data!.residentAggregates;
      // Keys as the schema names the statuses (OPEN, not the stored `open`).
      expect(byCaseStatus.length).toBeGreaterThan(0);
      expect(
        byCaseStatus.every((cell) =>
          [
            'OPEN',
            'DEPARTED',
            'TRANSFERRED',
            'DISAPPEARED',
            'DEPORTED',
            'RETURNED',
            'DECEASED',
            'OTHER',
          ].includes(cell.key),
        ),
      ).toBe(true);
      expect(total.count).toBeGreaterThanOrEqual(5);
      expect(total.count! % 5).toBe(0);
      // Small groups are pooled into OTHER, keys and all; every count shown is a multiple of 5.
      expect(
        byNationality.every((cell) =>
          cell.suppressed ? cell.count === null : cell.count! >= 5 && cell.count! % 5 === 0,
        ),
      ).toBe(true);
      expect(
        byNationality.filter((cell) => cell.suppressed).every((cell) => cell.key === 'OTHER'),
      ).toBe(true);
      expect(
        (
          await network.gql(`query($id: ID!) { resident(id: $id) { id } }`, {
            id: family.members[0].id,
          })
        ).errors![0].extensions.code,
      ).toBe('FORBIDDEN');
    });
  });

  describe('asylum track and appointments', () => {
    const change = (client: SignedIn, input: Record<string, unknown>) =>
      client.gql<{ changeAsylumStatus: Resident }>(
        `mutation($input: ChangeAsylumStatusInput!) { changeAsylumStatus(input: $input) { ${RESIDENT_FIELDS} } }`,
        { input },
      );

    it('moves along allowed steps, refuses others without an override, and keeps the history', async () => {
      const id = family.members[0].id;
      expect(
        (
          await change(coordinator, {
            residentId: id,
            status: 'PRE_REGISTERED',
            office: 'COMAR CDMX',
          })
        ).data!.changeAsylumStatus.asylumStatus,
      ).toBe('PRE_REGISTERED');
      const skip = await change(coordinator, { residentId: id, status: 'RECOGNISED' });
      expect(skip.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TRANSITION_NOT_ALLOWED',
        fields: ['input.status'],
      });
      const noReason = await change(coordinator, {
        residentId: id,
        status: 'APPLICATION_FILED',
        override: true,
      });
      expect(noReason.errors![0].extensions.reason).toBe('REASON_REQUIRED');
      const unknown = await change(coordinator, { residentId: id, status: 'TELEPORTED' });
      expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const forced = await change(coordinator, {
        residentId: id,
        status: 'APPLICATION_FILED',
        override: true,
        reason: 'Filed at the Tapachula office before arriving',
        caseNumber: 'CASE-5521',
      });
      expect(forced.data!.changeAsylumStatus).toMatchObject({ asylumStatus: 'APPLICATION_FILED' });
      const history = await coordinator.gql<{
        residentHistory: {
          kind: string;
          from: string;
          to: string;
          override: boolean;
          reason: string | null;
          byUserId: string;
        }[];
      }>(
        'query($id: ID!) { residentHistory(residentId: $id) { kind from to override reason byUserId } }',
        { id },
      );
      const asylum = history.data!.residentHistory.filter((e) => e.kind === 'ASYLUM');
      // The API's enum names, as changeAsylumStatus takes them (not the stored values).
      expect(asylum.map((e) => [e.from, e.to, e.override])).toEqual([
        ['NOT_STARTED', 'PRE_REGISTERED', false],
        ['PRE_REGISTERED', 'APPLICATION_FILED', true],
      ]);
      expect(asylum[1]).toMatchObject({
        reason: 'Filed at the Tapachula office before arriving',
        byUserId: coordinator.userId,
      });
      expect(
        (await change(volunteer, { residentId: id, status: 'ABANDONED' })).errors![0].extensions
          .code,
      ).toBe('FORBIDDEN');
    });

    it('lists the appointments of the next 48 hours, soonest first', async () => {
      const add = (residentId: string, hours: number, kind = 'COMAR') =>
        volunteer.gql<{ addAppointment: { id: string } }>(
          'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
          {
            input: {
              requestId: randomUUID(),
              residentId,
              kind,
              startsAt: new Date(Date.now() + hours * 3_600_000).toISOString(),
              place: 'COMAR, Versalles 49',
            },
          },
        );
      await add(family.members[1].id, 30, 'INM_TVRH');
      await add(family.members[0].id, 10);
      await add(family.members[0].id, 72);
      const due = await volunteer.gql<{
        appointmentsDue: { residentName: string; kind: string; startsAt: string }[];
      }>('query($s: ID!) { appointmentsDue(shelterId: $s) { residentName kind startsAt } }', {
        s: shelterA,
      });
      const ours = due.data!.appointmentsDue;
      const times = due.data!.appointmentsDue.map((a) => a.startsAt);
      expect(times).toEqual([...times].sort());
      expect(ours.map((a) => [a.residentName, a.kind])).toEqual([
        ['Jean-Baptiste Dorival', 'COMAR'],
        ['Mirlande Dorival', 'INM_TVRH'],
      ]);
    });

    it('seals appointment places and asylum offices, and seals what an older version left plain', async () => {
      const raw = JSON.stringify([
        await app.sql('SELECT place_sealed FROM appointment'),
        await app.sql('SELECT asylum_office_sealed FROM resident'),
        await app.sql('SELECT office_sealed FROM resident_event'),
      ]);
      expect(raw).not.toMatch(/Versalles|COMAR CDMX/);
      // What migration SealFreeText leaves behind: the old plaintext, until the app seals it.
      const [appointment] = await app.sql<{ id: string }>(
        'SELECT id FROM appointment WHERE resident_id = $1 ORDER BY starts_at LIMIT 1',
        [family.members[0].id],
      );
      await app.sql('UPDATE appointment SET place_sealed = $2 WHERE id = $1', [
        appointment.id,
        'COMAR, Versalles 49, con Marisol 5512345678',
      ]);
      expect(await app.app.get(FreeTextSealing).sealPlaintext()).toBe(1);
      expect(await app.app.get(FreeTextSealing).sealPlaintext()).toBe(0);
      const [stored] = await app.sql<{ place_sealed: string }>(
        'SELECT place_sealed FROM appointment WHERE id = $1',
        [appointment.id],
      );
      expect(stored.place_sealed).toMatch(/^v1:[0-9a-f]{12}:/);
      const exported = await coordinator.gql<{ exportResident: string }>(
        'query($id: ID!) { exportResident(id: $id) }',
        { id: family.members[0].id },
      );
      expect(exported.data!.exportResident).toContain('con Marisol 5512345678');
    });
  });

  describe('consent, retention, erasure and subject access', () => {
    it('exports everything on record about a person as JSON', async () => {
      const exported = await coordinator.gql<{ exportResident: string }>(
        'query($id: ID!) { exportResident(id: $id) }',
        { id: family.members[0].id },
      );
      const body = JSON.parse(exported.data!.exportResident) as {
        resident: { name: string };
        history: unknown[];
        appointments: unknown[];
      };
      expect(body.resident.name).toBe('Jean-Baptiste Dorival');
      expect(body.history.length).toBeGreaterThan(2);
      expect(body.appointments).toHaveLength(2);
    });

    it('anonymises closed cases past retention (not those with an appointment to come), and the counts stay', async () => {
      const aggregates = () =>
        coordinator.gql<{ residentAggregates: unknown }>(
          'query($s: ID) { residentAggregates(shelterId: $s) { total { count } byNationality { key count } byCaseStatus { key count } } }',
          { s: shelterA },
        );
      const [head, mother, child] = family.members;
      for (const member of [head, mother, child]) {
        await coordinator.gql(
          'mutation($id: ID!) { setCaseStatus(input: { residentId: $id, status: DEPARTED, reason: "Siguió hacia el norte" }) { id } }',
          { id: member.id },
        );
      }
      await app.sql(
        `UPDATE resident SET case_closed_at = now() - interval '200 days' WHERE id = ANY($1)`,
        [[head.id, mother.id, child.id]],
      );
      const before = (await aggregates()).data;
      const anonymised = await app.app.get(ResidentLifecycleService).anonymiseExpired();
      expect(anonymised).toBe(1); // the child: both adults have an appointment to come
      expect((await aggregates()).data).toEqual(before);
      const child2 = await readAs(coordinator, child.id);
      expect(child2).toMatchObject({ anonymised: true, name: null, guardianId: null });
      expect(await app.app.get(ResidentLifecycleService).anonymiseExpired()).toBe(0);
    });

    it('erases at once on request', async () => {
      const erased = await coordinator.gql<{ eraseResident: Resident }>(
        `mutation($id: ID!) { eraseResident(id: $id) { ${RESIDENT_FIELDS} } }`,
        { id: family.members[0].id },
      );
      expect(erased.data!.eraseResident).toMatchObject({
        anonymised: true,
        name: null,
        phone: null,
        notes: null,
        documents: { comarFolio: null, passport: null },
      });
      const [row] = await app.sql<Record<string, unknown>>(
        'SELECT name_sealed, folio_hash, phone_sealed, nationality FROM resident WHERE id = $1',
        [family.members[0].id],
      );
      expect(row).toEqual({
        name_sealed: null,
        folio_hash: null,
        phone_sealed: null,
        nationality: 'HT',
      });
      // And what its history and appointments sealed about them (the vault's erasure by subject).
      expect(
        await app.sql(
          `SELECT id::text FROM resident_event
            WHERE resident_id = $1 AND coalesce(reason_sealed, office_sealed) IS NOT NULL
           UNION ALL
           SELECT id::text FROM appointment
            WHERE resident_id = $1 AND coalesce(notes_sealed, place_sealed) IS NOT NULL`,
          [family.members[0].id],
        ),
      ).toEqual([]);
      const later = await coordinator.gql(
        'mutation($id: ID!) { setCaseStatus(input: { residentId: $id, status: OPEN, reason: "x" }) { id } }',
        { id: family.members[0].id },
      );
      expect(later.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ANONYMISED' });
      const appointment = await volunteer.gql(
        'mutation($input: AddAppointmentInput!) { addAppointment(input: $input) { id } }',
        {
          input: {
            requestId: randomUUID(),
            residentId: family.members[0].id,
            kind: 'COMAR',
            startsAt: new Date(Date.now() + 3_600_000).toISOString(),
            place: 'COMAR',
          },
        },
      );
      expect(appointment.errors![0].extensions.reason).toBe('ANONYMISED');
      const household = await coordinator.gql<{
        household: { headId: string | null; members: { id: string }[] };
      }>('query($id: ID!) { household(id: $id) { headId members { id } } }', { id: family.id });
      expect(household.data!.household.headId).toBeNull();
      expect(household.data!.household.members.map((m) => m.id)).not.toContain(
        family.members[0].id,
      );
    });

    it('records a withdrawal of consent and what followed', async () => {
      const result = await register(
        volunteer,
        householdInput(shelterA, [adult('Consent Retirado')]),
      );
      const id = result.data!.registerHousehold.members[0].id;
      const withdrawn = await coordinator.gql<{ withdrawConsent: Resident }>(
        `mutation($id: ID!) { withdrawConsent(input: { residentId: $id, outcome: VITAL_INTEREST, reason: "Needs medical follow-up" }) { ${RESIDENT_FIELDS} } }`,
        { id },
      );
      expect(withdrawn.data!.withdrawConsent.legalBasis).toMatchObject({
        basis: 'VITAL_INTEREST',
        withdrawalOutcome: 'VITAL_INTEREST',
      });
      const again = await coordinator.gql(
        `mutation($id: ID!) { withdrawConsent(input: { residentId: $id, outcome: ERASED }) { id } }`,
        { id },
      );
      expect(again.errors![0].extensions.reason).toBe('NOT_CONSENT');
    });
  });

  describe('duplicates', () => {
    it('shows a person registered at two shelters to staff of both, and a coordinator of both merges them', async () => {
      const person = (shelterId: string, extra: Record<string, unknown>) =>
        register(
          coordinator,
          // The second registration is a duplicate on purpose: the staff confirm it as new.
          householdInput(shelterId, [adult('Wilner Joseph', { birthYear: 1979, ...extra })], {
            confirmNew: true,
          }),
        );
      const a = (await person(shelterA, { phone: '5511112222' })).data!.registerHousehold
        .members[0];
      const b = (await person(shelterB, { documents: { comarFolio: 'DUP-FOLIO-001' } })).data!
        .registerHousehold.members[0];
      const found = await coordinator.gql<{
        possibleDuplicates: { residentId: string; otherResidentId: string; matchedOn: string[] }[];
      }>(
        'query($s: ID!) { possibleDuplicates(shelterId: $s) { residentId otherResidentId matchedOn } }',
        { s: shelterA },
      );
      expect(found.data!.possibleDuplicates).toContainEqual({
        residentId: a.id,
        otherResidentId: b.id,
        matchedOn: ['name', 'name-parts'],
      });
      const volunteerView = await volunteer.gql<{ possibleDuplicates: unknown[] }>(
        'query($s: ID!) { possibleDuplicates(shelterId: $s) { residentId } }',
        { s: shelterA },
      );
      expect(volunteerView.data!.possibleDuplicates).toEqual([]);
      const merged = await coordinator.gql(
        'mutation($k: ID!, $m: ID!) { mergeResidents(keepId: $k, mergeId: $m) }',
        { k: a.id, m: b.id },
      );
      expect(merged.errors).toBeUndefined();
      const kept = await readAs(coordinator, a.id);
      expect(kept!.documents.comarFolio).toBe('DUP-FOLIO-001');
      expect(await app.sql('SELECT id FROM resident WHERE id = $1', [b.id])).toHaveLength(0);
      const audit = await app.sql<{ detail: string }>(
        `SELECT detail FROM audit_entry WHERE action = 'resident.merge' AND target_id = $1`,
        [a.id],
      );
      expect(audit).toEqual([{ detail: `merged ${b.id} of shelter ${shelterB}` }]);
    });
    it('two merges of one pair taken the other way round, at once: one merges, the other is told', async () => {
      const person = (shelterId: string) =>
        register(
          coordinator,
          householdInput(shelterId, [adult('Roseline Exantus', { birthYear: 1991 })], {
            confirmNew: true,
          }),
        );
      const a = (await person(shelterA)).data!.registerHousehold.members[0];
      const b = (await person(shelterB)).data!.registerHousehold.members[0];
      const merge = (keep: string, other: string) =>
        coordinator.gql('mutation($k: ID!, $m: ID!) { mergeResidents(keepId: $k, mergeId: $m) }', {
          k: keep,
          m: other,
        });
      const outcomes = await Promise.all([merge(a.id, b.id), merge(b.id, a.id)]);
      const said = outcomes
        .map((outcome) => {
          const extensions = outcome.errors?.[0].extensions;
          return extensions ? `${String(extensions.code)} ${String(extensions.reason)}` : 'OK';
        })
        .sort();
      expect(said).toEqual(['BAD_USER_INPUT NOT_DUPLICATES', 'OK']);
      expect(
        await app.sql('SELECT id FROM resident WHERE id = ANY($1)', [[a.id, b.id]]),
      ).toHaveLength(1);
    });
  });

  describe('keys', () => {
    it('a rotation re-seals every value with the new key, and look-ups and reads still work', async () => {
      const old = parseKeyring(TEST_RESIDENT_KEY);
      const next = parseKeyring(`${TEST_RESIDENT_KEY}\n${newKey().toString('base64')}`);
      const report = await app.app.get(KeyRotationService).rotate(new FieldCipher(next));
      expect(report.keyId).toBe(next.currentId);
      expect(report.rows.resident).toBeGreaterThan(3);
      const sealed = await app.sql<{ v: string }>(
        `SELECT name_sealed AS v FROM resident WHERE name_sealed IS NOT NULL`,
      );
      expect(sealed.every((row) => row.v.startsWith(`v1:${next.currentId}:`))).toBe(true);
      expect(sealed.some((row) => row.v.includes(old.currentId))).toBe(false);
      expect((await readAs(volunteer, family.members[1].id))!.name).toBe('Mirlande Dorival');
      const find = await volunteer.gql<{ searchResidents: { id: string }[] }>(
        'query($s: ID!) { searchResidents(shelterId: $s, name: "Mirlande Dorival", birthYear: 1990) { id } }',
        { s: shelterA },
      );
      expect(find.data!.searchResidents.map((r) => r.id)).toEqual([family.members[1].id]);
      const keys = await app.sql<{ key_id: string }>('SELECT key_id FROM crypto_key');
      expect(keys.map((k) => k.key_id)).toEqual([next.currentId]);
    });
  });

  it('wrote none of the seeded names, folios or phone numbers to the log', () => {
    expect(logLines.length).toBeGreaterThan(50);
    const log = logLines.join('');
    for (const secret of [...SEEDED, 'Wilner', 'DUP-FOLIO-001', 'Tapachula']) {
      expect(log).not.toContain(secret);
    }
  });
});
