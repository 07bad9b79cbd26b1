import { type PlaceableResident, ResidentPlacesService } from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import { type Placement, pickBeds } from './bed-picker.js';
import { freeBedsAt } from './free-beds.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';

/**
 * What check-in and holds share: finding and checking beds and people, turning a hold into
 * stays, writing assignments. Every method runs inside the caller's transaction, under the
 * shelter's lock the caller took first.
 */
@Injectable()
export class BedAllocation {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: ResidentPlacesService,
  ) {}

  group(groupId: string): Promise<BedAssignment[]> {
    return this.dataSource
      .getRepository(BedAssignment)
      .find({ where: { groupId }, order: { bedId: 'ASC' } });
  }

  /** The caller holds the shelter's lock already. */
  async requireBedsMode(manager: EntityManager, shelterId: string): Promise<void> {
    if (!(await manager.existsBy(Bed, { shelterId }))) {
      throw new OccupancyException(
        'This shelter has no beds set up: add rooms and beds first.',
        OccupancyExceptionCode.BEDS_MODE_ONLY,
        ['input.shelterId'],
      );
    }
  }

  async residentsHere(
    manager: EntityManager,
    shelterId: string,
    ids: string[],
    alsoFrom: string | null = null,
  ): Promise<PlaceableResident[]> {
    const residents = await this.places.registeredAt(
      manager,
      ids,
      alsoFrom ? [shelterId, alsoFrom] : [shelterId],
    );
    if (residents.length !== ids.length) {
      throw new OccupancyException(
        'Each person must be registered at this shelter first.',
        OccupancyExceptionCode.RESIDENT_NOT_HERE,
        ['input.residentIds'],
      );
    }
    return ids.map((id) => residents.find((r) => r.id === id)!);
  }

  async chosenBeds(
    manager: EntityManager,
    shelterId: string,
    bedIds: string[],
    needed: number,
  ): Promise<string[]> {
    if (bedIds.length !== needed) {
      throw new OccupancyException(
        'Give one bed per person.',
        OccupancyExceptionCode.BED_COUNT_MISMATCH,
        ['input.bedIds'],
      );
    }
    const beds = await manager.findBy(Bed, { id: In(bedIds) });
    if (beds.length !== bedIds.length) {
      throw new OccupancyException(
        'No bed has one of these ids.',
        OccupancyExceptionCode.BED_NOT_FOUND,
        ['input.bedIds'],
      );
    }
    if (beds.some((bed) => bed.shelterId !== shelterId)) {
      throw new OccupancyException(
        'A bed of another shelter.',
        OccupancyExceptionCode.BED_OF_ANOTHER_SHELTER,
        ['input.bedIds'],
      );
    }
    if (
      beds.some((bed) => bed.outOfServiceReason !== null) ||
      (await manager.countBy(BedAssignment, { bedId: In(bedIds), endedAt: IsNull() })) > 0
    ) {
      throw new OccupancyException(
        'A chosen bed is taken or out of service.',
        OccupancyExceptionCode.BED_TAKEN,
        ['input.bedIds'],
      );
    }
    return bedIds;
  }

  /**
   * Free, in-service beds for each person's group, regular before overflow, all in one room when
   * one room has room for everyone. Runs under the shelter's lock, so what it sees stays free.
   */
  async suitableBeds(
    manager: EntityManager,
    shelterId: string,
    placements: Placement[],
  ): Promise<string[]> {
    const anywhere = pickBeds(await freeBedsAt(manager, shelterId), placements);
    if (!anywhere) {
      throw new OccupancyException(
        placements.length > 1
          ? 'Not enough free suitable beds for everyone in this group.'
          : 'No free suitable bed.',
        OccupancyExceptionCode.NO_SUITABLE_BEDS,
        ['input.residentIds'],
      );
    }
    return anywhere;
  }

  /**
   * The hold's beds become the stays' beds, each person on a bed of their group (and, for a hold
   * that names people, on their own bed); the hold ends as checked in.
   */
  async takeHold(
    manager: EntityManager,
    shelterId: string,
    holdId: string,
    placements: Placement[],
  ): Promise<string[]> {
    const holds = await manager.findBy(BedAssignment, {
      groupId: holdId,
      kind: AssignmentKind.HOLD,
      shelterId,
    });
    if (holds.length === 0) {
      throw new OccupancyException(
        'No hold here has this id.',
        OccupancyExceptionCode.HOLD_NOT_FOUND,
        ['input.holdId'],
      );
    }
    const open = holds.filter(
      (h) => h.endedAt === null && (h.expiresAt === null || h.expiresAt > new Date()),
    );
    if (open.length < holds.length) {
      throw new OccupancyException(
        'This hold has expired or ended.',
        OccupancyExceptionCode.HOLD_EXPIRED,
        ['input.holdId'],
      );
    }
    if (open.length !== placements.length) {
      throw new OccupancyException(
        'The hold is for another number of people.',
        OccupancyExceptionCode.BED_COUNT_MISMATCH,
        ['input.holdId'],
      );
    }
    const beds = new Map(
      (await manager.findBy(Bed, { id: In(open.map((h) => h.bedId)) })).map((bed) => [bed.id, bed]),
    );
    const free = [...open];
    const chosen = placements.map((placement) => {
      const index = free.findIndex((h) =>
        h.residentId
          ? h.residentId === placement.residentId
          : beds.get(h.bedId)?.population === placement.population,
      );
      if (index < 0) {
        throw new OccupancyException(
          'The hold is for other people or another group.',
          OccupancyExceptionCode.RESIDENT_NOT_HERE,
          ['input.residentIds'],
        );
      }
      return free.splice(index, 1)[0].bedId;
    });
    await manager.update(
      BedAssignment,
      { groupId: holdId, endedAt: IsNull() },
      { endedAt: () => 'clock_timestamp()', endReason: AssignmentEnd.CHECKED_IN },
    );
    return chosen;
  }

  async assign(
    manager: EntityManager,
    shelterId: string,
    kind: AssignmentKind,
    groupId: string,
    userId: string,
    beds: string[],
    placements: Placement[],
    expiresAt: Date | null,
    originShelterId: string | null = null,
  ): Promise<void> {
    await manager.insert(
      BedAssignment,
      beds.map((bedId, i) => ({
        bedId,
        shelterId,
        kind,
        groupId,
        byUserId: userId,
        residentId: placements[i].residentId,
        population: placements[i].residentId ? null : placements[i].population,
        expiresAt,
        originShelterId,
      })),
    );
  }

  /** The person's open stay, wherever it is; NOT_CHECKED_IN when there is none. */
  async currentStay(manager: EntityManager, residentId: string): Promise<BedAssignment> {
    const stay = await manager.findOneBy(BedAssignment, {
      residentId,
      kind: AssignmentKind.STAY,
      endedAt: IsNull(),
    });
    if (!stay) {
      throw new OccupancyException(
        'This person is not checked in.',
        OccupancyExceptionCode.NOT_CHECKED_IN,
        ['input.residentId'],
      );
    }
    return stay;
  }
}
