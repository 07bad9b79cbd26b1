// The one place the server and the browser both read. Dependency-free: no Nest, no TypeORM, no
// Node APIs, so the map's bundle takes only what it uses.
export { ApiErrorCode, HTTP_STATUS } from './api-error-code.js';
export {
  type BandRules,
  type BandSource,
  bandFor,
  type Freshness,
  freePlaces,
  isStale,
  offersSpace,
  placesBand,
} from './band.js';
export {
  BOROUGH_CODES,
  BOROUGHS,
  type Borough,
  boroughByCode,
  findBorough,
  placeKey,
} from './boroughs.js';
export {
  BANDS,
  type BandName,
  POPULATIONS,
  type PopulationName,
  SERVICES,
  type ServiceName,
  SHELTER_STATUSES,
  type ShelterStatusName,
} from './names.js';
export { CLOCK_TIME, type OpeningHours, type OpeningPeriod, WEEKDAYS } from './opening-hours.js';
export {
  PROBLEM_REASONS,
  type ProblemReasonName,
  type ProblemReport,
  type ProblemReportReceipt,
} from './problem-reports.js';
export type { PublicCounts, PublicShelter, PublicSnapshot } from './public-shelter.js';
export {
  ALL_AREAS,
  type AppointmentsDueUpdate,
  type AvailabilityUpdate,
  type BoardBed,
  type BoardUpdate,
  type EscortNotice,
  type HoldNotice,
  type ProblemReportCounts,
  type PublicClientEvents,
  type PublicServerEvents,
  type ReferralNotice,
  type ShelterFigures,
  type StaffClientEvents,
  type StaffRefusal,
  type StaffServerEvents,
  type StaleReportDetails,
  type StaleSoonNotice,
  type SupplyAlertNotice,
  type WatchReply,
  type WatchRequest,
} from './socket-events.js';
