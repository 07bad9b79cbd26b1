// A health service's inbox and capacity (issue 20, item 10), a chunk of its own loaded when one
// is opened (routes.tsx): a shelter volunteer's phone never fetches it.
export { ServiceCapacityScreen } from '../screens/services/capacity.js';
export { ServiceInboxScreen } from '../screens/services/inbox.js';
