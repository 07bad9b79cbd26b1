import { PeriodicTask, ScopeRegistry } from '@albergue/common';
import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AsylumService } from './asylum.service.js';
import { DuplicatesService } from './duplicates.service.js';
import { KeyRotationService } from './key-rotation.service.js';
import { ResidentAccess } from './resident-access.js';
import { ResidentAggregatesService } from './resident-aggregates.service.js';
import { ResidentLifecycleService } from './resident-lifecycle.service.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import { ResidentsResolver } from './residents.resolver.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';
import { ResidentsService } from './residents.service.js';

const DAY_MS = 86_400_000;

/** Tells the auth guard which shelters a resident, household or appointment belongs to. */
@Injectable()
export class ResidentScopes implements OnModuleInit {
  constructor(
    private readonly registry: ScopeRegistry,
    private readonly access: ResidentAccess,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register('resident', (id) => this.access.sheltersOf(id));
    // Reading a record: the same shelters, plus those other libs add (a shelter expecting the person).
    this.registry.register('resident.view', (id) => this.access.sheltersOf(id));
    this.registry.register('resident.current', async (id) =>
      (
        await this.dataSource.query<{ s: string }[]>(
          'SELECT current_shelter_id AS s FROM resident WHERE id = $1',
          [id],
        )
      ).map((r) => r.s),
    );
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
    this.registry.register('appointment', async (id) => {
      const [row] = await this.dataSource.query<{ resident_id: string }[]>(
        'SELECT resident_id FROM appointment WHERE id = $1',
        [id],
      );
      return row ? this.access.sheltersOf(row.resident_id) : [];
    });
  }
}

/** Anonymises closed cases past retention, at start and daily; safe from every instance (SKIP LOCKED). */
@Injectable()
export class ResidentRetention extends PeriodicTask {
  constructor(private readonly lifecycle: ResidentLifecycleService) {
    super();
  }

  protected everyMs(): number {
    return DAY_MS;
  }

  protected run(): Promise<unknown> {
    return this.lifecycle.anonymiseExpired();
  }

  protected override startsAtOnce(): boolean {
    return true;
  }
}

@Module({})
export class ResidentsModule {
  static forRoot(options: ResidentsOptions): DynamicModule {
    return {
      module: ResidentsModule,
      providers: [
        { provide: RESIDENTS_OPTIONS, useValue: options },
        AsylumService,
        DuplicatesService,
        KeyRotationService,
        ResidentAccess,
        ResidentAggregatesService,
        ResidentLifecycleService,
        ResidentRetention,
        ResidentScopes,
        ResidentSealer,
        ResidentViewMapper,
        ResidentsResolver,
        ResidentsService,
      ],
      exports: [AsylumService, KeyRotationService, ResidentLifecycleService, ResidentsService],
      global: true,
    };
  }
}
