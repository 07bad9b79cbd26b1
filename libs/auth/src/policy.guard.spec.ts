import { type Actor, argPath, Role } from '@albergue/common';
import { allows, openDuring, secondFactorOwed } from './policy.guard.js';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  sessionId: 's',
  networkRole: null,
  memberships: new Map([['shelter-a', Role.COORDINATOR]]),
  services: new Set(),
  ...overrides,
});

describe(allows.name, () => {
  const policy = {
    kind: 'roles' as const,
    roles: [Role.ADMIN, Role.COORDINATOR],
    shelterOf: argPath('input.shelterId'),
  };

  it('lets a shelter role act in its own shelter only', () => {
    expect(allows(policy, actor(), ['shelter-a'])).toBe(true);
    expect(allows(policy, actor(), ['shelter-b'])).toBe(false);
    expect(allows(policy, actor(), [])).toBe(false);
  });

  it('lets a listed network role act anywhere, and no other', () => {
    expect(allows(policy, actor({ networkRole: Role.ADMIN, memberships: new Map() }), ['b'])).toBe(
      true,
    );
    expect(
      allows(policy, actor({ networkRole: Role.NETWORK_COORDINATOR, memberships: new Map() }), [
        'b',
      ]),
    ).toBe(false);
  });

  it('refuses a role the policy does not list, even in its own shelter', () => {
    const volunteer = actor({ memberships: new Map([['shelter-a', Role.VOLUNTEER]]) });
    expect(allows(policy, volunteer, ['shelter-a'])).toBe(false);
  });

  it('without shelters to act in, shelter roles are refused', () => {
    expect(allows({ kind: 'roles', roles: [Role.COORDINATOR] }, actor(), [])).toBe(false);
  });

  it('needs the role in any of the shelters, or in all of them for scopeMode all', () => {
    const all = { ...policy, scopeMode: 'all' as const };
    expect(allows(policy, actor(), ['shelter-b', 'shelter-a'])).toBe(true);
    expect(allows(all, actor(), ['shelter-b', 'shelter-a'])).toBe(false);
    const both = actor({
      memberships: new Map([
        ['shelter-a', Role.COORDINATOR],
        ['shelter-b', Role.COORDINATOR],
      ]),
    });
    expect(allows(all, both, ['shelter-b', 'shelter-a'])).toBe(true);
  });

  it('lets service staff act only in their own service, and only where the policy lists them', () => {
    const clinicA = actor({ memberships: new Map(), services: new Set(['clinic-a']) });
    const forStaff = { kind: 'roles' as const, roles: [Role.HEALTH_WORKER, Role.SERVICE_STAFF] };
    expect(allows(forStaff, clinicA, [], ['clinic-a'])).toBe(true);
    expect(allows(forStaff, clinicA, [], ['clinic-b'])).toBe(false);
    expect(allows(forStaff, clinicA, [], [])).toBe(false);
    expect(allows({ kind: 'roles', roles: [Role.HEALTH_WORKER] }, clinicA, [], ['clinic-a'])).toBe(
      false,
    );
  });
});

describe(openDuring.name, () => {
  it('opens to a session mid second factor only what is declared for its step', () => {
    const me = { kind: 'authenticated' as const, duringSecondFactor: 'both' as const };
    const verify = { kind: 'authenticated' as const, duringSecondFactor: 'verify' as const };
    const enrol = { kind: 'authenticated' as const, duringSecondFactor: 'enrol' as const };
    const users = { kind: 'roles' as const, roles: [Role.ADMIN] };
    expect([me, verify, enrol, users].map((p) => openDuring(p, 'verify'))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([me, verify, enrol, users].map((p) => openDuring(p, 'enrol'))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('refuses with a reason and a message that say what to do', () => {
    expect(secondFactorOwed('verify')).toMatchObject({
      reason: 'SECOND_FACTOR_REQUIRED',
      code: 'UNAUTHENTICATED',
    });
    expect(secondFactorOwed('enrol').message).toMatch(/enrolSecondFactor.*confirmEnrolment/);
  });
});
