import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { computeAvailability } from './availability.js';
import type { NetworkShelter } from './network-shelter.js';
import { publicAddress } from './public-shelter.js';
import { ShelterSearchService } from './shelter-search.service.js';
import type { Shelter } from './shelter.entity.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

type AuditRecord = Parameters<AuditService['record']>[0];

/**
 * What network roles see of a shelter that the public does not: the door and exact counts of a
 * sensitive shelter. Each read of a sensitive shelter leaves an audit row (ids only).
 */
@Injectable()
export class NetworkSheltersService {
  constructor(
    private readonly search: ShelterSearchService,
    private readonly audit: AuditService,
    @Inject(SHELTERS_OPTIONS) private readonly options: SheltersOptions,
  ) {}

  async get(caller: Caller, id: string): Promise<NetworkShelter> {
    const shelter = await this.search.get(id);
    if (shelter.sensitive) {
      await this.audit.record(this.sensitiveRead('networkShelter', caller, shelter));
    }
    return this.view(shelter, new Date());
  }

  /**
   * Every shelter of the network, as `get` shows one (the network view's table and map). One
   * audit row per sensitive shelter shown, written in one statement, as `get` writes for one.
   */
  async list(caller: Caller): Promise<NetworkShelter[]> {
    const shelters = await this.search.all();
    await this.audit.recordMany(
      shelters
        .filter((shelter) => shelter.sensitive)
        .map((shelter) => this.sensitiveRead('networkShelters', caller, shelter)),
    );
    const now = new Date();
    return shelters.map((shelter) => this.view(shelter, now));
  }

  private sensitiveRead(action: string, caller: Caller, shelter: Shelter): AuditRecord {
    return {
      action,
      outcome: AuditOutcome.SUCCEEDED,
      actorId: caller.actor.userId,
      targetType: 'shelter',
      targetId: shelter.id,
      shelterId: shelter.id,
      detail: 'sensitive',
      ip: caller.ip,
      requestId: caller.requestId,
    };
  }

  private view(shelter: Shelter, now: Date): NetworkShelter {
    const confirmedAt = shelter.availabilityConfirmedAt;
    return {
      id: shelter.id,
      name: shelter.name,
      sensitive: shelter.sensitive,
      address: { ...shelter.address, borough: publicAddress(shelter).borough },
      lat: shelter.lat,
      lng: shelter.lng,
      status: shelter.status,
      version: shelter.availabilityVersion,
      staleAt: confirmedAt ? new Date(confirmedAt.getTime() + this.options.staleAfterMs) : null,
      // The same rule as the public figures, without the sensitive shelter's veil.
      availability: computeAvailability(
        {
          status: shelter.status,
          sensitive: false,
          confirmedAt,
          capacities: shelter.capacities ?? [],
        },
        this.options,
        now,
      ),
      capacity: (shelter.capacities ?? []).map(({ population, totalBeds, overflowTotal }) => ({
        population,
        totalBeds,
        overflowTotal,
      })),
    };
  }
}
