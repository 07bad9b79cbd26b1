import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import { Inject, Injectable } from '@nestjs/common';
import { computeAvailability } from './availability.js';
import type { NetworkShelter } from './network-shelter.js';
import { publicAddress } from './public-shelter.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { SHELTERS_OPTIONS, type SheltersOptions } from './shelters.options.js';

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
      await this.audit.record({
        action: 'networkShelter',
        outcome: AuditOutcome.SUCCEEDED,
        actorId: caller.actor.userId,
        targetType: 'shelter',
        targetId: shelter.id,
        shelterId: shelter.id,
        detail: 'sensitive',
        ip: caller.ip,
        requestId: caller.requestId,
      });
    }
    return {
      id: shelter.id,
      name: shelter.name,
      sensitive: shelter.sensitive,
      address: { ...shelter.address, borough: publicAddress(shelter).borough },
      lat: shelter.lat,
      lng: shelter.lng,
      // The same rule as the public figures, without the sensitive shelter's veil.
      availability: computeAvailability(
        {
          status: shelter.status,
          sensitive: false,
          confirmedAt: shelter.availabilityConfirmedAt,
          capacities: shelter.capacities ?? [],
        },
        this.options,
        new Date(),
      ),
      capacity: (shelter.capacities ?? []).map(({ population, totalBeds, overflowTotal }) => ({
        population,
        totalBeds,
        overflowTotal,
      })),
    };
  }
}
