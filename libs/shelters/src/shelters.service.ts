import { IdempotencyService } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { approximatePoint } from './approximate-location.js';
import { AvailabilityService } from './availability.service.js';
import type { CapacityInput } from './dto/capacity.input.js';
import type { CreateShelterInput } from './dto/create-shelter.input.js';
import type { UpdateShelterInput } from './dto/update-shelter.input.js';
import { checkedHours } from './opening-hours.js';
import { Organisation } from './organisation.entity.js';
import { ShelterCapacity } from './shelter-capacity.entity.js';
import { lockShelter } from './shelter-lock.js';
import { ShelterSearchService } from './shelter-search.service.js';
import { Shelter } from './shelter.entity.js';
import { SheltersException, SheltersExceptionCode } from './shelters.exception.js';
import { ShelterStatus, TrackingMode } from './shelters.enums.js';

function checkedCapacity(capacity: CapacityInput[]): CapacityInput[] {
  const seen = new Set<string>();
  capacity.forEach(({ population }, index) => {
    if (seen.has(population)) {
      throw new SheltersException(
        'Each population may appear once.',
        SheltersExceptionCode.DUPLICATE_POPULATION,
        [`input.capacity.${index}.population`],
      );
    }
    seen.add(population);
  });
  return capacity;
}

@Injectable()
export class SheltersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly search: ShelterSearchService,
    private readonly availability: AvailabilityService,
  ) {}

  /**
   * A new shelter declares its places; its free places are unknown until staff first report
   * them, so it shows as UNKNOWN rather than as an empty building that may not be empty.
   */
  async create(input: CreateShelterInput): Promise<Shelter> {
    const capacity = checkedCapacity(input.capacity);
    const { id } = await this.idempotency.run('createShelter', input, async (manager, fields) => {
      const { organisationId } = fields;
      if (!(await manager.existsBy(Organisation, { id: organisationId }))) {
        throw new SheltersException(
          'No organisation has this id.',
          SheltersExceptionCode.ORGANISATION_NOT_FOUND,
          ['input.organisationId'],
        );
      }
      const shelter = manager.create(Shelter, {
        organisationId,
        name: fields.name,
        status: fields.status ?? ShelterStatus.OPEN,
        address: { ...fields.address },
        contact: { ...fields.contact },
        services: fields.services ?? [],
        languages: fields.languages ?? [],
        eligibility: { ...fields.eligibility },
        hours: checkedHours(fields.hours ?? null),
        openingHours: fields.openingHours ?? null,
      });
      this.place(shelter, fields.location, fields.sensitive ?? false);
      const saved = await manager.save(shelter);
      await this.replaceCapacity(manager, saved, capacity);
      // A new shelter is a public change too: version 1 and its first outbox row.
      await this.availability.recordChange(manager, saved.id, { confirmed: false });
      return saved.id;
    });
    return this.search.get(id);
  }

  async update(id: string, input: UpdateShelterInput): Promise<Shelter> {
    return this.dataSource.transaction(async (manager) => {
      const shelter = await lockShelter(manager, id);
      if (input.name !== undefined) {
        shelter.name = input.name;
      }
      if (input.status !== undefined) {
        shelter.status = input.status;
      }
      if (input.services !== undefined) {
        shelter.services = input.services;
      }
      if (input.languages !== undefined) {
        shelter.languages = input.languages;
      }
      if (input.hours !== undefined) {
        shelter.hours = checkedHours(input.hours);
      }
      if (input.openingHours !== undefined) {
        shelter.openingHours = input.openingHours;
      }
      if (input.address) {
        shelter.address = { ...shelter.address, ...input.address };
      }
      if (input.contact) {
        shelter.contact = { ...shelter.contact, ...input.contact };
      }
      if (input.eligibility) {
        shelter.eligibility = { ...shelter.eligibility, ...input.eligibility };
      }
      if (
        input.location !== undefined ||
        (input.sensitive !== undefined && input.sensitive !== shelter.sensitive)
      ) {
        this.place(shelter, input.location ?? shelter, input.sensitive ?? shelter.sensitive);
      }
      await manager.save(shelter);
      if (input.capacity) {
        if (shelter.trackingMode === TrackingMode.BEDS) {
          throw new SheltersException(
            'This shelter counts its beds one by one: change its beds instead of declared capacity.',
            SheltersExceptionCode.COUNTS_MODE_ONLY,
            ['input.capacity'],
          );
        }
        await this.replaceCapacity(manager, shelter, checkedCapacity(input.capacity));
      }
      // Any edit may change what the public sees (name, status, place, figures): a new version.
      await this.availability.recordChange(manager, id, { confirmed: false });
      return this.search.get(id, manager);
    });
  }

  /** Sets the door and the public point: the door itself, or a stored approximate point for a sensitive shelter. */
  private place(shelter: Shelter, door: { lat: number; lng: number }, sensitive: boolean): void {
    const previous = { lat: shelter.lat, lng: shelter.lng };
    const moved = shelter.lat !== door.lat || shelter.lng !== door.lng;
    const becameSensitive = sensitive && !shelter.sensitive;
    shelter.lat = door.lat;
    shelter.lng = door.lng;
    shelter.sensitive = sensitive;
    if (!sensitive) {
      shelter.publicLat = door.lat;
      shelter.publicLng = door.lng;
    } else if (moved && !becameSensitive && shelter.publicLat !== undefined) {
      // Keep the drawn offset and move it with the door: a fresh draw per move would hand out
      // several points around almost the same door, which together narrow it down.
      shelter.publicLat += door.lat - previous.lat;
      shelter.publicLng += door.lng - previous.lng;
    } else if (becameSensitive || shelter.publicLat === undefined) {
      const point = approximatePoint(door);
      shelter.publicLat = point.lat;
      shelter.publicLng = point.lng;
    }
  }

  /** Declared places per group; free places are kept up to the new totals, and new groups start at 0 until reported. */
  private async replaceCapacity(
    manager: EntityManager,
    shelter: Shelter,
    capacity: CapacityInput[],
  ): Promise<void> {
    const current = new Map(
      (await manager.findBy(ShelterCapacity, { shelterId: shelter.id })).map((row) => [
        row.population,
        row,
      ]),
    );
    await manager.delete(ShelterCapacity, { shelterId: shelter.id });
    if (capacity.length > 0) {
      await manager.insert(
        ShelterCapacity,
        capacity.map(({ population, totalBeds, overflowTotal: givenOverflow }) => {
          const overflowTotal = givenOverflow ?? 0;
          const old = current.get(population);
          return {
            shelterId: shelter.id,
            population,
            totalBeds,
            overflowTotal,
            freeBeds: Math.min(old?.freeBeds ?? 0, totalBeds),
            overflowFree: Math.min(old?.overflowFree ?? 0, overflowTotal),
            held: old?.held ?? 0,
          };
        }),
      );
    }
    await manager.update(
      Shelter,
      { id: shelter.id },
      { populations: capacity.map(({ population }) => population) },
    );
  }
}
