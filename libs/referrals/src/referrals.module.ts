import { type DynamicModule, Module } from '@nestjs/common';
import { ReferralFhirService } from './fhir/referral-fhir.service.js';
import { ReferralFiguresService } from './figures/referral-figures.service.js';
import { ReferralReportsResolver } from './referral-reports.resolver.js';
import { HealthServicesResolver } from './health-services.resolver.js';
import { HealthServicesService } from './health-services.service.js';
import { ReferralMoves } from './referral-moves.js';
import { ReferralReads } from './referral-reads.service.js';
import { ReferralRetention } from './referral-retention.js';
import { HealthAppointments } from './health-appointments.js';
import { OverdueReferrals } from './overdue-referrals.js';
import { OverdueReferralsResolver } from './overdue-referrals.resolver.js';
import { PublicHealthServices } from './public-health-services.js';
import { PublicHealthServicesResolver } from './public-health-services.resolver.js';
import { ReferralScopes } from './referral-scopes.js';
import { ReferralSealer } from './referral-sealer.js';
import { ReferralsNotifier } from './referrals.notifier.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';
import { ReferralsResolver } from './referrals.resolver.js';
import { ReferralsService } from './referrals.service.js';

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
        ReferralFhirService,
        ReferralFiguresService,
        ReferralReportsResolver,
        HealthServicesService,
        HealthServicesResolver,
        ReferralsService,
        ReferralsResolver,
        ReferralMoves,
        ReferralReads,
        ReferralRetention,
        ReferralsNotifier,
        PublicHealthServices,
        PublicHealthServicesResolver,
      ],
      exports: [HealthServicesService, PublicHealthServices],
    };
  }
}
