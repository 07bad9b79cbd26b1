import { type Actor, Role } from '@albergue/common';
import {
  accessOf,
  type ReferralRecord,
  referralView,
  readsName,
  readsReason,
  readsServiceNote,
  readsSexAtBirth,
  referralEventView,
  shortReference,
} from './referral-view.mapper.js';
import type { ReferralEvent } from './referral-event.entity.js';
import { OPEN_REASON, OPEN_SEX_AT_BIRTH, ReferralAccess } from './referral.views.js';
import {
  ReferralBasis,
  ReferralCategory,
  ReferralShare,
  ReferralState,
  ReferralUrgency,
} from './referrals.enums.js';

const actor = (memberships: [string, Role][] = [], services: string[] = []): Actor =>
  ({
    userId: 'u',
    sessionId: 's',
    networkRole: null,
    memberships: new Map(memberships),
    services: new Set(services),
  }) as Actor;

const record = (over: Partial<ReferralRecord> = {}): ReferralRecord =>
  ({
    id: 'r1',
    version: 3,
    residentId: 'res-1',
    aliasSealed: 'sealed:alias',
    ageBracket: '30-59',
    sexAtBirthSealed: null,
    languages: ['ht'],
    population: 'women',
    fromShelterId: 'shelter-a',
    shelterId: 'shelter-a',
    fieldVisit: false,
    serviceId: 'clinic-a',
    serviceName: 'Clínica A',
    category: ReferralCategory.VIOLENCE,
    urgency: ReferralUrgency.URGENT,
    state: ReferralState.SCHEDULED,
    reasonSealed: 'sealed:reason',
    interpreterLanguage: 'ht',
    needsEscort: true,
    needsTransport: false,
    basis: ReferralBasis.CONSENT,
    basisBy: 'hw-1',
    consentLanguage: 'ht',
    shares: [],
    capacityOverride: null,
    sentAt: new Date('2026-11-01T10:00:00Z'),
    answerDueAt: new Date('2026-11-02T10:00:00Z'),
    overdueAt: null,
    answeredAt: new Date('2026-11-01T12:00:00Z'),
    rejectReason: null,
    scheduledFor: new Date('2026-11-03T09:00:00Z'),
    placeSealed: 'sealed:place',
    outcome: null,
    notCompletedReason: null,
    noteSealed: 'sealed:note',
    completedAt: null,
    closedAt: null,
    createdBy: 'hw-1',
    createdAt: new Date('2026-11-01T09:00:00Z'),
    updatedAt: new Date('2026-11-01T12:00:00Z'),
    ...over,
  }) as ReferralRecord;

const opened: string[] = [];
const open = (field: string, sealed: string | null) => {
  opened.push(field);
  return sealed ? `open(${field})` : null;
};

beforeEach(() => {
  opened.length = 0;
});

describe('accessOf', () => {
  const r = record();
  it.each([
    [
      'a health worker of the following shelter',
      actor([['shelter-a', Role.HEALTH_WORKER]]),
      ReferralAccess.HEALTH,
    ],
    ['staff of its service', actor([], ['clinic-a']), ReferralAccess.SERVICE],
    ['staff of another service', actor([], ['clinic-b']), null],
    [
      'a coordinator of the shelter',
      actor([['shelter-a', Role.COORDINATOR]]),
      ReferralAccess.STATE,
    ],
    ['a volunteer (escort needed)', actor([['shelter-a', Role.VOLUNTEER]]), ReferralAccess.ESCORT],
    ['a health worker of another shelter', actor([['shelter-b', Role.HEALTH_WORKER]]), null],
  ])('%s', (_who, caller, expected) => {
    expect(accessOf(caller, r)).toBe(expected);
  });

  it('the service does not see a draft', () => {
    expect(accessOf(actor([], ['clinic-a']), record({ state: ReferralState.DRAFT }))).toBeNull();
  });

  it('a volunteer sees nothing of a referral without an escort', () => {
    expect(
      accessOf(actor([['shelter-a', Role.VOLUNTEER]]), record({ needsEscort: false })),
    ).toBeNull();
  });

  it('the shelter the person left counts when the caller passes it', () => {
    const moved = record({ shelterId: 'shelter-b' });
    const hw = actor([['shelter-a', Role.HEALTH_WORKER]]);
    expect(accessOf(hw, moved)).toBeNull();
    expect(accessOf(hw, moved, ['shelter-b', 'shelter-a'])).toBe(ReferralAccess.HEALTH);
  });
});

