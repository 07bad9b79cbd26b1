import {
  type Caller,
  type ClusterJob,
  ClusterJobs,
  IdempotencyService,
  type JobOutcome,
} from '@albergue/common';
import { Resident, ResidentLifecycleService, ResidentsService } from '@albergue/residents';
import { lockShelter, type Population } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import type {
  CancelHoldInput,
  CheckInInput,
  CheckOutInput,
  PlaceHoldInput,
  RegisterAndCheckInInput,
} from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';
import { checkElsewhereShare, holdExpiry } from './hold-limits.js';

const HOLD_EXPIRY: ClusterJob = { name: 'hold-expiry', everyMs: 30_000 };

interface Placement {
  residentId: string | null;
  population: Population;
}

/**
 * Check-in, check-out and holds. Each act locks the shelter's row first (one order everywhere),
 * takes beds by inserting assignments that the unique indexes keep exclusive, and recomputes the
 * shelter's figures in the same transaction.
 */
@Injectable()
export class OccupancyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    private readonly residents: ResidentsService,
    private readonly lifecycle: ResidentLifecycleService,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
    private readonly jobs: ClusterJobs,
  ) {}

  /** A person or a household into beds: all together (in one room when it can) or nobody. */
  async checkIn(userId: string, input: CheckInInput): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run('checkIn', input, (manager, payload) =>
      this.checkInWithin(manager, userId, payload),
    );
    return this.group(id);
  }

  /**
   * At the gate: a newcomer (or a household) registered and checked in as one act, so that a
   * failure (no bed) registers nobody either.
   */
  async registerAndCheckIn(
    caller: Caller,
    input: RegisterAndCheckInInput,
  ): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run(
      'registerAndCheckIn',
      input,
      async (manager, payload) => {
        const { bedIds, ...household } = payload;
        // The shelter's lock first, as in every act here: inserting the household takes a key
        // lock on the shelter row, and two gates taking them in opposite orders would deadlock.
        await lockShelter(manager, input.shelterId, 'input.shelterId');
        const { ids } = await this.residents.insertHousehold(manager, caller, household);
        return this.checkInWithin(manager, caller.actor.userId, {
          shelterId: input.shelterId,
          residentIds: ids,
          bedIds,
        });
      },
    );
    return this.group(id);
  }

  /** Check-in inside the caller's transaction; returns the stays' group id. */
  private async checkInWithin(
    manager: EntityManager,
    userId: string,
    input: Omit<CheckInInput, 'requestId'>,
  ): Promise<string> {
    const hold = input.holdId
      ? await manager.findBy(BedAssignment, { groupId: input.holdId, kind: AssignmentKind.HOLD })
      : [];
    // A hold placed from another shelter: the residents come from there, and it names them.
    const origin = hold[0]?.originShelterId ?? null;
    // Both shelters' locks, in id order, before anything else (the arrival updates the origin's keys too).
    for (const shelterId of [input.shelterId, ...(origin ? [origin] : [])].sort()) {
      await lockShelter(manager, shelterId, 'input.shelterId');
    }
    await this.requireBedsMode(manager, input.shelterId);
    const named = hold.filter((h) => h.residentId !== null).map((h) => h.residentId!);
    if (
      named.length > 0 &&
      (named.length !== input.residentIds.length ||
        named.some((id) => !input.residentIds.includes(id)))
    ) {
      throw new OccupancyException(
        'This transfer is for other people.',
        OccupancyExceptionCode.RESIDENT_NOT_HERE,
        ['input.residentIds'],
      );
    }
    // Only people a hold names may come from its origin: a hold for a count of a group names
    // nobody, and must not let this shelter take any resident of the shelter that placed it.
    const residents = await this.residentsHere(
      manager,
      input.shelterId,
      input.residentIds,
      named.length > 0 ? origin : null,
    );
    const inBed = await manager.count(BedAssignment, {
      where: {
        residentId: In(input.residentIds),
        kind: AssignmentKind.STAY,
        endedAt: IsNull(),
      },
    });
    if (inBed > 0) {
      throw new OccupancyException(
        'Someone here is already in a bed: check them out or move them.',
        OccupancyExceptionCode.ALREADY_IN_A_BED,
        ['input.residentIds'],
      );
    }
    const placements = residents.map((r) => ({ residentId: r.id, population: r.population }));
    let beds: string[];
    if (input.holdId) {
      beds = await this.takeHold(manager, input.shelterId, input.holdId, placements);
    } else if (input.bedIds) {
      beds = await this.chosenBeds(manager, input.shelterId, input.bedIds, placements.length);
    } else {
      beds = await this.suitableBeds(manager, input.shelterId, placements);
    }
    const groupId = randomUUID();
    await this.assign(
      manager,
      input.shelterId,
      AssignmentKind.STAY,
      groupId,
      userId,
      beds,
      placements,
      null,
    );
    if (origin) {
      // Arrived: this is their shelter now; staff of the one they left keep access for a while.
      await manager.update(
        Resident,
        { id: In(input.residentIds) },
        {
          currentShelterId: input.shelterId,
          previousShelterId: origin,
          leftPreviousAt: new Date(),
        },
      );
    }
    await this.figures.recompute(manager, input.shelterId);
    return groupId;
  }

  async checkOut(userId: string, input: CheckOutInput): Promise<BedAssignment> {
    const { id } = await this.idempotency.run('checkOut', input, async (manager) => {
      const stay = await manager.findOneBy(BedAssignment, {
        residentId: input.residentId,
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
      await lockShelter(manager, stay.shelterId, 'input.residentId');
      const result = await manager.update(
        BedAssignment,
        { id: stay.id, endedAt: IsNull() },
        { endedAt: () => 'clock_timestamp()', endReason: AssignmentEnd.CHECKED_OUT },
      );
      if (!result.affected) {
        throw new OccupancyException(
          'This person is not checked in.',
          OccupancyExceptionCode.NOT_CHECKED_IN,
          ['input.residentId'],
        );
      }
      if (input.leavesNetwork) {
        // Out of the network: the case closes with the check-out.
        await this.lifecycle.closeCase(manager, input.residentId, userId);
      }
      await this.figures.recompute(manager, stay.shelterId);
      return stay.id;
    });
    return this.dataSource.getRepository(BedAssignment).findOneByOrFail({ id });
  }

  /** Keeps beds for people on the way; they lapse after the hold time unless checked in or cancelled. */
  async placeHold(userId: string, input: PlaceHoldInput): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run('placeHold', input, async (manager) => {
      await lockShelter(manager, input.shelterId, 'input.shelterId');
      await this.requireBedsMode(manager, input.shelterId);
      let placements: Placement[];
      if (input.residentIds?.length) {
        // Only people of the placing shelter: a hold must not become a door into another shelter's records.
        const residents = await manager.findBy(Resident, {
          id: In(input.residentIds),
          currentShelterId: input.fromShelterId,
          anonymisedAt: IsNull(),
        });
        if (residents.length !== input.residentIds.length) {
          throw new OccupancyException(
            'Each person must be registered at the shelter placing the hold.',
            OccupancyExceptionCode.RESIDENT_NOT_HERE,
            ['input.residentIds'],
          );
        }
        placements = residents.map((r) => ({ residentId: r.id, population: r.population }));
      } else if (input.population && input.count) {
        placements = Array.from({ length: input.count }, () => ({
          residentId: null,
          population: input.population!,
        }));
      } else {
        throw new OccupancyException(
          'Give residentIds, or a population and a count.',
          OccupancyExceptionCode.HOLD_INCOMPLETE,
          ['input.residentIds'],
        );
      }
      const expiresAt = holdExpiry(this.options, input);
      await checkElsewhereShare(manager, this.options, {
        ...input,
        beds: placements.length,
        named: placements.some((placement) => placement.residentId !== null),
      });
      const beds = await this.suitableBeds(manager, input.shelterId, placements);
      const groupId = randomUUID();
      await this.assign(
        manager,
        input.shelterId,
        AssignmentKind.HOLD,
        groupId,
        userId,
        beds,
        placements,
        expiresAt,
        // Placed from another shelter: that shelter follows it and may cancel it.
        input.fromShelterId === input.shelterId ? null : input.fromShelterId,
      );
      await this.figures.recompute(manager, input.shelterId);
      return groupId;
    });
    return this.group(id);
  }

  async cancelHold(input: CancelHoldInput): Promise<BedAssignment[]> {
    await this.idempotency.run('cancelHold', input, async (manager) => {
      const hold = await manager.findOneBy(BedAssignment, {
        groupId: input.holdId,
        kind: AssignmentKind.HOLD,
      });
      if (!hold) {
        throw new OccupancyException(
          'No hold has this id.',
          OccupancyExceptionCode.HOLD_NOT_FOUND,
          ['input.holdId'],
        );
      }
      await lockShelter(manager, hold.shelterId, 'input.holdId');
      const cancelled = await manager.update(
        BedAssignment,
        { groupId: input.holdId, endedAt: IsNull() },
        { endedAt: () => 'clock_timestamp()', endReason: AssignmentEnd.CANCELLED },
      );
      if (!cancelled.affected) {
        throw new OccupancyException(
          'This hold has already ended.',
          OccupancyExceptionCode.HOLD_EXPIRED,
          ['input.holdId'],
        );
      }
      await this.figures.recompute(manager, hold.shelterId);
      return input.holdId;
    });
    return this.group(input.holdId);
  }

  /**
   * Ends holds past their time. Each hold ends exactly once however many API instances run this:
   * the UPDATE that ends it only matches it while it is still open.
   */
  async expireHolds(): Promise<number> {
    const due = await this.dataSource.query<{ shelter_id: string }[]>(
      `SELECT DISTINCT shelter_id FROM bed_assignment WHERE kind = 'hold' AND ended_at IS NULL AND expires_at <= now()`,
    );
    let expired = 0;
    for (const { shelter_id: shelterId } of due) {
      expired += await this.dataSource.transaction(async (manager) => {
        await lockShelter(manager, shelterId);
        const [, count] = await manager.query<[unknown, number]>(
          `UPDATE bed_assignment SET ended_at = clock_timestamp(), end_reason = 'expired'
            WHERE shelter_id = $1 AND kind = 'hold' AND ended_at IS NULL AND expires_at <= now()`,
          [shelterId],
        );
        if (count > 0) {
          await this.figures.recompute(manager, shelterId);
        }
        return count;
      });
    }
    return expired;
  }

  /** Ends lapsed holds every half minute, once per cluster. */
  @Interval(HOLD_EXPIRY.name, HOLD_EXPIRY.everyMs)
  holdExpiryJob(): Promise<JobOutcome> {
    return this.jobs.once(HOLD_EXPIRY, () => this.expireHolds());
  }

  private group(groupId: string): Promise<BedAssignment[]> {
    return this.dataSource
      .getRepository(BedAssignment)
      .find({ where: { groupId }, order: { bedId: 'ASC' } });
  }

  /** The caller holds the shelter's lock already. */
  private async requireBedsMode(manager: EntityManager, shelterId: string): Promise<void> {
    if (!(await manager.existsBy(Bed, { shelterId }))) {
      throw new OccupancyException(
        'This shelter has no beds set up: add rooms and beds first.',
        OccupancyExceptionCode.BEDS_MODE_ONLY,
        ['input.shelterId'],
      );
    }
  }

  private async residentsHere(
    manager: EntityManager,
    shelterId: string,
    ids: string[],
    alsoFrom: string | null = null,
  ): Promise<Resident[]> {
    const residents = await manager.findBy(Resident, {
      id: In(ids),
      currentShelterId: In(alsoFrom ? [shelterId, alsoFrom] : [shelterId]),
      anonymisedAt: IsNull(),
    });
    if (residents.length !== ids.length) {
      throw new OccupancyException(
        'Each person must be registered at this shelter first.',
        OccupancyExceptionCode.RESIDENT_NOT_HERE,
        ['input.residentIds'],
      );
    }
    return ids.map((id) => residents.find((r) => r.id === id)!);
  }

  private async chosenBeds(
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
  private async suitableBeds(
    manager: EntityManager,
    shelterId: string,
    placements: Placement[],
  ): Promise<string[]> {
    const free = await manager.query<{ id: string; room_id: string; population: Population }[]>(
      `SELECT b.id, b.room_id, b.population FROM bed b
        WHERE b.shelter_id = $1 AND b.out_of_service_reason IS NULL
          AND NOT EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = b.id AND a.ended_at IS NULL)
        ORDER BY b.overflow, b.room_id, b.label`,
      [shelterId],
    );
    const pick = (candidates: typeof free): string[] | null => {
      const taken = new Set<string>();
      const chosen: string[] = [];
      for (const placement of placements) {
        const bed = candidates.find(
          (b) => !taken.has(b.id) && b.population === placement.population,
        );
        if (!bed) {
          return null;
        }
        taken.add(bed.id);
        chosen.push(bed.id);
      }
      return chosen;
    };
    const rooms = [...new Set(free.map((b) => b.room_id))];
    for (const room of rooms) {
      const together = pick(free.filter((b) => b.room_id === room));
      if (together) {
        return together;
      }
    }
    const anywhere = pick(free);
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

  /** The hold's beds become the stays' beds: the hold ends as checked in. */
  /**
   * The hold's beds become the stays' beds, each person on a bed of their group (and, for a hold
   * that names people, on their own bed); the hold ends as checked in.
   */
  private async takeHold(
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

  private async assign(
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
}
