import { enumNames } from '@albergue/common';
import type { ShelterFigures } from '@albergue/contracts';
import { Injectable } from '@nestjs/common';
import type { Shelter } from './shelter.entity.js';
import { Population, ShelterStatus, TrackingMode } from './shelters.enums.js';
import { type StaffChange, type StaffNotifier, StaffNotifiers } from './staff-notifiers.js';

const populationName = enumNames(Population);
const statusName = enumNames(ShelterStatus);
const trackingName = enumNames(TrackingMode);

/** The staff side's view of a shelter's figures: exact counts per group (the public sees bands). */
export function figuresOf(shelter: Shelter): ShelterFigures {
  return {
    shelterId: shelter.id,
    version: shelter.availabilityVersion,
    status: statusName(shelter.status),
    trackingMode: trackingName(shelter.trackingMode),
    confirmedAt: shelter.availabilityConfirmedAt?.toISOString() ?? null,
    capacities: (shelter.capacities ?? []).map(
      ({ population, totalBeds, freeBeds, overflowTotal, overflowFree }) => ({
        population: populationName(population),
        totalBeds,
        freeBeds,
        overflowTotal,
        overflowFree,
      }),
    ),
  };
}

/**
 * `shelter`: each change's exact figures, to the shelter's staff and to the network roles. It is
 * a projection of this lib's entity, like the public aggregate, so it lives here rather than in
 * the realtime layer, which then carries no domain payload of its own.
 */
@Injectable()
export class ShelterFiguresNotifier implements StaffNotifier {
  readonly name = 'shelter figures';

  constructor(notifiers: StaffNotifiers) {
    notifiers.register(this);
  }

  onChange({ shelter, send }: StaffChange): void {
    send([{ shelter: shelter.id }, 'network'], 'shelter', figuresOf(shelter));
  }
}
