// The door of @albergue/referrals: what other libs and apps use, named one by one; the rest stays inside.
export { REFERRALS_ENTITIES } from './entities.js';
export {
  CapacityStatus,
  ReferralCategory,
  ReferralState,
  ReferralUrgency,
  ServiceCategory,
} from './referrals.enums.js';
export { ReferralsModule } from './referrals.module.js';
export { PublicHealthService } from './public-health-service.js';
export { PublicHealthServices } from './public-health-services.js';
