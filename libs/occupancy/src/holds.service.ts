import {
  type ClusterJob,
  ClusterJobs,
  IdempotencyService,
  type JobOutcome,
} from '@albergue/common';
import { ResidentPlacesService } from '@albergue/residents';
import { lockShelter, type Population } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BedAllocation } from './bed-allocation.js';
import { BedAssignment } from './bed-assignment.entity.js';
import type { Placement } from './bed-picker.js';
import type { CancelHoldInput, PlaceHoldInput } from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { checkElsewhereShare, holdExpiry } from './hold-limits.js';
import { AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';

/** What an ended hold's row says of the place it gave back. */
interface Ended {
  bedId: string | null;
  population: Population | null;
}

const HOLD_EXPIRY: ClusterJob = { name: 'hold-expiry', everyMs: 30_000 };

/**
 * Holds: beds kept for people on the way, here or at another shelter, until they check in, the
 * hold is cancelled, or it lapses (once per cluster, every half minute).
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    private readonly allocation: BedAllocation,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
    private readonly jobs: ClusterJobs,
    private readonly places: ResidentPlacesService,
  ) {}

  /**
   * Keeps beds (beds mode) or places (counts mode) for people on the way; they lapse after the
   * hold time unless checked in or cancelled. Answers the hold's places; each carries its holdId.
   */
  async placeHold(userId: string, input: PlaceHoldInput): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run('placeHold', input, async (manager) => {
      await lockShelter(manager, input.shelterId, 'input.shelterId');
      const bedsMode = await this.allocation.inBedsMode(manager, input.shelterId);
      let placements: Placement[];
      if (input.residentIds?.length) {
        // Only people of the placing shelter: a hold must not become a door into another shelter's records.
        const residents = await this.places.registeredAt(manager, input.residentIds, [
          input.fromShelterId,
        ]);
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
      const share = {
        ...input,
        beds: placements.length,
        named: placements.some((placement) => placement.residentId !== null),
      };
      let beds: (string | null)[];
      if (bedsMode) {
        await checkElsewhereShare(manager, this.options, share);
        // A household in one room when one has room for all of them.
        beds = await this.allocation.suitableBeds(manager, input.shelterId, placements);
      } else {
        // Counts mode: places of the reported figure, taken from what the public sees now. No
        // room is said first; the share counts the places free before this hold took them.
        const free = await this.allocation.freePlaces(manager, input.shelterId, placements);
        beds = await this.allocation.countsPlaces(
          manager,
          input.shelterId,
          placements,
          'input.shelterId',
        );
        await checkElsewhereShare(manager, this.options, { ...share, free });
      }
      const groupId = randomUUID();
      await this.allocation.assign(
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
    return this.allocation.group(id);
  }

  async cancelHold(input: CancelHoldInput): Promise<BedAssignment[]> {
    await this.idempotency.run('cancelHold', input, async (manager) => {
      const hold = await manager.findOneBy(BedAssignment, {
        groupId: input.holdId,
        kind: AssignmentKind.HOLD,
      });
      if (!hold) {
        return this.allocation.holdNotFound(manager, input.holdId, 'input.holdId');
      }
      await lockShelter(manager, hold.shelterId, 'input.holdId');
      const [cancelled] = await manager.query<[Ended[], number]>(
        `UPDATE bed_assignment SET ended_at = clock_timestamp(), end_reason = 'cancelled'
          WHERE group_id = $1 AND ended_at IS NULL
          RETURNING bed_id AS "bedId", population`,
        [input.holdId],
      );
      await this.allocation.givePlacesBack(manager, hold.shelterId, cancelled);
      if (cancelled.length === 0) {
        throw new OccupancyException(
          'This hold has already ended.',
          OccupancyExceptionCode.HOLD_EXPIRED,
          ['input.holdId'],
        );
      }
      await this.figures.recompute(manager, hold.shelterId);
      return input.holdId;
    });
    return this.allocation.group(input.holdId);
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
        const [ended] = await manager.query<[Ended[], number]>(
          `UPDATE bed_assignment SET ended_at = clock_timestamp(), end_reason = 'expired'
            WHERE shelter_id = $1 AND kind = 'hold' AND ended_at IS NULL AND expires_at <= now()
            RETURNING bed_id AS "bedId", population`,
          [shelterId],
        );
        if (ended.length > 0) {
          await this.allocation.givePlacesBack(manager, shelterId, ended);
          await this.figures.recompute(manager, shelterId);
        }
        return ended.length;
      });
    }
    return expired;
  }

  /** Ends lapsed holds every half minute, once per cluster. */
  @Interval(HOLD_EXPIRY.name, HOLD_EXPIRY.everyMs)
  holdExpiryJob(): Promise<JobOutcome> {
    return this.jobs.once(HOLD_EXPIRY, () => this.expireHolds());
  }
}
