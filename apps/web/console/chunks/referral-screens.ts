// The referring shelter following its referrals, and field visits (issue 20, item 10), a chunk of
// its own loaded when one of them is opened (routes.tsx): a volunteer's first view carries none.
export { FieldVisitsScreen } from '../screens/referrals/field-visits.js';
export { ReferralPage } from '../screens/referrals/referral-page.js';
export { ReferralsScreen } from '../screens/referrals/referrals-screen.js';
