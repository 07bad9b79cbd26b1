import type { ConsoleKey } from '@albergue/i18n';
import type { Me } from './session.js';

/**
 * Who each part of the console is for: the sections of a shelter and of the network, named once
 * and read by the nav (shell.tsx) and by the route table's guard (routes.tsx). No screen code
 * here, so that any screen may import it without a cycle through the route table. The API still
 * decides what each role may see and do: this only spares people controls and screens that would
 * be refused.
 */

export type ShelterRole = Me['memberships'][number]['role'];
export type NetworkRole = NonNullable<Me['networkRole']>;

/**
 * The sections of a shelter, in the order of a shelter's day, each shown to the roles whose work
 * it is.
 */
export interface ShelterSection {
  /** Below /shelters/:shelterId ('' for the shelter's own page). */
  path: string;
  label: ConsoleKey;
  roles: readonly ShelterRole[];
}

export const SHELTER = {
  home: { path: '', label: 'nav.shelter', roles: ['VOLUNTEER', 'COORDINATOR', 'HEALTH_WORKER'] },
  gate: { path: '/gate', label: 'gate.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // The bed board (issue 18, part 5): bedBoard is for volunteers and coordinators.
  board: { path: '/board', label: 'board.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Residents' records and appointments are the shelter staff's (the API's STAFF: volunteers and
  // coordinators); a health worker reaches a person through referrals, not this list.
  residents: { path: '/residents', label: 'residents.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  plan: { path: '/plan', label: 'plan.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Transfers and holds (issue 18, item 8).
  holds: { path: '/holds', label: 'holds.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Rooms and beds, and the switch to beds mode (issue 19, item 2): the coordinator's set-up.
  setup: { path: '/setup', label: 'setup.nav', roles: ['COORDINATOR'] },
  // Figures and reports (issue 19): dailyFigures, residentAggregates and problemReports let a
  // shelter's coordinator read their own.
  figures: { path: '/figures', label: 'figures.shelterNav', roles: ['COORDINATOR'] },
  report: { path: '/report', label: 'reports.shelterNav', roles: ['COORDINATOR'] },
  // Health referrals (issue 20, item 10): the health worker's side, referring the people here.
  health: { path: '/health', label: 'refer.nav', roles: ['HEALTH_WORKER'] },
  // Referrals: follow (issue 20, item 10). The shelter's health workers and coordinators follow
  // its referrals (referralsOf, overdueReferrals); its volunteers see there only the escorts the
  // API gives them (when and where). Field visits are the coordinator's (grantFieldVisit).
  referrals: {
    path: '/referrals',
    label: 'follow.nav',
    roles: ['HEALTH_WORKER', 'COORDINATOR', 'VOLUNTEER'],
  },
  visits: { path: '/visits', label: 'follow.visits.nav', roles: ['COORDINATOR'] },
  // Referral figures for the shelter's health team (issue 20, item 8), after the
  // day-to-day health sections: referralFigures lets its health workers and
  // coordinator read their own shelter's.
  referralFigures: {
    path: '/referral-figures',
    label: 'healthFigures.shelterNav',
    roles: ['HEALTH_WORKER', 'COORDINATOR'],
  },
} as const satisfies Record<string, ShelterSection>;

/**
 * Who else opens a shelter's field visits: admins (the API lets them grant and end one:
 * grantFieldVisit, endFieldVisit, fieldVisits); they reach it from the shelters' list.
 */
export const VISITS_NETWORK_ROLES: readonly NetworkRole[] = ['ADMIN'];

export const SHELTER_SECTIONS: readonly ShelterSection[] = Object.values(SHELTER);

/**
 * The network's sections (issue 19): the whole picture and the tools, for network coordinators and
 * admins, each shown to the network roles whose work it is.
 */
export interface NetworkSection {
  /** Below /console. */
  path: string;
  label: ConsoleKey;
  roles: readonly NetworkRole[];
}

export const NETWORK = {
  // The whole picture first: the network live, its figures, its reports (issue 19, items 1, 3, 4).
  network: { path: '/network', label: 'network.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  figures: { path: '/figures', label: 'figures.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  reports: { path: '/reports', label: 'reports.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  // Administration: people, the audit log, organisations and shelters (issue 19, item 2).
  users: { path: '/admin/users', label: 'users.nav', roles: ['ADMIN'] },
  audit: { path: '/admin/audit', label: 'audit.nav', roles: ['ADMIN'] },
  organisations: { path: '/admin/organisations', label: 'orgs.nav', roles: ['ADMIN'] },
  shelters: { path: '/admin/shelters', label: 'setup.shelters.nav', roles: ['ADMIN'] },
  // Health services and the referrals' figures (issue 20, items 1 and 8): the directory is the
  // admins' (createHealthService, updateHealthService); the figures every network role's.
  healthServices: { path: '/admin/health-services', label: 'healthAdmin.nav', roles: ['ADMIN'] },
  referralFigures: {
    path: '/referral-figures',
    label: 'healthFigures.nav',
    roles: ['NETWORK_COORDINATOR', 'ADMIN'],
  },
} as const satisfies Record<string, NetworkSection>;

export const NETWORK_SECTIONS: readonly NetworkSection[] = Object.values(NETWORK);

/**
 * Who a screen is for. Nothing declared: everyone signed in. Otherwise a person whose network
 * role is one of `networkRoles`, or whose role in the screen's shelter (its `:shelterId`) is one
 * of `shelterRoles`.
 */
export interface Audience {
  networkRoles?: readonly NetworkRole[];
  shelterRoles?: readonly ShelterRole[];
  /** The staff of the screen's health service (its `:serviceId`: one of `me.serviceIds`). */
  serviceStaff?: boolean;
}

/** Whether `me` may open a screen for `audience`, at an address with these `params`. */
export function mayOpen(
  audience: Audience,
  me: (Pick<Me, 'networkRole' | 'memberships'> & Partial<Pick<Me, 'serviceIds'>>) | null,
  params: Readonly<Record<string, string>>,
): boolean {
  const { networkRoles, shelterRoles, serviceStaff } = audience;
  if (!networkRoles && !shelterRoles && !serviceStaff) {
    return true;
  }
  if (!me) {
    return false;
  }
  if (me.networkRole && networkRoles?.includes(me.networkRole)) {
    return true;
  }
  // A service's screens are for its own staff: the staff of another service are not let in (the
  // API refuses them its referrals too).
  if (serviceStaff && params.serviceId && me.serviceIds?.includes(params.serviceId)) {
    return true;
  }
  const shelterId = params.shelterId;
  const role = shelterId
    ? me.memberships.find((each) => each.shelterId === shelterId)?.role
    : undefined;
  return !!role && !!shelterRoles?.includes(role);
}

/**
 * A health service's sections (issue 20, item 10: the service's inbox), for its own staff (role
 * SERVICE_STAFF there: `me.serviceIds`), shown by the service nav (shell.tsx) on the service's
 * screens, and on every screen to someone who staffs one service only.
 */
export interface ServiceSection {
  /** Below /services/:serviceId ('' for the inbox). */
  path: string;
  label: ConsoleKey;
}

export const SERVICE = {
  inbox: { path: '', label: 'inbox.nav' },
  capacity: { path: '/capacity', label: 'inbox.capacity.nav' },
} as const satisfies Record<string, ServiceSection>;

export const SERVICE_SECTIONS: readonly ServiceSection[] = Object.values(SERVICE);
