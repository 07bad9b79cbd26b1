import { type DynamicModule, Module } from '@nestjs/common';
import { AvailabilityService } from './availability.service.js';
import { CountsPlacesService } from './counts-places.service.js';
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
  static forRoot(options: SheltersOptions): DynamicModule {
    return {
      module: SheltersModule,
      providers: [
        { provide: SHELTERS_OPTIONS, useValue: options },
        AvailabilityService,
        CountsPlacesService,
        OrganisationsService,
        OrganisationsResolver,
        ProblemReportsNotifier,
        ProblemReportsResolver,
        ProblemReportsService,
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
