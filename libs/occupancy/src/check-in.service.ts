import { type Caller, IdempotencyService } from '@albergue/common';
import {
  ResidentLifecycleService,
  ResidentPlacesService,
  ResidentsService,
} from '@albergue/residents';
import { lockShelter } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { BedAllocation } from './bed-allocation.js';
import { BedAssignment } from './bed-assignment.entity.js';
import type {
  CheckInInput,
  CheckOutInput,
  RegisterAndCheckInInput,
} from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';

/**
 * Check-in and check-out. Each act locks the shelter's row first (one order everywhere), takes
 * beds by inserting assignments that the unique indexes keep exclusive, and recomputes the
 * shelter's figures in the same transaction.
 */
@Injectable()
export class CheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    private readonly residents: ResidentsService,
    private readonly lifecycle: ResidentLifecycleService,
    private readonly places: ResidentPlacesService,
    private readonly allocation: BedAllocation,
  ) {}

  /** A person or a household into beds: all together (in one room when it can) or nobody. */
  async checkIn(userId: string, input: CheckInInput): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run('checkIn', input, (manager, payload) =>
      this.checkInWithin(manager, userId, payload),
    );
    return this.allocation.group(id);
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
    return this.allocation.group(id);
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
    if (input.holdId && hold.length === 0) {
      await this.allocation.holdNotFound(manager, input.holdId, 'input.holdId');
    }
    // A hold placed from another shelter: the residents come from there, and it names them.
    const origin = hold[0]?.originShelterId ?? null;
    // Both shelters' locks, in id order, before anything else (the arrival updates the origin's keys too).
    for (const shelterId of [input.shelterId, ...(origin ? [origin] : [])].sort()) {
      await lockShelter(manager, shelterId, 'input.shelterId');
    }
    // A counts-mode shelter receives people on a hold (a place each, no bed); walk-ins there
    // are counted by the staff's next report.
    if (!input.holdId || input.bedIds) {
      await this.allocation.requireBedsMode(manager, input.shelterId);
    }
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
    const residents = await this.allocation.residentsHere(
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
    let beds: (string | null)[];
    if (input.holdId) {
      beds = await this.allocation.takeHold(manager, input.shelterId, input.holdId, placements);
    } else if (input.bedIds) {
      beds = await this.allocation.chosenBeds(
        manager,
        input.shelterId,
        input.bedIds,
        placements.length,
      );
    } else {
      beds = await this.allocation.suitableBeds(manager, input.shelterId, placements);
    }
    const groupId = randomUUID();
    await this.allocation.assign(
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
      await this.places.arrived(manager, input.residentIds, input.shelterId, origin, userId);
    }
    await this.figures.recompute(manager, input.shelterId);
    return groupId;
  }

  async checkOut(userId: string, input: CheckOutInput): Promise<BedAssignment> {
    const { id } = await this.idempotency.run('checkOut', input, async (manager) => {
      const stay = await this.allocation.currentStay(manager, input.residentId);
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
}
