import { IdempotencyService } from '@albergue/common';
import { ResidentPlacesService } from '@albergue/residents';
import { lockShelter } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { BedAllocation } from './bed-allocation.js';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import type { DeclineTransferInput, MoveInput, TransferInput } from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { holdExpiry } from './hold-limits.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';

/** Moves within a shelter and transfers between shelters. */
@Injectable()
export class MovementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
    private readonly allocation: BedAllocation,
    private readonly places: ResidentPlacesService,
  ) {}

  /** Another bed of the same shelter: the old stay ends as moved, a new one starts, in one act. */
  async move(userId: string, input: MoveInput): Promise<BedAssignment> {
    const { id } = await this.idempotency.run('move', input, async (manager) => {
      const stay = await this.allocation.currentStay(manager, input.residentId);
      await lockShelter(manager, stay.shelterId, 'input.residentId');
      const bed = await manager.findOneBy(Bed, { id: input.bedId });
      if (!bed) {
        throw new OccupancyException('No bed has this id.', OccupancyExceptionCode.BED_NOT_FOUND, [
          'input.bedId',
        ]);
      }
      if (bed.shelterId !== stay.shelterId) {
        throw new OccupancyException(
          'A bed of another shelter: transfer instead.',
          OccupancyExceptionCode.BED_OF_ANOTHER_SHELTER,
          ['input.bedId'],
        );
      }
      if (
        bed.outOfServiceReason !== null ||
        (await manager.existsBy(BedAssignment, { bedId: bed.id, endedAt: IsNull() }))
      ) {
        throw new OccupancyException(
          'This bed is taken or out of service.',
          OccupancyExceptionCode.BED_TAKEN,
          ['input.bedId'],
        );
      }
      await this.end(manager, stay.id, AssignmentEnd.MOVED, 'input.residentId');
      const moved = await manager.save(
        manager.create(BedAssignment, {
          bedId: bed.id,
          shelterId: stay.shelterId,
          kind: AssignmentKind.STAY,
          residentId: input.residentId,
          groupId: stay.groupId,
          byUserId: userId,
        }),
      );
      await this.figures.recompute(manager, stay.shelterId);
      return moved.id;
    });
    return this.dataSource.getRepository(BedAssignment).findOneByOrFail({ id });
  }

  /**
   * Closes the stay at the person's shelter and opens a hold for them at the other, as one act:
   * if the other shelter has no suitable bed, nothing changes here. Both shelters are locked in
   * id order, so two transfers crossing each other cannot deadlock.
   */
  async transfer(userId: string, input: TransferInput): Promise<BedAssignment> {
    const { id } = await this.idempotency.run('transfer', input, async (manager) => {
      const stay = await this.allocation.currentStay(manager, input.residentId);
      if (stay.shelterId === input.toShelterId) {
        throw new OccupancyException(
          'Already at this shelter: move instead.',
          OccupancyExceptionCode.BED_OF_ANOTHER_SHELTER,
          ['input.toShelterId'],
        );
      }
      for (const shelterId of [stay.shelterId, input.toShelterId].sort()) {
        await lockShelter(
          manager,
          shelterId,
          shelterId === input.toShelterId ? 'input.toShelterId' : 'input.residentId',
        );
      }
      const resident = await this.places.placeable(manager, input.residentId);
      const [bed] = await manager.query<{ id: string }[]>(
        `SELECT b.id FROM bed b WHERE b.shelter_id = $1 AND b.population = $2 AND b.out_of_service_reason IS NULL
             AND NOT EXISTS (SELECT 1 FROM bed_assignment a WHERE a.bed_id = b.id AND a.ended_at IS NULL)
           ORDER BY b.overflow, b.room_id, b.label LIMIT 1`,
        [input.toShelterId, resident.population],
      );
      if (!bed) {
        throw new OccupancyException(
          'The other shelter has no free suitable bed.',
          OccupancyExceptionCode.NO_SUITABLE_BEDS,
          ['input.toShelterId'],
        );
      }
      await this.end(manager, stay.id, AssignmentEnd.TRANSFERRED, 'input.residentId');
      const hold = await manager.save(
        manager.create(BedAssignment, {
          bedId: bed.id,
          shelterId: input.toShelterId,
          kind: AssignmentKind.HOLD,
          residentId: input.residentId,
          groupId: randomUUID(),
          originShelterId: stay.shelterId,
          byUserId: userId,
          expiresAt: holdExpiry(this.options, {
            fromShelterId: stay.shelterId,
            shelterId: input.toShelterId,
            hours: input.hours,
          }),
        }),
      );
      await this.figures.recompute(manager, stay.shelterId);
      await this.figures.recompute(manager, input.toShelterId);
      return hold.id;
    });
    return this.dataSource.getRepository(BedAssignment).findOneByOrFail({ id });
  }

  /** The receiving shelter turns a transfer down; the sending shelter sees it in transfersFrom. */
  async decline(input: DeclineTransferInput): Promise<BedAssignment> {
    await this.idempotency.run('declineTransfer', input, async (manager) => {
      const hold = await manager.findOneBy(BedAssignment, {
        groupId: input.holdId,
        kind: AssignmentKind.HOLD,
      });
      if (!hold?.originShelterId) {
        throw new OccupancyException(
          'No transfer has this id.',
          OccupancyExceptionCode.HOLD_NOT_FOUND,
          ['input.holdId'],
        );
      }
      await lockShelter(manager, hold.shelterId, 'input.holdId');
      if (hold.endedAt) {
        throw new OccupancyException(
          'This transfer has already ended.',
          OccupancyExceptionCode.HOLD_EXPIRED,
          ['input.holdId'],
        );
      }
      await this.end(manager, hold.id, AssignmentEnd.DECLINED, 'input.holdId');
      await this.figures.recompute(manager, hold.shelterId);
      return hold.id;
    });
    return this.dataSource.getRepository(BedAssignment).findOneByOrFail({ groupId: input.holdId });
  }

  /**
   * Every hold on a shelter's beds now, soonest to lapse first, with the shelter that placed it
   * (originShelterId; null: this shelter's own): its coordinator may release any of them.
   */
  holdsAt(shelterId: string): Promise<BedAssignment[]> {
    return this.dataSource.getRepository(BedAssignment).find({
      where: { shelterId, kind: AssignmentKind.HOLD, endedAt: IsNull() },
      order: { expiresAt: 'ASC', id: 'ASC' },
    });
  }

  /** Transfers sent from a shelter, newest first, with how they ended (checked in, declined, expired) or not yet. */
  transfersFrom(shelterId: string): Promise<BedAssignment[]> {
    return this.dataSource
      .getRepository(BedAssignment)
      .find({ where: { originShelterId: shelterId }, order: { startedAt: 'DESC' }, take: 200 });
  }

  /** Ends an assignment that is still open; one that ended meanwhile (a racing act) is a conflict. */
  private async end(
    manager: EntityManager,
    assignmentId: string,
    reason: AssignmentEnd,
    field: string,
  ): Promise<void> {
    const ended = await manager.update(
      BedAssignment,
      { id: assignmentId, endedAt: IsNull() },
      { endedAt: () => 'clock_timestamp()', endReason: reason },
    );
    if (!ended.affected) {
      throw new OccupancyException(
        'This changed meanwhile: look again and retry.',
        OccupancyExceptionCode.NOT_CHECKED_IN,
        [field],
      );
    }
  }
}
