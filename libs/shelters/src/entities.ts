import { AvailabilityOutbox } from './availability-outbox.entity.js';
import { AvailabilityReport } from './availability-report.entity.js';
import { Organisation } from './organisation.entity.js';
import { ProblemReport } from './problem-report.entity.js';
import { ShelterCapacity } from './shelter-capacity.entity.js';
import { Shelter } from './shelter.entity.js';
import { StaleNudge } from './stale-nudge.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const SHELTERS_ENTITIES = [
  Organisation,
  Shelter,
  ShelterCapacity,
  AvailabilityOutbox,
  ProblemReport,
  AvailabilityReport,
  StaleNudge,
];
