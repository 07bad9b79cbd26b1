// The door of @albergue/occupancy: what other libs and apps use, named one by one; the rest stays inside.
export { OCCUPANCY_ENTITIES } from './entities.js';
export { BedsModeService } from './beds-mode.service.js';
export { BedsService } from './beds.service.js';
export { CheckInService } from './check-in.service.js';
export { HoldsService } from './holds.service.js';
export { MovementsService } from './movements.service.js';
export { BedKind, DeclineReason, TurnawayReason } from './occupancy.enums.js';
export { OccupancyModule } from './occupancy.module.js';
export { RecordsService } from './records.service.js';
