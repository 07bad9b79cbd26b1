import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import { Room } from './room.entity.js';
import { Turnaway } from './turnaway.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const OCCUPANCY_ENTITIES = [Room, Bed, BedAssignment, Turnaway];
