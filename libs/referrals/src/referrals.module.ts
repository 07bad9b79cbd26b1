import { type DynamicModule, Module } from '@nestjs/common';
import { ReferralFhirService } from './fhir/referral-fhir.service.js';
import { ReferralFiguresService } from './figures/referral-figures.service.js';
import { ReferralReportsResolver } from './referral-reports.resolver.js';
import { PublicHealthServices } from './public-health-services.js';
import { PublicHealthServicesResolver } from './public-health-services.resolver.js';
import { ReferralScopes } from './referral-scopes.js';
import { ReferralSealer } from './referral-sealer.js';
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
        ReferralScopes,
        ReferralSealer,
        ReferralFhirService,
        ReferralFiguresService,
        ReferralReportsResolver,
        // The public side (issue 20, public part)
        PublicHealthServices,
        PublicHealthServicesResolver,
      ],
      exports: [PublicHealthServices],
    };
  }
}
