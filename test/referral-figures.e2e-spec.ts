import { healthServiceRow, type ReferralRow, referralRow } from './factories/referral.factory.js';
import { shelterFor } from './factories/shelter.factory.js';
import { networkUser, type Person, serviceStaffAt, staffAt } from './factories/staff.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

const FIGURES = `query($from: String!, $to: String!, $s: ID, $v: ID) {
  referralFigures(from: $from, to: $to, shelterId: $s, serviceId: $v) {
    total { key count suppressed }
    byCategory { key count suppressed }
    byUrgency { key count suppressed }
    byService { key count suppressed }
    byOutcome { key count suppressed }
    timeToAcceptance { referrals { count suppressed } medianHours p90Hours suppressed }
    timeToCompletion { referrals { count suppressed } medianHours p90Hours suppressed }
    noShowRate { rate suppressed }
  }
}`;
const CSV = `query($from: String!, $to: String!, $s: ID, $v: ID) {
  referralFiguresCsv(from: $from, to: $to, shelterId: $s, serviceId: $v)
}`;
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const HOUR = 3_600_000;

interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
}

describe('Referral figures for health teams (e2e)', () => {
  let app: TestApp;
  let shelterId: string;
  let bigClinic: string;
  let smallClinic: string;
  let healthWorker: Person;
  let coordinator: Person;
  let volunteer: Person;
  let smallStaff: Person;
  let network: Person;

  const figures = async (who: Person, variables: Record<string, unknown>) => {
    const result = await who.gql<{ referralFigures: Record<string, unknown> }>(FIGURES, {
      ...OCTOBER,
      ...variables,
    });
    if (!result.data) {
      throw new Error(JSON.stringify(result.errors));
    }
    return result.data.referralFigures as {
      total: Cell;
      byCategory: Cell[];
      byUrgency: Cell[];
      byService: Cell[];
      byOutcome: Cell[];
      timeToAcceptance: {
        medianHours: number | null;
        p90Hours: number | null;
        suppressed: boolean;
      };
      timeToCompletion: {
        medianHours: number | null;
        p90Hours: number | null;
        suppressed: boolean;
      };
      noShowRate: { rate: number | null; suppressed: boolean };
    };
  };

  beforeAll(async () => {
    app = await startTestApp();
    shelterId = await shelterFor(app);
    bigClinic = await healthServiceRow(app, { name: 'Clínica Grande' });
    smallClinic = await healthServiceRow(app, { name: 'Clínica Pequeña' });
    healthWorker = await staffAt(app, { role: 'HEALTH_WORKER', shelterId });
    coordinator = await staffAt(app, { role: 'COORDINATOR', shelterId });
    volunteer = await staffAt(app, { role: 'VOLUNTEER', shelterId });
    smallStaff = await serviceStaffAt(app, smallClinic);
    network = await networkUser(app, 'NETWORK_COORDINATOR');
    const sent = new Date('2026-10-10T16:00:00Z');
    const row = (r: Partial<ReferralRow>) =>
      referralRow(app, {
        shelterId,
        serviceId: bigClinic,
        createdBy: healthWorker.userId,
        sentAt: sent,
        ...r,
      });
    // Six accepted by the big clinic, 2, 4 … 12 hours after they were sent: median 7 h, p90 11 h.
    for (const hours of [2, 4, 6, 8, 10, 12]) {
      await row({
        state: 'scheduled',
        category: 'injury',
        urgency: 'urgent',
        answeredAt: new Date(sent.getTime() + hours * HOUR),
        scheduledFor: new Date(sent.getTime() + 48 * HOUR),
      });
    }
    // Five sent, unanswered.
    for (let i = 0; i < 5; i += 1) {
      await row({ state: 'sent', category: 'acute_illness' });
    }
    // Two to the small clinic, for violence: a small cell (of a sensitive category).
    for (let i = 0; i < 2; i += 1) {
      await row({ serviceId: smallClinic, category: 'violence', state: 'sent' });
    }
    // Outside the period: the evening of 30 September in Mexico City is 1 October in UTC.
    await row({ sentAt: new Date('2026-10-01T03:00:00Z'), category: 'dental' });
    // A draft never counts.
    await row({ state: 'draft', category: 'dental' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('a shelter’s health worker and coordinator: small cells pooled, counts rounded to 5', async () => {
    for (const who of [healthWorker, coordinator]) {
      const f = await figures(who, { s: shelterId });
      // 13 referrals in October (in TIME_ZONE), drafts and the day before left out.
      expect(f.total).toEqual({ key: 'total', count: 15, suppressed: false });
      // 2 (violence) < 5: pooled with the next smallest (5, acute illness) into POOLED.
      expect(f.byCategory).toEqual([
        { key: 'INJURY', count: 5, suppressed: false },
        { key: 'POOLED', count: 5, suppressed: false },
      ]);
      // 2 (small clinic) < 5: the big clinic's 11 join them, so that 13 - 11 recovers nothing.
      expect(f.byService).toEqual([{ key: 'POOLED', count: 15, suppressed: false }]);
      expect(JSON.stringify(f)).not.toMatch(/VIOLENCE|DENTAL|Pequeña/);
      for (const cell of [f.total, ...f.byCategory, ...f.byUrgency, ...f.byOutcome]) {
        expect(cell.count === null || cell.count % 5 === 0).toBe(true);
      }
      expect(f.timeToAcceptance).toMatchObject({ medianHours: 7, p90Hours: 11, suppressed: false });
      expect(f.timeToCompletion).toMatchObject({
        medianHours: null,
        p90Hours: null,
        suppressed: true,
      });
      expect(f.noShowRate).toEqual({ rate: null, suppressed: true });
    }
  });

  it('the CSV has the same pooled cells', async () => {
    const result = await healthWorker.gql<{ referralFiguresCsv: string }>(CSV, {
      ...OCTOBER,
      s: shelterId,
    });
    const csv = result.data!.referralFiguresCsv;
    expect(csv.split('\n')[0]).toBe('section,key,value,suppressed');
    expect(csv).toContain('"byCategory","INJURY",5,"false"');
    expect(csv).toContain('"byService","POOLED",15,"false"');
    expect(csv).toContain('"timeToAcceptance","medianHours",7,"false"');
    expect(csv).not.toMatch(/violence|VIOLENCE|Pequeña/);
  });

  it('a service’s staff: their service only, and under 5 nothing but that it is small', async () => {
    const f = await figures(smallStaff, { v: smallClinic });
    expect(f.total).toEqual({ key: 'total', count: null, suppressed: true });
    expect(JSON.stringify(f)).not.toContain('VIOLENCE');
    const refused = await smallStaff.gql(FIGURES, { ...OCTOBER, v: bigClinic });
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the network for network roles; a shelter’s roles only with their shelter, a volunteer never', async () => {
    expect((await figures(network, {})).total.count).toBe(15);
    for (const who of [healthWorker, coordinator]) {
      const result = await who.gql(FIGURES, OCTOBER);
      expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const result = await volunteer.gql(FIGURES, { ...OCTOBER, s: shelterId });
    expect(result.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a period backwards or longer than a year, naming the field', async () => {
    const result = await network.gql(FIGURES, { from: '2026-10-31', to: '2026-10-01' });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERIOD_INVALID',
      fields: ['to'],
    });
  });
});
