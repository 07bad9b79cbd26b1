import { IdempotencyService } from '@albergue/common';
import { type PlaceableResident, ResidentPlacesService } from '@albergue/residents';
import { lockShelter, type Population } from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { BedAllocation } from './bed-allocation.js';
import { BedAssignment } from './bed-assignment.entity.js';
import { Bed } from './bed.entity.js';
import type { DeclineTransferInput, MoveInput, TransferInput } from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { AssignmentEnd, AssignmentKind } from './occupancy.enums.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { holdExpiry } from './hold-limits.js';
import { partedPairs } from './households.js';
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
   * Closes the stays of a household (or of a set of residents) at their shelter and opens one
   * hold for them at the other, as one act: if the other shelter has no room for everyone,
   * nothing changes here. A guardian and a minor in their care are not parted (either one left
   * behind) without an override and its reason, kept in both people's history. Both shelters
   * are locked in id order, so two transfers crossing each other cannot deadlock. Answers the
   * hold's places; each carries the holdId the receiving shelter checks them in with.
   */
  async transfer(userId: string, input: TransferInput): Promise<BedAssignment[]> {
    const { id } = await this.idempotency.run('transfer', input, async (manager) => {
      const { fromShelterId, toShelterId } = input;
      if (!input.householdId === !input.residentIds) {
        throw new OccupancyException(
          'Give a householdId or residentIds (one of them).',
          OccupancyExceptionCode.TRANSFER_INCOMPLETE,
          ['input.residentIds'],
        );
      }
      if (fromShelterId === toShelterId) {
        throw new OccupancyException(
          'Already at this shelter: move instead.',
          OccupancyExceptionCode.BED_OF_ANOTHER_SHELTER,
          ['input.toShelterId'],
        );
      }
      for (const shelterId of [fromShelterId, toShelterId].sort()) {
        await lockShelter(
          manager,
          shelterId,
          shelterId === toShelterId ? 'input.toShelterId' : 'input.fromShelterId',
        );
      }
      const { movers, stays } = await this.whoMoves(manager, input);
      const override = input.override?.reason?.trim() || null;
      const parted = await this.partedGuardians(manager, movers, fromShelterId);
      if (parted.length > 0 && !override) {
        const left = parted.map(({ left: r }) => `${r.id} (${r.label})`).join(', ');
        throw new OccupancyException(
          `This transfer would part a guardian and a minor in their care; left behind: ${left}. Transfer them together (householdId, or add them to residentIds), or give override.reason to part them on purpose.`,
          OccupancyExceptionCode.GUARDIAN_SEPARATED,
          [input.householdId ? 'input.householdId' : 'input.residentIds'],
        );
      }
      const placements = movers.map((r) => ({ residentId: r.id, population: r.population }));
      // Beds mode: beds for everyone, a household in one room when one has room for all of them;
      // counts mode: places of the reported figure.
      const beds = (await this.allocation.inBedsMode(manager, toShelterId))
        ? await this.allocation.suitableBeds(manager, toShelterId, placements, 'input.toShelterId')
        : await this.allocation.countsPlaces(manager, toShelterId, placements, 'input.toShelterId');
      for (const stay of stays) {
        await this.end(manager, stay.id, AssignmentEnd.TRANSFERRED, 'input.residentIds');
      }
      const holdId = randomUUID();
      await this.allocation.assign(
        manager,
        toShelterId,
        AssignmentKind.HOLD,
        holdId,
        userId,
        beds,
        placements,
        holdExpiry(this.options, { fromShelterId, shelterId: toShelterId, hours: input.hours }),
        fromShelterId,
      );
      if (parted.length > 0) {
        const ids = new Set(parted.flatMap(({ left, moving }) => [left.id, moving.id]));
        await this.places.recordSeparation(manager, {
          residentIds: [...ids].sort(),
          fromShelterId,
          toShelterId,
          byUserId: userId,
          reason: override!,
        });
      }
      await this.figures.recompute(manager, fromShelterId);
      await this.figures.recompute(manager, toShelterId);
      return holdId;
    });
    return this.allocation.group(id);
  }

  /**
   * Who a transfer moves, with their open stays at the origin: everyone of the household
   * checked in there, or each of the residents given (all of them checked in there).
   */
  private async whoMoves(
    manager: EntityManager,
    input: TransferInput,
  ): Promise<{ movers: PlaceableResident[]; stays: BedAssignment[] }> {
    const field = input.householdId ? 'input.householdId' : 'input.residentIds';
    const candidates = input.householdId
      ? await this.places.households(manager, [input.householdId])
      : await this.places.registeredAt(manager, input.residentIds!, [input.fromShelterId]);
    const stays = await manager.findBy(BedAssignment, {
      residentId: In(candidates.map((r) => r.id)),
      shelterId: input.fromShelterId,
      kind: AssignmentKind.STAY,
      endedAt: IsNull(),
    });
    const staying = new Set(stays.map((stay) => stay.residentId));
    const movers = candidates.filter((r) => staying.has(r.id));
    if (input.residentIds) {
      const missing = input.residentIds.filter((id) => !staying.has(id));
      if (missing.length > 0) {
        throw new OccupancyException(
          `Each person must be checked in at fromShelterId; not: ${missing.join(', ')}.`,
          OccupancyExceptionCode.NOT_CHECKED_IN,
          [field],
        );
      }
    } else if (movers.length === 0) {
      throw new OccupancyException(
        'Nobody of this household is checked in at fromShelterId.',
        OccupancyExceptionCode.TRANSFER_INCOMPLETE,
        [field],
      );
    }
    return { movers, stays };
  }

  /**
   * Guardian and minor pairs the transfer would part: one of them moves while the other stays
   * checked in at the origin (either way round). Who is elsewhere already is not parted by it.
   */
  private async partedGuardians(
    manager: EntityManager,
    movers: PlaceableResident[],
    fromShelterId: string,
  ): Promise<{ left: PlaceableResident; moving: PlaceableResident }[]> {
    const moving = new Map(movers.map((r) => [r.id, r]));
    const households = await this.places.households(manager, [
      ...new Set(movers.map((r) => r.householdId)),
    ]);
    const others = households.filter((r) => !moving.has(r.id));
    const here = new Set(
      others.length === 0
        ? []
        : (
            await manager.findBy(BedAssignment, {
              residentId: In(others.map((r) => r.id)),
              shelterId: fromShelterId,
              kind: AssignmentKind.STAY,
              endedAt: IsNull(),
            })
          ).map((stay) => stay.residentId),
    );
    return partedPairs(
      movers,
      others.filter((r) => here.has(r.id)),
    );
  }

  /** The receiving shelter turns a transfer down; the sending shelter sees it in transfersFrom. */
  async decline(input: DeclineTransferInput): Promise<BedAssignment[]> {
    await this.idempotency.run('declineTransfer', input, async (manager) => {
      const hold = await manager.findOneBy(BedAssignment, {
        groupId: input.holdId,
        kind: AssignmentKind.HOLD,
      });
      if (!hold) {
        return this.allocation.holdNotFound(manager, input.holdId, 'input.holdId');
      }
      if (!hold.originShelterId) {
        throw new OccupancyException(
          'This hold was placed by this shelter, not a transfer: cancel it instead (cancelHold).',
          OccupancyExceptionCode.HOLD_NOT_FOUND,
          ['input.holdId'],
        );
      }
      await lockShelter(manager, hold.shelterId, 'input.holdId');
      const [declined] = await manager.query<
        [{ bedId: string | null; population: Population | null }[], number]
      >(
        `UPDATE bed_assignment SET ended_at = clock_timestamp(), end_reason = 'declined',
                decline_reason = $2
          WHERE group_id = $1 AND kind = 'hold' AND ended_at IS NULL
          RETURNING bed_id AS "bedId", population`,
        [input.holdId, input.reason ?? null],
      );
      if (declined.length === 0) {
        throw new OccupancyException(
          'This transfer has already ended.',
          OccupancyExceptionCode.HOLD_EXPIRED,
          ['input.holdId'],
        );
      }
      await this.allocation.givePlacesBack(manager, hold.shelterId, declined);
      await this.figures.recompute(manager, hold.shelterId);
      return input.holdId;
    });
    return this.allocation.group(input.holdId);
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
