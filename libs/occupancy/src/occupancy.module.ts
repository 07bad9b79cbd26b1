import { ScopeRegistry } from '@albergue/common';
import { ResidentPlacesService } from '@albergue/residents';
import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BedsModeService } from './beds-mode.service.js';
import { BedsService } from './beds.service.js';
import { BoardNotifier } from './board.notifier.js';
import { FiguresService } from './figures.service.js';
import { MovementsService } from './movements.service.js';
import { RecordsService } from './records.service.js';
import { SensitiveReads } from './sensitive-reads.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';
import { OccupancyResolver } from './occupancy.resolver.js';
import { BedAllocation } from './bed-allocation.js';
import { CheckInService } from './check-in.service.js';
import { HoldsService } from './holds.service.js';
import { StaysResolver } from './stays.resolver.js';
import { StaysService } from './stays.service.js';

/** Tells the auth guard which shelter a room, bed or hold belongs to, and which shelter awaits a resident. */
@Injectable()
export class OccupancyScopes {
  constructor(
    private readonly registry: ScopeRegistry,
    private readonly dataSource: DataSource,
    private readonly places: ResidentPlacesService,
  ) {
    // At construction, not onModuleInit: services run before the app starts (the demo loader)
    // open records through these scopes.
    const lookup = (sql: string) => async (id: string) =>
      (await this.dataSource.query<{ s: string }[]>(sql, [id])).map((row) => row.s);
    this.registry.register('room', lookup('SELECT shelter_id AS s FROM room WHERE id = $1'));
    this.registry.register('bed', lookup('SELECT shelter_id AS s FROM bed WHERE id = $1'));
    // A hold by its holdId, or by one place's id: given the wrong one, the hold's own staff get the
    // service's WRONG_ID answer (which names the right id), not FORBIDDEN.
    this.registry.register(
      'hold',
      lookup(
        `SELECT DISTINCT shelter_id AS s FROM bed_assignment WHERE (group_id = $1 OR id = $1) AND kind = 'hold'`,
      ),
    );
    // Staff of a shelter expecting someone from another shelter may read (only read) their record.
    this.registry.extend(
      'resident.view',
      lookup(`SELECT shelter_id AS s FROM bed_assignment
               WHERE resident_id = $1 AND kind = 'hold' AND ended_at IS NULL AND origin_shelter_id IS NOT NULL`),
    );
    // Check-out, move and transfer act where the person's bed is (else where they are registered),
    // never where they were before.
    const bedOf = lookup(
      `SELECT shelter_id AS s FROM bed_assignment WHERE resident_id = $1 AND kind = 'stay' AND ended_at IS NULL`,
    );
    this.registry.register('stay', async (id) => {
      const bed = await bedOf(id);
      return bed.length > 0 ? bed : this.places.currentShelter(id);
    });
    // The shelter that placed a hold elsewhere may cancel it.
    this.registry.register(
      'hold.placed',
      lookup(`SELECT shelter_id AS s FROM bed_assignment WHERE (group_id = $1 OR id = $1) AND kind = 'hold'
              UNION SELECT origin_shelter_id FROM bed_assignment
                     WHERE (group_id = $1 OR id = $1) AND kind = 'hold' AND origin_shelter_id IS NOT NULL`),
    );
  }
}

@Module({})
export class OccupancyModule {
  /** `uses`: the configured modules whose services occupancy calls (residents, shelters). */
  static forRoot(options: OccupancyOptions, uses: DynamicModule[]): DynamicModule {
    return {
      module: OccupancyModule,
      imports: uses,
      providers: [
        { provide: OCCUPANCY_OPTIONS, useValue: options },
        BedsModeService,
        BedsService,
        BoardNotifier,
        FiguresService,
        MovementsService,
        OccupancyResolver,
        OccupancyScopes,
        BedAllocation,
        CheckInService,
        HoldsService,
        RecordsService,
        SensitiveReads,
        StaysResolver,
        StaysService,
      ],
      exports: [BedsModeService, BedsService, CheckInService, HoldsService],
    };
  }
}