describe('referralView', () => {
  it('health workers read everything, the reason included', () => {
    const view = referralView(record(), ReferralAccess.HEALTH, open);
    // The reason is opened only when asked for (the `reason` field), not by making the view.
    expect(opened).not.toContain('referral.reason');
    expect(view[OPEN_REASON]?.()).toBe('open(referral.reason)');
    expect(view).toMatchObject({
      residentId: 'res-1',
      category: ReferralCategory.VIOLENCE,
      alias: 'open(referral.alias)',
      basisBy: 'hw-1',
      // A scheduled referral: the service never said how it went, or the referrer cancels it.
      overrideTargets: [
        ReferralState.COMPLETED,
        ReferralState.NOT_COMPLETED,
        ReferralState.CANCELLED,
      ],
    });
    expect(
      referralView(record({ state: ReferralState.CLOSED }), ReferralAccess.HEALTH, open)
        .overrideTargets,
    ).toEqual([]);
  });

  it('service staff never read the resident id, and the reason only when shared', () => {
    const unshared = referralView(record(), ReferralAccess.SERVICE, open);
    expect(unshared).toMatchObject({ residentId: null, reasonShared: false });
    expect(unshared[OPEN_REASON]).toBeUndefined();
    expect(opened).not.toContain('referral.reason');
    expect(readsReason(ReferralAccess.SERVICE, record())).toBe(false);
    const shared = referralView(
      record({ shares: [ReferralShare.REASON_WITH_SERVICE] }),
      ReferralAccess.SERVICE,
      open,
    );
    expect(shared).toMatchObject({ residentId: null, reasonShared: true });
    expect(opened).not.toContain('referral.reason');
    expect(shared[OPEN_REASON]?.()).toBe('open(referral.reason)');
    // The name is a share of its own: without NAME_WITH_SERVICE, the short reference only.
    expect(shared).toMatchObject({ alias: null, reference: 'r1' });
    const named = referralView(
      record({ shares: [ReferralShare.NAME_WITH_SERVICE] }),
      ReferralAccess.SERVICE,
      open,
    );
    expect(named.alias).toBe('open(referral.alias)');
  });

  it('coordinators read state and dates, never reason, category or service', () => {
    const view = referralView(
      record({ shares: [ReferralShare.REASON_WITH_SERVICE] }),
      ReferralAccess.STATE,
      open,
    );
    expect(view).toMatchObject({ state: ReferralState.SCHEDULED, residentId: 'res-1' });
    expect(view[OPEN_REASON]).toBeUndefined();
    expect(view[OPEN_SEX_AT_BIRTH]).toBeUndefined();
    for (const hidden of [
      'category',
      'serviceId',
      'serviceName',
      'alias',
      'note',
      'place',
      'outcome',
      'overrideTargets',
    ] as const) {
      expect(view[hidden]).toBeNull();
    }
    expect(opened).toEqual([]);
  });

  it('escort volunteers read when and where only', () => {
    const view = referralView(record(), ReferralAccess.ESCORT, open);
    const shown = Object.entries(view)
      .filter(([, value]) => value !== null)
      .map(([key]) => key)
      .sort();
    expect(shown).toEqual([
      'access',
      'bedNotAffected',
      'id',
      'needsEscort',
      'place',
      'reference',
      'scheduledFor',
      'version',
    ]);
    expect(opened).toEqual(['referral.place']);
  });

  it('sex at birth is opened only when asked for, by health workers and the service only', () => {
    const met = record({ residentId: null, sexAtBirthSealed: 'sealed:sex' });
    for (const access of [ReferralAccess.HEALTH, ReferralAccess.SERVICE]) {
      const view = referralView(met, access, open);
      // Making the view (a list row) opens nothing: only the `sexAtBirth` field does.
      expect(opened).not.toContain('referral.sexAtBirth');
      expect(view).not.toHaveProperty('sexAtBirth');
      expect(view[OPEN_SEX_AT_BIRTH]?.()).toBe('open(referral.sexAtBirth)');
      expect(opened.filter((field) => field === 'referral.sexAtBirth')).toHaveLength(1);
      opened.length = 0;
    }
    // A registered resident: nothing sealed, nothing to read.
    expect(referralView(record(), ReferralAccess.HEALTH, open)[OPEN_SEX_AT_BIRTH]?.()).toBeNull();
    opened.length = 0;
    for (const access of [ReferralAccess.STATE, ReferralAccess.ESCORT]) {
      expect(referralView(met, access, open)[OPEN_SEX_AT_BIRTH]).toBeUndefined();
    }
    expect(opened).not.toContain('referral.sexAtBirth');
  });

  it('an emergency says what to do now', () => {
    const view = referralView(
      record({ urgency: ReferralUrgency.EMERGENCY }),
      ReferralAccess.HEALTH,
      open,
    );
    expect(view.emergencyInstruction).toMatch(/911/);
  });
});

