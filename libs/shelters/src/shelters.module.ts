import { PeriodicTask } from '@albergue/common';
import { type DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { AvailabilityService } from './availability.service.js';
import { OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { SheltersResolver } from './shelters.resolver.js';
import { SheltersService } from './shelters.service.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

const HOUR_MS = 3_600_000;

/** Prunes the availability outbox hourly; safe from every instance. */
@Injectable()
export class OutboxRetention extends PeriodicTask {
  constructor(
    private readonly availability: AvailabilityService,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {
    super();
  }

  protected everyMs(): number {
    return HOUR_MS;
  }

  protected run(): Promise<unknown> {
    return this.availability.pruneOutbox(this.options.outboxRetentionMs);
  }
}

@Module({})
export class SheltersModule {
  static forRoot(options: SheltersOptions): DynamicModule {
    return {
      module: SheltersModule,
      // Occupancy (and later libs) move a shelter's figures through AvailabilityService.
      global: true,
      providers: [
        { provide: SHELTERS_OPTIONS, useValue: options },
        AvailabilityService,
        OrganisationsService,
        OutboxRetention,
        OrganisationsResolver,
        ShelterSearchService,
        SheltersResolver,
        SheltersService,
      ],
      exports: [
        AvailabilityService,
        OrganisationsService,
        SHELTERS_OPTIONS,
        ShelterSearchService,
        SheltersService,
      ],
    };
  }
}
