// The door of @albergue/occupancy: what other libs and apps use, named one by one; the rest stays inside.
export { BedAssignment } from './bed-assignment.entity.js';
export { Bed } from './bed.entity.js';
export { BedsService } from './beds.service.js';
export { HoldsService } from './holds.service.js';
export { BedKind } from './occupancy.enums.js';
export { OccupancyModule } from './occupancy.module.js';
export { Room } from './room.entity.js';
export { Turnaway } from './turnaway.entity.js';
