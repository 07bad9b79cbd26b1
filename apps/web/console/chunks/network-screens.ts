// The network view (issue 19, item 1), a chunk of its own loaded when it is opened (routes.tsx):
// a volunteer's phone never fetches it.
export { NetworkView } from '../screens/network/network-view.js';
