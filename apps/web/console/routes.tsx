import type { ConsoleKey } from '@albergue/i18n';
import type { ComponentChild } from 'preact';
import type { Me } from './core/session.js';
import { AuditScreen } from './screens/audit/audit-screen.js';
import { BedBoard } from './screens/board/board.js';
import { NetworkFigures, ShelterFigures } from './screens/figures/figures-screen.js';
import { NetworkReport, ShelterReport } from './screens/figures/report-screen.js';
import { Gate } from './screens/gate/gate.js';
import { Holds } from './screens/holds/holds.js';
import { Account } from './screens/session/account.js';
import { MorningPlan } from './screens/plan/morning-plan.js';
import { NetworkView } from './screens/network/network-view.js';
import { ResidentPage } from './screens/residents/resident-page.js';
import { ResidentsScreen } from './screens/residents/residents-screen.js';
import { MyShelters } from './screens/shelters/my-shelters.js';
import { AdminOnly } from './screens/admin-shelters/admin-only.js';
import { AdminScreen } from './screens/admin-shelters/lazy.js';
import { ShelterHome } from './screens/shelters/shelter-home.js';
import { UserPage } from './screens/users/user-page.js';
import { UsersScreen } from './screens/users/users-screen.js';

type Role = Me['memberships'][number]['role'];
type NetworkRole = NonNullable<Me['networkRole']>;

export interface Screen {
  /** Below /console, with `:name` segments (router.match). */
  pattern: string;
  render(params: Record<string, string>): ComponentChild;
}

/** The screens of a signed-in person. */
export const SCREENS: Screen[] = [
  { pattern: '/', render: () => <MyShelters /> },
  { pattern: '/account', render: () => <Account /> },
  {
    pattern: '/shelters/:shelterId',
    render: ({ shelterId }) => <ShelterHome key={shelterId} shelterId={shelterId} />,
  },
  // The bed board (issue 18, part 5).
  {
    pattern: '/shelters/:shelterId/board',
    render: ({ shelterId }) => <BedBoard key={shelterId} shelterId={shelterId} />,
  },
  // Residents and the morning plan (issue 18, items 6 and 7).
  {
    pattern: '/shelters/:shelterId/residents',
    render: ({ shelterId }) => <ResidentsScreen key={shelterId} shelterId={shelterId} />,
  },
  {
    pattern: '/shelters/:shelterId/residents/:residentId',
    render: ({ shelterId, residentId }) => (
      <ResidentPage key={residentId} shelterId={shelterId} residentId={residentId} />
    ),
  },
  {
    pattern: '/shelters/:shelterId/plan',
    render: ({ shelterId }) => <MorningPlan key={shelterId} shelterId={shelterId} />,
  },
  // Transfers and holds (issue 18, item 8).
  {
    pattern: '/shelters/:shelterId/holds',
    render: ({ shelterId }) => <Holds key={shelterId} shelterId={shelterId} />,
  },
  {
    pattern: '/shelters/:shelterId/gate',
    render: ({ shelterId }) => <Gate key={shelterId} shelterId={shelterId} />,
  },
  // Administration: people and the audit log (issue 19, item 2), admins only.
  { pattern: '/admin/users', render: () => <UsersScreen /> },
  {
    pattern: '/admin/users/:userId',
    render: ({ userId }) => <UserPage key={userId} userId={userId} />,
  },
  { pattern: '/admin/audit', render: () => <AuditScreen /> },
  {
    pattern: '/admin/audit/actor/:actorId',
    render: ({ actorId }) => <AuditScreen key={`actor-${actorId}`} actorId={actorId} />,
  },
  {
    pattern: '/admin/audit/target/:targetId',
    render: ({ targetId }) => <AuditScreen key={`target-${targetId}`} targetId={targetId} />,
  },
  // Administration of organisations and shelters, rooms and beds (issue 19, item 2).
  {
    pattern: '/admin/organisations',
    render: () => (
      <AdminOnly>
        <AdminScreen render={({ Organisations }) => <Organisations />} />
      </AdminOnly>
    ),
  },
  {
    pattern: '/admin/shelters',
    render: () => (
      <AdminOnly>
        <AdminScreen render={({ AdminShelterList }) => <AdminShelterList />} />
      </AdminOnly>
    ),
  },
  {
    pattern: '/admin/shelters/new',
    render: () => (
      <AdminOnly>
        <AdminScreen render={({ NewShelter }) => <NewShelter />} />
      </AdminOnly>
    ),
  },
  {
    pattern: '/admin/shelters/:shelterId/edit',
    render: ({ shelterId }) => (
      <AdminOnly>
        <AdminScreen
          key={shelterId}
          render={({ EditShelter }) => <EditShelter shelterId={shelterId} />}
        />
      </AdminOnly>
    ),
  },
  {
    pattern: '/admin/shelters/:shelterId/setup',
    render: ({ shelterId }) => (
      <AdminOnly>
        <AdminScreen
          key={shelterId}
          render={({ ShelterSetup }) => <ShelterSetup shelterId={shelterId} admin />}
        />
      </AdminOnly>
    ),
  },
  // A coordinator sets up their own shelter's rooms and beds too (the API lets them).
  {
    pattern: '/shelters/:shelterId/setup',
    render: ({ shelterId }) => (
      <AdminScreen
        key={shelterId}
        render={({ ShelterSetup }) => <ShelterSetup shelterId={shelterId} />}
      />
    ),
  },
  // Figures and reports (issue 19): the network's, and a shelter's own for its coordinator.
  { pattern: '/figures', render: () => <NetworkFigures /> },
  { pattern: '/reports', render: () => <NetworkReport /> },
  {
    pattern: '/shelters/:shelterId/figures',
    render: ({ shelterId }) => <ShelterFigures key={shelterId} shelterId={shelterId} />,
  },
  {
    pattern: '/shelters/:shelterId/report',
    render: ({ shelterId }) => <ShelterReport key={shelterId} shelterId={shelterId} />,
  },
  // The network view (issue 19, item 1): every shelter, live, in a table and on the map.
  { pattern: '/network', render: () => <NetworkView /> },
];

