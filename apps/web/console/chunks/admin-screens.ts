// The administration (issue 19, item 2): people, the audit log, organisations, shelters, and the
// rooms and beds set-up (a shelter's coordinator's too), one chunk loaded when one of them is
// opened (routes.tsx): a volunteer's phone never fetches it.
export { Organisations } from '../screens/admin-shelters/organisations.js';
export { ShelterSetup } from '../screens/admin-shelters/setup.js';
export { EditShelter, NewShelter } from '../screens/admin-shelters/shelter-editor.js';
export { AdminShelterList } from '../screens/admin-shelters/shelter-list.js';
export { AuditScreen } from '../screens/audit/audit-screen.js';
export { UserPage } from '../screens/users/user-page.js';
export { UsersScreen } from '../screens/users/users-screen.js';
// The health services directory (issue 20, item 1), for admins.
export { EditHealthService, NewHealthService } from '../screens/health-admin/service-editor.js';
export { AdminHealthServiceList } from '../screens/health-admin/service-list.js';
