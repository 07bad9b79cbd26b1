import { type DynamicModule, Module } from '@nestjs/common';
import { AvailabilityService } from './availability.service.js';
import { CountsPlacesService } from './counts-places.service.js';
import { NetworkSheltersService } from './network-shelters.service.js';
import { OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';
import { ProblemReportsNotifier } from './problem-reports.notifier.js';
import { ProblemReportsResolver } from './problem-reports.resolver.js';
import { ProblemReportsService } from './problem-reports.service.js';
import { ShelterFiguresNotifier } from './shelter-figures.notifier.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { SheltersResolver } from './shelters.resolver.js';
import { SheltersService } from './shelters.service.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';
import { StaleNudgesNotifier } from './stale-nudges.notifier.js';
import { StaffNotifiers } from './staff-notifiers.js';

@Module({})
export class SheltersModule {
  /** `uses`: the configured modules whose services shelters calls (audit). */
  static forRoot(options: SheltersOptions, uses: DynamicModule[] = []): DynamicModule {
    return {
      module: SheltersModule,
      imports: uses,
      providers: [
        { provide: SHELTERS_OPTIONS, useValue: options },
        AvailabilityService,
        CountsPlacesService,
        OrganisationsService,
        OrganisationsResolver,
        ProblemReportsNotifier,
        ProblemReportsResolver,
        ProblemReportsService,
        NetworkSheltersService,
        ShelterFiguresNotifier,
        ShelterSearchService,
        SheltersResolver,
        SheltersService,
        StaffNotifiers,
        StaleNudgesNotifier,
      ],
      exports: [
        AvailabilityService,
        CountsPlacesService,
        OrganisationsService,
        ProblemReportsService,
        SHELTERS_OPTIONS,
        ShelterSearchService,
        SheltersService,
        StaffNotifiers,
        StaleNudgesNotifier,
      ],
    };
  }
}
