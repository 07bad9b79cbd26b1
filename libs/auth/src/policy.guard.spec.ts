import { type Actor, argPath, Role } from '@albergue/common';
import { allows } from './policy.guard.js';

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  sessionId: 's',
  networkRole: null,
  memberships: new Map([['shelter-a', Role.COORDINATOR]]),
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
});