/**
 * The sections of a shelter, in the order of a shelter's day, each shown to the roles whose work
 * it is (the API still decides what each role may see and do: this only spares people controls
 * that would be refused).
 */
export interface ShelterSection {
  /** Below /shelters/:shelterId ('' for the shelter's own page). */
  path: string;
  label: ConsoleKey;
  roles: readonly Role[];
}

export const SHELTER_SECTIONS: ShelterSection[] = [
  { path: '', label: 'nav.shelter', roles: ['VOLUNTEER', 'COORDINATOR', 'HEALTH_WORKER'] },
  { path: '/gate', label: 'gate.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // The bed board (issue 18, part 5): bedBoard is for volunteers and coordinators.
  { path: '/board', label: 'board.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Residents' records and appointments are the shelter staff's (the API's STAFF: volunteers and
  // coordinators); a health worker reaches a person through referrals, not this list.
  { path: '/residents', label: 'residents.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  { path: '/plan', label: 'plan.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Transfers and holds (issue 18, item 8).
  { path: '/holds', label: 'holds.nav', roles: ['VOLUNTEER', 'COORDINATOR'] },
  // Rooms and beds, and the switch to beds mode (issue 19, item 2): the coordinator's set-up.
  { path: '/setup', label: 'setup.nav', roles: ['COORDINATOR'] },
  // Figures and reports (issue 19): dailyFigures, residentAggregates and problemReports let a
  // shelter's coordinator read their own.
  { path: '/figures', label: 'figures.shelterNav', roles: ['COORDINATOR'] },
  { path: '/report', label: 'reports.shelterNav', roles: ['COORDINATOR'] },
];

/**
 * The network's sections (issue 19): the whole picture and the tools, for network coordinators and
 * admins, each shown to the network roles whose work it is (the API still decides).
 */
export interface NetworkSection {
  /** Below /console. */
  path: string;
  label: ConsoleKey;
  roles: readonly NetworkRole[];
}

export const NETWORK_SECTIONS: NetworkSection[] = [
  // The whole picture first: the network live, its figures, its reports (issue 19, items 1, 3, 4).
  { path: '/network', label: 'network.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  { path: '/figures', label: 'figures.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  { path: '/reports', label: 'reports.nav', roles: ['NETWORK_COORDINATOR', 'ADMIN'] },
  // Administration: people, the audit log, organisations and shelters (issue 19, item 2).
  { path: '/admin/users', label: 'users.nav', roles: ['ADMIN'] },
  { path: '/admin/audit', label: 'audit.nav', roles: ['ADMIN'] },
  { path: '/admin/organisations', label: 'orgs.nav', roles: ['ADMIN'] },
  { path: '/admin/shelters', label: 'setup.shelters.nav', roles: ['ADMIN'] },
];
