// The door of @albergue/common: what other libs and apps use, named one by one; the rest stays inside.
export { COMMON_ENTITIES } from './entities.js';
export { ApiErrorCode, AppException, HTTP_STATUS, libException } from './app.exception.js';
export { type ClusterJob, ClusterJobs, jobLockKey, type JobOutcome } from './cluster-jobs.js';
export { CommonModule } from './common.module.js';
export { csvCell, csvOf } from './csv.js';
export { enumNames } from './enum-names.js';
export { IdempotencyService } from './idempotency.service.js';
export { InputValidationPipe } from './input-validation.pipe.js';
export { runEvery } from './periodic.js';
export {
  type Actor,
  Allow,
  argPath,
  Authenticated,
  type DeclaredPolicy,
  NETWORK_ROLES,
  type NetworkRole,
  POLICY,
  Public,
  recordScope,
  recordServices,
  Role,
  type ScopeLookups,
  SHELTER_ROLES,
  type ShelterRole,
} from './policy.js';
export { type Caller, CurrentActor, CurrentCaller, RequestIdField } from './request-decorators.js';
export {
  type GraphQLContext,
  type ReplyLike,
  type RequestLike,
  RequestLoaders,
} from './request-loaders.js';
export { requestedFields } from './requested-fields.js';
export { isoWithOffset } from './local-time.js';
export { ScopeRegistry } from './scope-registry.js';
export { StaffDirectory } from './staff-directory.js';
export { snakeCase, SnakeNamingStrategy } from './snake-naming.strategy.js';
export { UuidPipe } from './uuid.pipe.js';
