import { HealthService } from './health-service.entity.js';
import { ReferralEvent } from './referral-event.entity.js';
import { Referral } from './referral.entity.js';

/** The tables this lib owns, for the app's data source (the entities themselves stay inside). */
export const REFERRALS_ENTITIES = [HealthService, Referral, ReferralEvent];
