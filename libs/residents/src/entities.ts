import { Appointment } from './appointment.entity.js';
import { Household } from './household.entity.js';
import { ResidentEvent } from './resident-event.entity.js';
import { ResidentNameIndex } from './resident-name-index.entity.js';
import { Resident } from './resident.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const RESIDENTS_ENTITIES = [
  Household,
  Resident,
  ResidentEvent,
  Appointment,
  ResidentNameIndex,
];
