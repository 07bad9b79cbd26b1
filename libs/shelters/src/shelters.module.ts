import { runEvery } from '@albergue/common';
import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
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
export class OutboxRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRetention.name);
  private stop?: () => void;

  constructor(
    private readonly availability: AvailabilityService,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.stop = runEvery(
      HOUR_MS,
      () => this.availability.pruneOutbox(this.options.outboxRetentionMs),
      (error) =>
        this.logger.warn(`outbox prune failed: ${error instanceof Error ? error.name : 'error'}`),
    );
  }

  onApplicationShutdown(): void {
    this.stop?.();
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
      exports: [AvailabilityService, OrganisationsService, ShelterSearchService, SheltersService],
    };
  }
}
