// The administration and set-up screens, one chunk loaded when one of them is opened: a
// volunteer's phone never fetches them.
export { Organisations } from './organisations.js';
export { ShelterSetup } from './setup.js';
export { EditShelter, NewShelter } from './shelter-editor.js';
export { AdminShelterList } from './shelter-list.js';
