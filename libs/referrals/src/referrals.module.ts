import { type DynamicModule, Module } from '@nestjs/common';
import { HealthAppointments } from './health-appointments.js';
import { OverdueReferrals } from './overdue-referrals.js';
import { OverdueReferralsResolver } from './overdue-referrals.resolver.js';
import { ReferralScopes } from './referral-scopes.js';
import { ReferralSealer } from './referral-sealer.js';
import { ReferralsNotifier } from './referrals.notifier.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';

@Module({})
export class ReferralsModule {
  /**
   * `uses`: the configured modules whose services referrals call (audit, vault, shelters' staff
   * notifiers, residents' referral-subject door).
   */
  static forRoot(options: ReferralsOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: ReferralsModule,
      imports: uses,
      providers: [
        { provide: REFERRALS_OPTIONS, useValue: options },
        HealthAppointments,
        OverdueReferrals,
        OverdueReferralsResolver,
        ReferralScopes,
        ReferralSealer,
        ReferralsNotifier,
      ],
      exports: [],
    };
  }
}
