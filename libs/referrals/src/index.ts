// The door of @albergue/referrals: what other libs and apps use, named one by one; the rest stays inside.
export { REFERRALS_ENTITIES } from './entities.js';
export {
  CapacityStatus,
  ReferralCategory,
  ReferralState,
  ReferralUrgency,
  ServiceCategory,
  ServiceCost,
  ServiceRequirement,
} from './referrals.enums.js';
export { type CreateHealthServiceInput } from './dto/health-service.input.js';
export { ReferralRetention } from './referral-retention.js';
export { ReferralsModule } from './referrals.module.js';
export { HealthServicesService } from './health-services.service.js';
export { ReferralsNotifier } from './referrals.notifier.js';
export { PublicHealthService } from './public-health-service.js';
export { PublicHealthServices } from './public-health-services.js';
