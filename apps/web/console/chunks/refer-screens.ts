// The health worker's side of referrals (issue 20, item 10): referring a person and printing the
// slip, a chunk of its own loaded when one of them is opened (routes.tsx): a volunteer's first
// view carries none.
export { HealthHome } from '../screens/refer/health-home.js';
export { ReferScreen } from '../screens/refer/refer-screen.js';
export { ReferralSlip } from '../screens/refer/referral-slip.js';
