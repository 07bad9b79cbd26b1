// The door of @albergue/shelters: what other libs and apps use, named one by one; the rest stays inside.
export { SHELTERS_ENTITIES } from './entities.js';
export { Shelter } from './shelter.entity.js';
export { haversineKm } from './approximate-location.js';
export { type AvailabilityRules, type CapacityFigures } from './availability.js';
export { AVAILABILITY_CHANNEL, AvailabilityService } from './availability.service.js';
export { CapacityInput } from './dto/capacity.input.js';
export { LANGUAGE_CODE, OpeningHoursInput, PHONE } from './dto/shelter-parts.input.js';
export { checkedHours } from './opening-hours.js';
export { OpeningHours } from './shelter-parts.js';
export { CountsPlacesService, type PlacesChange } from './counts-places.service.js';
export { ReportProblemInput } from './dto/report-problem.input.js';
export { MAX_SHELTERS_PER_PAGE } from './dto/shelters.args.js';
export { OrganisationsService } from './organisations.service.js';
export { ProblemReportsService } from './problem-reports.service.js';
export { ReportLimiter } from './report-limiter.js';
export { areaOf, PUBLIC_FIELD_NEEDS, toPublicShelter } from './public-shelter.js';
export { lockShelter } from './shelter-lock.js';
export { type PeoplePresent, peoplePresent } from './people-present.js';
export { ShelterSearchService } from './shelter-search.service.js';
export {
  OrganisationKind,
  Population,
  ShelterService,
  ShelterStatus,
  TrackingMode,
} from './shelters.enums.js';
export { SheltersModule } from './shelters.module.js';
export { SHELTERS_OPTIONS } from './shelters.options.js';
export { SheltersService } from './shelters.service.js';
export { StaleNudgesNotifier } from './stale-nudges.notifier.js';
export {
  type StaffAudience,
  type StaffChange,
  type StaffCheck,
  type StaffConnection,
  type StaffEvent,
  type StaffListeners,
  type StaffNotifier,
  StaffNotifiers,
  type StaffReply,
  type StaffSend,
  type StaffSignal,
} from './staff-notifiers.js';
// GraphQL types other libs' public types reuse (referrals' public health services).
export { GeoPointInput } from './dto/geo-point.input.js';
