import type { Caller } from '@albergue/common';
import type { Population } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { ResidentAccess } from './resident-access.js';
import { Resident } from './resident.entity.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';

/** All the occupancy lib learns of a person it gives a bed: who, and which group's beds. */
export interface PlaceableResident {
  id: string;
  population: Population;
}

/**
 * Where residents are registered, for the libs that place them (occupancy): who is registered
 * at a shelter, and their arrival at another. The methods that take an EntityManager run in the
 * caller's transaction and take no row lock beyond what their statement takes.
 */
@Injectable()
export class ResidentPlacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ResidentAccess,
  ) {}

  /**
   * For a lib that shows part of a person's record (occupancy: their stays), after the guard's
   * `resident.view` scope: audits the read as this lib's own reads are (one row, ids and purpose).
   */
  async recordRead(caller: Caller, residentId: string, purpose: string): Promise<void> {
    const resident = await this.dataSource
      .getRepository(Resident)
      .findOne({ where: { id: residentId }, select: { id: true, currentShelterId: true } });
    if (!resident) {
      throw new ResidentsException(
        'No resident has this id.',
        ResidentsExceptionCode.RESIDENT_NOT_FOUND,
        ['residentId'],
      );
    }
    await this.access.recordReads(caller, [resident], purpose);
  }

  /** The people of `ids` registered now at one of `shelterIds`, not anonymised; fewer when some are not. */
  registeredAt(
    manager: EntityManager,
    ids: string[],
    shelterIds: string[],
  ): Promise<PlaceableResident[]> {
    return manager.find(Resident, {
      select: { id: true, population: true },
      where: { id: In(ids), currentShelterId: In(shelterIds), anonymisedAt: IsNull() },
    });
  }

  /** One person, wherever they are registered. */
  placeable(manager: EntityManager, id: string): Promise<PlaceableResident> {
    return manager.findOneOrFail(Resident, {
      select: { id: true, population: true },
      where: { id },
    });
  }

  /**
   * Arrived from another shelter: `shelterId` is their shelter now, and staff of the one they
   * left keep access for PREVIOUS_SHELTER_ACCESS.
   */
  async arrived(
    manager: EntityManager,
    ids: string[],
    shelterId: string,
    fromShelterId: string,
  ): Promise<void> {
    await manager.update(
      Resident,
      { id: In(ids) },
      { currentShelterId: shelterId, previousShelterId: fromShelterId, leftPreviousAt: new Date() },
    );
  }

  /** The shelter where the person is registered now: none when no record has this id. */
  async currentShelter(id: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ s: string }[]>(
      'SELECT current_shelter_id AS s FROM resident WHERE id = $1',
      [id],
    );
    return rows.map((row) => row.s);
  }
}
