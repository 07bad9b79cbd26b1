// Figures and reports (issue 19, items 3 and 4), a chunk of their own loaded when one of them is
// opened (routes.tsx): the network's, and a shelter's own for its coordinator.
export { NetworkFigures, ShelterFigures } from '../screens/figures/figures-screen.js';
export { NetworkReport, ShelterReport } from '../screens/figures/report-screen.js';
// Referral figures for health teams (issue 20, item 8): the network's and a shelter's.
export {
  NetworkReferralFigures,
  ShelterReferralFigures,
} from '../screens/referral-figures/referral-figures-screen.js';
