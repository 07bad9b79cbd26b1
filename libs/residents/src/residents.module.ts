import { ScopeRegistry } from '@albergue/common';
import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppointmentsNotifier } from './appointments.notifier.js';
import { AppointmentSources } from './appointment-sources.js';
import { AsylumService } from './asylum.service.js';
import { DuplicatesService } from './duplicates.service.js';
import { FreeTextSealing } from './free-text-sealing.js';
import { NameSearchService } from './name-search.service.js';
import { ReferralSubjects } from './referral-subjects.js';
import { ResidentAccess } from './resident-access.js';
import { ResidentAggregatesService } from './resident-aggregates.service.js';
import { ResidentLifecycleService } from './resident-lifecycle.service.js';
import { ResidentErasures } from './resident-erasures.js';
import { ResidentMerges } from './resident-merges.js';
import { ResidentMoves } from './resident-moves.js';
import { ResidentPlacesService } from './resident-places.service.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import { ResidentsResolver } from './residents.resolver.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';
import { ResidentsService } from './residents.service.js';

/** Tells the auth guard which shelters a resident, household or appointment belongs to. */
@Injectable()
export class ResidentScopes {
  constructor(
    private readonly registry: ScopeRegistry,
    private readonly access: ResidentAccess,
    private readonly places: ResidentPlacesService,
    private readonly dataSource: DataSource,
  ) {
    // At construction, not onModuleInit: services run before the app starts (the demo loader)
    // open records through these scopes.
    const current = (sql: string) => async (id: string) =>
      (await this.dataSource.query<{ s: string }[]>(sql, [id])).map((r) => r.s);
    // Changing, closing, exporting or erasing a record: where the person is now, only.
    this.registry.register('resident', (id) => this.places.currentShelter(id));
    // Reading it: also the shelter they left, for a while, and those other libs add (a shelter
    // expecting the person on a transfer). ResidentAccess.readRoles opens records through it.
    this.registry.register('resident.view', (id) => this.access.sheltersOf(id));
    this.registry.register('household', async (id) => {
      const members = await this.dataSource.query<{ id: string }[]>(
        'SELECT id FROM resident WHERE household_id = $1',
        [id],
      );
      const shelters = await Promise.all(
        members.map((member) => this.access.sheltersOf(member.id)),
      );
      return [...new Set(shelters.flat())];
    });
    // Recording an appointment's outcome is a change: where the person is now.
    this.registry.register(
      'appointment',
      current(`SELECT r.current_shelter_id AS s
                 FROM appointment a JOIN resident r ON r.id = a.resident_id WHERE a.id = $1`),
    );
  }
}

@Module({})
export class ResidentsModule {
  /** `uses`: the configured modules whose services residents call (audit, vault, shelters' staff notifiers). */
  static forRoot(options: ResidentsOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: ResidentsModule,
      imports: uses,
      providers: [
        { provide: RESIDENTS_OPTIONS, useValue: options },
        AppointmentsNotifier,
        AppointmentSources,
        AsylumService,
        DuplicatesService,
        FreeTextSealing,
        NameSearchService,
        ReferralSubjects,
        ResidentAccess,
        ResidentAggregatesService,
        ResidentErasures,
        ResidentLifecycleService,
        ResidentMerges,
        ResidentMoves,
        ResidentPlacesService,
        ResidentScopes,
        ResidentSealer,
        ResidentViewMapper,
        ResidentsResolver,
        ResidentsService,
      ],
      exports: [
        AppointmentSources,
        AsylumService,
        ReferralSubjects,
        ResidentErasures,
        ResidentLifecycleService,
        ResidentMerges,
        ResidentMoves,
        ResidentPlacesService,
        ResidentsService,
      ],
    };
  }
}
