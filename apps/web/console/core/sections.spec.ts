import { describe, expect, it } from '@jest/globals';
import {
  mayOpen,
  NETWORK,
  NETWORK_SECTIONS,
  SERVICE_SECTIONS,
  SHELTER,
  SHELTER_SECTIONS,
  VISITS_NETWORK_ROLES,
} from './sections.js';
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

  it('opens a service’s screens to its own staff only (and the capacity also to admins)', () => {
    const inbox = { serviceStaff: true };
    const capacity = { serviceStaff: true, networkRoles: ['ADMIN'] as const };
    const staffA = { networkRole: null, memberships: [], serviceIds: ['clinic-a'] };
    const staffB = { networkRole: null, memberships: [], serviceIds: ['clinic-b'] };
    expect(mayOpen(inbox, staffA, { serviceId: 'clinic-a' })).toBe(true);
    expect(mayOpen(inbox, staffB, { serviceId: 'clinic-a' })).toBe(false);
    expect(mayOpen(inbox, coordinator, { serviceId: 'clinic-a' })).toBe(false);
    expect(mayOpen(inbox, admin, { serviceId: 'clinic-a' })).toBe(false);
    expect(mayOpen(inbox, null, { serviceId: 'clinic-a' })).toBe(false);
    expect(mayOpen(capacity, staffA, { serviceId: 'clinic-a' })).toBe(true);
    expect(mayOpen(capacity, staffB, { serviceId: 'clinic-a' })).toBe(false);
    expect(mayOpen(capacity, admin, { serviceId: 'clinic-a' })).toBe(true);
    expect(mayOpen(capacity, networkCoordinator, { serviceId: 'clinic-a' })).toBe(false);
  });

  it('opens the referrals to the shelter’s health workers, coordinators and volunteers (escorts), visits to its coordinator and admins', () => {
    const health: Person = { networkRole: null, memberships: [member('a', 'HEALTH_WORKER')] };
    const referrals = { shelterRoles: SHELTER.referrals.roles };
    const visits = { shelterRoles: SHELTER.visits.roles, networkRoles: VISITS_NETWORK_ROLES };
    expect(
      [health, coordinator, volunteer, networkCoordinator].map((who) =>
        mayOpen(referrals, who, { shelterId: 'a' }),
      ),
    ).toEqual([true, true, true, false]);
    expect(mayOpen(referrals, health, { shelterId: 'b' })).toBe(false);
    // Admins grant and end field visits too (the API lets them): the route lets them in.
    expect(
      [health, coordinator, volunteer, admin, networkCoordinator].map((who) =>
        mayOpen(visits, who, { shelterId: 'a' }),
      ),
    ).toEqual([false, true, false, true, false]);
  });

  it('lists the sections in the order they are declared, as the nav shows them', () => {
    expect(SERVICE_SECTIONS.map((section) => section.path)).toEqual(['', '/capacity']);
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
      '/health',
      '/referrals',
      '/visits',
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
});
