import { describe, expect, it } from '@jest/globals';
import { mayOpen, NETWORK, NETWORK_SECTIONS, SHELTER, SHELTER_SECTIONS } from './sections.js';
import type { Me } from './session.js';

type Person = Pick<Me, 'networkRole' | 'memberships'>;

const member = (shelterId: string, role: Me['memberships'][number]['role']) => ({
  shelterId,
  shelterName: shelterId,
  role,
});
const volunteer: Person = { networkRole: null, memberships: [member('a', 'VOLUNTEER')] };
const coordinator: Person = { networkRole: null, memberships: [member('a', 'COORDINATOR')] };
const networkCoordinator: Person = { networkRole: 'NETWORK_COORDINATOR', memberships: [] };
const admin: Person = { networkRole: 'ADMIN', memberships: [] };

// The audiences routes.tsx declares, from the same sections as the nav.
const adminScreen = { networkRoles: NETWORK.users.roles };
const networkScreen = { networkRoles: NETWORK.network.roles };
const ownFigures = { shelterRoles: SHELTER.figures.roles, networkRoles: NETWORK.figures.roles };
const ownSetup = { shelterRoles: SHELTER.setup.roles, networkRoles: NETWORK.shelters.roles };

describe(mayOpen.name, () => {
  it('opens a screen that declares no audience to anyone signed in', () => {
    expect(mayOpen({}, volunteer, {})).toBe(true);
    expect(mayOpen({}, null, { shelterId: 'a' })).toBe(true);
  });

  it('opens an admin screen to admins only', () => {
    expect(
      [volunteer, coordinator, networkCoordinator, admin].map((who) =>
        mayOpen(adminScreen, who, {}),
      ),
    ).toEqual([false, false, false, true]);
    expect(mayOpen(adminScreen, null, {})).toBe(false);
  });

  it('opens the network view to network coordinators and admins', () => {
    expect(
      [volunteer, coordinator, networkCoordinator, admin].map((who) =>
        mayOpen(networkScreen, who, {}),
      ),
    ).toEqual([false, false, true, true]);
  });

  it('opens a shelter’s figures to its own coordinator and to any network role', () => {
    expect(mayOpen(ownFigures, coordinator, { shelterId: 'a' })).toBe(true);
    expect(mayOpen(ownFigures, coordinator, { shelterId: 'b' })).toBe(false);
    expect(mayOpen(ownFigures, volunteer, { shelterId: 'a' })).toBe(false);
    expect(mayOpen(ownFigures, networkCoordinator, { shelterId: 'b' })).toBe(true);
    expect(mayOpen(ownFigures, admin, { shelterId: 'b' })).toBe(true);
    // Without a shelter in the address, a shelter role opens nothing.
    expect(mayOpen(ownFigures, coordinator, {})).toBe(false);
  });

  it('opens a shelter’s set-up to its own coordinator and to admins, not to network coordinators', () => {
    expect(mayOpen(ownSetup, coordinator, { shelterId: 'a' })).toBe(true);
    expect(mayOpen(ownSetup, volunteer, { shelterId: 'a' })).toBe(false);
    expect(mayOpen(ownSetup, networkCoordinator, { shelterId: 'a' })).toBe(false);
    expect(mayOpen(ownSetup, admin, { shelterId: 'a' })).toBe(true);
  });

  it('lists the sections in the order they are declared, as the nav shows them', () => {
    expect(SHELTER_SECTIONS.map((section) => section.path)).toEqual([
      '',
      '/gate',
      '/board',
      '/residents',
      '/plan',
      '/holds',
      '/setup',
      '/figures',
      '/report',
      '/referral-figures',
    ]);
    expect(NETWORK_SECTIONS.map((section) => section.path)).toEqual([
      '/network',
      '/figures',
      '/reports',
      '/admin/users',
      '/admin/audit',
      '/admin/organisations',
      '/admin/shelters',
      '/admin/health-services',
      '/referral-figures',
    ]);
  });

  it('opens a shelter’s referral figures to its health workers and coordinator and to network roles; the directory to admins', () => {
    const healthWorker: Person = { networkRole: null, memberships: [member('a', 'HEALTH_WORKER')] };
    const ownReferralFigures = {
      shelterRoles: SHELTER.referralFigures.roles,
      networkRoles: NETWORK.referralFigures.roles,
    };
    expect(mayOpen(ownReferralFigures, healthWorker, { shelterId: 'a' })).toBe(true);
    expect(mayOpen(ownReferralFigures, coordinator, { shelterId: 'a' })).toBe(true);
    expect(mayOpen(ownReferralFigures, healthWorker, { shelterId: 'b' })).toBe(false);
    expect(mayOpen(ownReferralFigures, volunteer, { shelterId: 'a' })).toBe(false);
    expect(mayOpen(ownReferralFigures, networkCoordinator, { shelterId: 'b' })).toBe(true);
    const directory = { networkRoles: NETWORK.healthServices.roles };
    expect(
      [healthWorker, coordinator, networkCoordinator, admin].map((who) =>
        mayOpen(directory, who, {}),
      ),
    ).toEqual([false, false, false, true]);
  });
});