describe('consent shares, one decision for views and the FHIR export', () => {
  const A = ReferralAccess;
  const with_ = (...shares: ReferralShare[]) => ({ shares });

  it('the name reaches the service only with NAME_WITH_SERVICE', () => {
    expect(readsName(A.HEALTH, with_())).toBe(true);
    expect(readsName(A.SERVICE, with_())).toBe(false);
    expect(readsName(A.SERVICE, with_(ReferralShare.NAME_WITH_SERVICE))).toBe(true);
    expect(readsName(A.STATE, with_(ReferralShare.NAME_WITH_SERVICE))).toBe(false);
    expect(shortReference('0123456789abcdef')).toBe('01234567');
  });

  it("the service's words reach the shelter only with OUTCOME_WITH_SHELTER", () => {
    expect(readsServiceNote(A.SERVICE, with_())).toBe(true);
    expect(readsServiceNote(A.HEALTH, with_())).toBe(false);
    expect(readsServiceNote(A.HEALTH, with_(ReferralShare.OUTCOME_WITH_SHELTER))).toBe(true);
    expect(readsServiceNote(A.STATE, with_(ReferralShare.OUTCOME_WITH_SHELTER))).toBe(false);
  });

  it('sex at birth for health workers and the service only', () => {
    expect([A.HEALTH, A.SERVICE, A.STATE, A.ESCORT].map(readsSexAtBirth)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('referralEventView', () => {
  const event = {
    id: 'e1',
    referralId: 'r1',
    fromState: ReferralState.SENT,
    toState: ReferralState.CANCELLED,
    detail: 'override',
    noteSealed: 'sealed:note',
    byUserId: 'hw-1',
    at: new Date('2026-11-01T12:00:00Z'),
  } as ReferralEvent;

  it('health workers read who by name, the detail and the note', () => {
    expect(referralEventView(event, ReferralAccess.HEALTH, open, 'Ana')).toMatchObject({
      byName: 'Ana',
      detail: 'override',
      note: 'open(referral_event.note)',
    });
  });

  it('coordinators read states and dates: no name, detail or note', () => {
    expect(referralEventView(event, ReferralAccess.STATE, open, 'Ana')).toMatchObject({
      byName: null,
      detail: null,
      note: null,
      fromState: ReferralState.SENT,
      toState: ReferralState.CANCELLED,
    });
  });
});
