// The door of @albergue/residents: what other libs and apps use, named one by one; the rest stays inside.
export { RESIDENTS_ENTITIES } from './entities.js';
export {
  type AppointmentSource,
  AppointmentSources,
  type SourcedAppointment,
} from './appointment-sources.js';
export { AsylumService } from './asylum.service.js';
export { RegisterHouseholdInput } from './dto/resident.input.js';
export { FreeTextSealing } from './free-text-sealing.js';
export { NameSearchService } from './name-search.service.js';
export { type ReferralSubject, ReferralSubjects } from './referral-subjects.js';
// The small-cell rules of published counts, for the referrals' figures to apply the same way.
export { publishCells, SMALL_CELL, totalCell } from './resident-aggregates.service.js';
export { ResidentLifecycleService } from './resident-lifecycle.service.js';
export { type ResidentErasureListener, ResidentErasures } from './resident-erasures.js';
export { type ResidentMergeListener, ResidentMerges } from './resident-merges.js';
export { type ResidentMoveListener, ResidentMoves } from './resident-moves.js';
export { type PlaceableResident, ResidentPlacesService } from './resident-places.service.js';
export { AgeBracket, AppointmentKind, AsylumStatus, LegalBasis } from './residents.enums.js';
export { ResidentsModule } from './residents.module.js';
export { ResidentsService } from './residents.service.js';
export { CountCell } from './resident.views.js';
