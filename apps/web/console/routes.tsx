import type { ComponentChild } from 'preact';
import { type Audience, NETWORK, SHELTER, VISITS_NETWORK_ROLES } from './core/sections.js';
import { BedBoard } from './screens/board/board.js';
import { Gate } from './screens/gate/gate.js';
import { Holds } from './screens/holds/holds.js';
import { MorningPlan } from './screens/plan/morning-plan.js';
import { ResidentPage } from './screens/residents/resident-page.js';
import { ResidentsScreen } from './screens/residents/residents-screen.js';
import { Account } from './screens/session/account.js';
import { MyShelters } from './screens/shelters/my-shelters.js';
import { ShelterHome } from './screens/shelters/shelter-home.js';
import { lazyScreens } from './ui/lazy-screens.js';

/**
 * One screen: its address, who it is for (core/sections.ts names the sections and their roles,
 * which the nav shows; app.tsx shows anyone else `NotForRole` before any of the screen's code or
 * queries run), and what it renders.
 */
export interface Screen extends Audience {
  /** Below /console, with `:name` segments (router.match). */
  pattern: string;
  render(params: Record<string, string>): ComponentChild;
}

// The network's and the administration's screens, in chunks of their own (issue 19): a
// volunteer's first view carries none of them.
const NetworkScreens = lazyScreens(() => import('./chunks/network-screens.js'));
const FiguresScreens = lazyScreens(() => import('./chunks/figures-screens.js'));
const AdminScreens = lazyScreens(() => import('./chunks/admin-screens.js'));
// Referrals: follow (issue 20, item 10), a chunk of its own too.
const ReferralScreens = lazyScreens(() => import('./chunks/referral-screens.js'));
// The health worker's referring (issue 20, item 10), a chunk of its own.
const ReferScreens = lazyScreens(() => import('./chunks/refer-screens.js'));
// A health service's screens (issue 20, item 10): its staff's, a chunk of their own.
const ServiceScreens = lazyScreens(() => import('./chunks/service-screens.js'));

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
  {
    pattern: '/admin/users',
    networkRoles: NETWORK.users.roles,
    render: () => <AdminScreens render={({ UsersScreen }) => <UsersScreen />} />,
  },
  {
    pattern: '/admin/users/:userId',
    networkRoles: NETWORK.users.roles,
    render: ({ userId }) => (
      <AdminScreens key={userId} render={({ UserPage }) => <UserPage userId={userId} />} />
    ),
  },
  {
    pattern: '/admin/audit',
    networkRoles: NETWORK.audit.roles,
    render: () => <AdminScreens render={({ AuditScreen }) => <AuditScreen />} />,
  },
  {
    pattern: '/admin/audit/actor/:actorId',
    networkRoles: NETWORK.audit.roles,
    render: ({ actorId }) => (
      <AdminScreens
        key={`actor-${actorId}`}
        render={({ AuditScreen }) => <AuditScreen actorId={actorId} />}
      />
    ),
  },
  {
    pattern: '/admin/audit/target/:targetId',
    networkRoles: NETWORK.audit.roles,
    render: ({ targetId }) => (
      <AdminScreens
        key={`target-${targetId}`}
        render={({ AuditScreen }) => <AuditScreen targetId={targetId} />}
      />
    ),
  },
  // Administration of organisations and shelters, rooms and beds (issue 19, item 2).
  {
    pattern: '/admin/organisations',
    networkRoles: NETWORK.organisations.roles,
    render: () => <AdminScreens render={({ Organisations }) => <Organisations />} />,
  },
  {
    pattern: '/admin/shelters',
    networkRoles: NETWORK.shelters.roles,
    render: () => <AdminScreens render={({ AdminShelterList }) => <AdminShelterList />} />,
  },
  {
    pattern: '/admin/shelters/new',
    networkRoles: NETWORK.shelters.roles,
    render: () => <AdminScreens render={({ NewShelter }) => <NewShelter />} />,
  },
  {
    pattern: '/admin/shelters/:shelterId/edit',
    networkRoles: NETWORK.shelters.roles,
    render: ({ shelterId }) => (
      <AdminScreens
        key={shelterId}
        render={({ EditShelter }) => <EditShelter shelterId={shelterId} />}
      />
    ),
  },
  {
    pattern: '/admin/shelters/:shelterId/setup',
    networkRoles: NETWORK.shelters.roles,
    render: ({ shelterId }) => (
      <AdminScreens
        key={shelterId}
        render={({ ShelterSetup }) => <ShelterSetup shelterId={shelterId} admin />}
      />
    ),
  },
  // A coordinator sets up their own shelter's rooms and beds too (the API lets them, and admins).
  {
    pattern: '/shelters/:shelterId/setup',
    shelterRoles: SHELTER.setup.roles,
    networkRoles: NETWORK.shelters.roles,
    render: ({ shelterId }) => (
      <AdminScreens
        key={shelterId}
        render={({ ShelterSetup }) => <ShelterSetup shelterId={shelterId} />}
      />
    ),
  },
  // Figures and reports (issue 19): the network's, and a shelter's own for its coordinator.
  {
    pattern: '/figures',
    networkRoles: NETWORK.figures.roles,
    render: () => <FiguresScreens render={({ NetworkFigures }) => <NetworkFigures />} />,
  },
  {
    pattern: '/reports',
    networkRoles: NETWORK.reports.roles,
    render: () => <FiguresScreens render={({ NetworkReport }) => <NetworkReport />} />,
  },
  {
    pattern: '/shelters/:shelterId/figures',
    // Its coordinator's, and any network role's (the API lets both).
    shelterRoles: SHELTER.figures.roles,
    networkRoles: NETWORK.figures.roles,
    render: ({ shelterId }) => (
      <FiguresScreens
        key={shelterId}
        render={({ ShelterFigures }) => <ShelterFigures shelterId={shelterId} />}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/report',
    shelterRoles: SHELTER.report.roles,
    networkRoles: NETWORK.reports.roles,
    render: ({ shelterId }) => (
      <FiguresScreens
        key={shelterId}
        render={({ ShelterReport }) => <ShelterReport shelterId={shelterId} />}
      />
    ),
  },
  // The network view (issue 19, item 1): every shelter, live, in a table and on the map.
  {
    pattern: '/network',
    networkRoles: NETWORK.network.roles,
    render: () => <NetworkScreens render={({ NetworkView }) => <NetworkView />} />,
  },
  // Referrals: refer (issue 20, item 10): health workers refer the people here, or someone met
  // at a field visit, and print the slip in the person's language.
  {
    pattern: '/shelters/:shelterId/health',
    shelterRoles: SHELTER.health.roles,
    render: ({ shelterId }) => (
      <ReferScreens
        key={shelterId}
        render={({ HealthHome }) => <HealthHome shelterId={shelterId} />}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/health/refer',
    shelterRoles: SHELTER.health.roles,
    render: ({ shelterId }) => (
      <ReferScreens
        key={shelterId}
        render={({ ReferScreen }) => <ReferScreen shelterId={shelterId} />}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/health/refer/:residentId',
    shelterRoles: SHELTER.health.roles,
    render: ({ shelterId, residentId }) => (
      <ReferScreens
        key={residentId}
        render={({ ReferScreen }) => <ReferScreen shelterId={shelterId} residentId={residentId} />}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/health/referrals/:referralId/slip',
    shelterRoles: SHELTER.health.roles,
    render: ({ shelterId, referralId }) => (
      <ReferScreens
        key={referralId}
        render={({ ReferralSlip }) => (
          <ReferralSlip shelterId={shelterId} referralId={referralId} />
        )}
      />
    ),
  },
  // A health service's inbox and capacity (issue 20, item 10): for its own staff (me.serviceIds);
  // an admin may report a service's capacity too (the API lets them).
  {
    pattern: '/services/:serviceId',
    serviceStaff: true,
    render: ({ serviceId }) => (
      <ServiceScreens
        key={serviceId}
        render={({ ServiceInboxScreen }) => <ServiceInboxScreen serviceId={serviceId} />}
      />
    ),
  },
  {
    pattern: '/services/:serviceId/capacity',
    serviceStaff: true,
    networkRoles: ['ADMIN'],
    render: ({ serviceId }) => (
      <ServiceScreens
        key={serviceId}
        render={({ ServiceCapacityScreen }) => <ServiceCapacityScreen serviceId={serviceId} />}
      />
    ),
  },
  // Referrals: follow (issue 20, item 10): the shelter's referrals, one referral, field visits.
  {
    pattern: '/shelters/:shelterId/referrals',
    shelterRoles: SHELTER.referrals.roles,
    render: ({ shelterId }) => (
      <ReferralScreens
        key={shelterId}
        render={({ ReferralsScreen }) => <ReferralsScreen shelterId={shelterId} />}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/referrals/:referralId',
    shelterRoles: SHELTER.referrals.roles,
    render: ({ shelterId, referralId }) => (
      <ReferralScreens
        key={referralId}
        render={({ ReferralPage }) => (
          <ReferralPage shelterId={shelterId} referralId={referralId} />
        )}
      />
    ),
  },
  {
    pattern: '/shelters/:shelterId/visits',
    shelterRoles: SHELTER.visits.roles,
    networkRoles: VISITS_NETWORK_ROLES,
    render: ({ shelterId }) => (
      <ReferralScreens
        key={`visits-${shelterId}`}
        render={({ FieldVisitsScreen }) => <FieldVisitsScreen shelterId={shelterId} />}
      />
    ),
  },
  // Health services directory, for admins (issue 20, item 1).
  {
    pattern: '/admin/health-services',
    networkRoles: NETWORK.healthServices.roles,
    render: () => (
      <AdminScreens render={({ AdminHealthServiceList }) => <AdminHealthServiceList />} />
    ),
  },
  {
    pattern: '/admin/health-services/new',
    networkRoles: NETWORK.healthServices.roles,
    render: () => <AdminScreens render={({ NewHealthService }) => <NewHealthService />} />,
  },
  {
    pattern: '/admin/health-services/:serviceId/edit',
    networkRoles: NETWORK.healthServices.roles,
    render: ({ serviceId }) => (
      <AdminScreens
        key={serviceId}
        render={({ EditHealthService }) => <EditHealthService serviceId={serviceId} />}
      />
    ),
  },
  // Referral figures for health teams (issue 20, item 8): the network's, and a shelter's own.
  {
    pattern: '/referral-figures',
    networkRoles: NETWORK.referralFigures.roles,
    render: () => (
      <FiguresScreens render={({ NetworkReferralFigures }) => <NetworkReferralFigures />} />
    ),
  },
  {
    pattern: '/shelters/:shelterId/referral-figures',
    shelterRoles: SHELTER.referralFigures.roles,
    networkRoles: NETWORK.referralFigures.roles,
    render: ({ shelterId }) => (
      <FiguresScreens
        key={shelterId}
        render={({ ShelterReferralFigures }) => <ShelterReferralFigures shelterId={shelterId} />}
      />
    ),
  },
];
