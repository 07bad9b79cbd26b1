import { type PlaceableResident, ResidentPlacesService } from '@albergue/residents';
import {
  CountsPlacesService,
  type PlacesChange,
  Population,
  Shelter,
  TrackingMode,
} from '@albergue/shelters';
import { enumNames } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import { type Placement, pickBeds } from './bed-picker.js';
import { freeBedsAt } from './free-beds.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';

/** The API's name of a group (FAMILIES), as clients know it. */
const populationName = enumNames(Population);

/** Per group, the places among `assignments` that have no bed (counts mode). */
function placesOnly(
  assignments: { bedId: string | null; population: Population | null }[],
): PlacesChange[] {
  const count = new Map<Population, number>();
  for (const { bedId, population } of assignments) {
    if (bedId === null && population !== null) {
      count.set(population, (count.get(population) ?? 0) + 1);
    }
  }
  return [...count].map(([population, n]) => ({ population, count: n }));
}

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
    private readonly counts: CountsPlacesService,
  ) {}

  /** Whether the shelter counts bed by bed (beds mode) or reports counts; the caller holds its lock. */
  async inBedsMode(manager: EntityManager, shelterId: string): Promise<boolean> {
    const shelter = await manager.findOne(Shelter, {
      select: { id: true, trackingMode: true },
      where: { id: shelterId },
    });
    return shelter?.trackingMode === TrackingMode.BEDS;
  }

  /** A counts-mode shelter's published free places, in the groups of `placements`. */
  async freePlaces(
    manager: EntityManager,
    shelterId: string,
    placements: Placement[],
  ): Promise<number> {
    const free = await this.counts.free(manager, shelterId);
    return [...new Set(placements.map((p) => p.population))].reduce(
      (sum, population) => sum + (free.get(population) ?? 0),
      0,
    );
  }

  /**
   * Places for everyone at a counts-mode shelter, from its published free places (the last
   * report minus the places held), taken at once: NO_ROOM when a group has too few. A
   * place has no bed (null, one per person). Under the shelter's lock.
   */
  async countsPlaces(
    manager: EntityManager,
    shelterId: string,
    placements: Placement[],
    field: string,
  ): Promise<null[]> {
    const free = await this.counts.free(manager, shelterId);
    const needed = new Map<Population, number>();
    for (const { population } of placements) {
      needed.set(population, (needed.get(population) ?? 0) + 1);
    }
    for (const [population, count] of needed) {
      if ((free.get(population) ?? 0) < count) {
        throw new OccupancyException(
          `This shelter reports no free places for ${populationName(population)}${count > 1 ? ` (${count} needed)` : ''}: try another shelter, or ask its staff to report their figures.`,
          OccupancyExceptionCode.NO_ROOM,
          [field],
        );
      }
    }
    await this.counts.take(
      manager,
      shelterId,
      [...needed].map(([population, count]) => ({ population, count })),
    );
    return placements.map(() => null);
  }

  /**
   * A counts-mode shelter gets back the places of holds that ended without an arrival
   * (cancelled, declined, expired), whenever they were placed: a staff report counts what is
   * physically free and keeps held places apart. Under the shelter's lock.
   */
  async givePlacesBack(
    manager: EntityManager,
    shelterId: string,
    ended: { bedId: string | null; population: Population | null }[],
  ): Promise<void> {
    await this.counts.release(manager, shelterId, placesOnly(ended));
  }

  /**
   * The answer to a hold id that names no hold: which id was given instead (an assignment's, a
   * check-in's), and where the hold's id is found.
   */
  async holdNotFound(manager: EntityManager, id: string, field: string): Promise<never> {
    const [other] = await manager.query<{ kind: string; by_id: boolean }[]>(
      `SELECT kind::text, id = $1 AS by_id FROM bed_assignment WHERE id = $1 OR group_id = $1 LIMIT 1`,
      [id],
    );
    if (other?.by_id) {
      throw new OccupancyException(
        `This is the id of one ${other.kind === 'hold' ? 'place of a hold' : 'stay'}, not a hold’s: give the holdId that placeHold, transfer and holdsAt answer.`,
        OccupancyExceptionCode.WRONG_ID,
        [field],
      );
    }
    if (other) {
      throw new OccupancyException(
        'This is the id of a check-in’s stays, not of a hold: give the holdId that placeHold, transfer and holdsAt answer.',
        OccupancyExceptionCode.WRONG_ID,
        [field],
      );
    }
    throw new OccupancyException(
      'No hold has this id: give the holdId that placeHold, transfer and holdsAt answer.',
      OccupancyExceptionCode.HOLD_NOT_FOUND,
      [field],
    );
  }

  group(groupId: string): Promise<BedAssignment[]> {
    return this.dataSource
      .getRepository(BedAssignment)
      .find({ where: { groupId }, order: { bedId: 'ASC' } });
  }

  /** The caller holds the shelter's lock already. */
  async requireBedsMode(manager: EntityManager, shelterId: string): Promise<void> {
    if (!(await this.inBedsMode(manager, shelterId))) {
      throw new OccupancyException(
        'This shelter reports counts: check in people arriving on a hold (holdId), or switch it to beds mode (switchToBedsMode) once its rooms and beds are set up.',
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
    field = 'input.residentIds',
  ): Promise<string[]> {
    const anywhere = pickBeds(await freeBedsAt(manager, shelterId), placements);
    if (!anywhere) {
      throw new OccupancyException(
        placements.length > 1
          ? 'Not enough free suitable beds for everyone in this group.'
          : 'No free suitable bed.',
        OccupancyExceptionCode.NO_SUITABLE_BEDS,
        [field],
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
  ): Promise<(string | null)[]> {
    const holds = await manager.findBy(BedAssignment, {
      groupId: holdId,
      kind: AssignmentKind.HOLD,
      shelterId,
    });
    if (holds.length === 0) {
      return this.holdNotFound(manager, holdId, 'input.holdId');
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
    const bedIds = open.flatMap((h) => (h.bedId ? [h.bedId] : []));
    const beds = new Map(
      (await manager.findBy(Bed, { id: In(bedIds) })).map((bed) => [bed.id, bed]),
    );
    // A place without a bed (counts mode) says its group itself.
    const groupOf = (h: BedAssignment) => (h.bedId ? beds.get(h.bedId)?.population : h.population);
    const free = [...open];
    const chosen = placements.map((placement) => {
      const index = free.findIndex((h) =>
        h.residentId ? h.residentId === placement.residentId : groupOf(h) === placement.population,
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
    // Places without a bed: the people are here, so their places stay taken but no longer held.
    await this.counts.arrived(manager, shelterId, placesOnly(open));
    return chosen;
  }

  async assign(
    manager: EntityManager,
    shelterId: string,
    kind: AssignmentKind,
    groupId: string,
    userId: string,
    beds: (string | null)[],
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
        // Kept for a count of a group, or a place without a bed: the group is the record's own.
        population: placements[i].residentId && bedId ? null : placements[i].population,
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
