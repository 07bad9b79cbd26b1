import { type Caller, IdempotencyService } from '@albergue/common';
import { lockShelter } from '@albergue/shelters';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Bed } from './bed.entity.js';
import type { BedView, RoomSetup } from './bed.views.js';
import type {
  AddBedsInput,
  CreateRoomInput,
  SetBedOutOfServiceInput,
} from './dto/occupancy.input.js';
import { FiguresService } from './figures.service.js';
import { OccupancyException, OccupancyExceptionCode } from './occupancy.exception.js';
import { Room } from './room.entity.js';
import { SensitiveReads } from './sensitive-reads.js';

export interface ExpiringHold {
  holdId: string;
  /** Null for a place held at a counts-mode shelter. */
  bedId: string | null;
  shelterId: string;
  expiresAt: Date;
  originShelterId: string | null;
}

/** Labels in natural order: Dorm-2 before Dorm-10. */
const natural = new Intl.Collator('en', { numeric: true }).compare;

/**
 * Rooms and beds: the set-up of a shelter. In a counts-mode shelter it changes nothing public
 * until a coordinator switches it to beds mode (BedsModeService).
 */
@Injectable()
export class BedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly figures: FiguresService,
    private readonly sensitiveReads: SensitiveReads,
  ) {}

  async createRoom(input: CreateRoomInput): Promise<Room> {
    const { id } = await this.idempotency.run('createRoom', input, async (manager) => {
      await lockShelter(manager, input.shelterId, 'input.shelterId');
      return (
        await manager.save(manager.create(Room, { shelterId: input.shelterId, name: input.name }))
      ).id;
    });
    return this.dataSource.getRepository(Room).findOneByOrFail({ id });
  }

  /**
   * Adds beds to a room and answers with them, in natural order. A beds-mode shelter's figures
   * move at once; a counts-mode shelter's stay as reported until it switches to beds mode.
   */
  async addBeds(input: AddBedsInput): Promise<Bed[]> {
    const room = await this.dataSource.getRepository(Room).findOneBy({ id: input.roomId });
    if (!room) {
      throw new OccupancyException('No room has this id.', OccupancyExceptionCode.ROOM_NOT_FOUND, [
        'input.roomId',
      ]);
    }
    const { id } = await this.idempotency.run('addBeds', input, async (manager) => {
      await lockShelter(manager, room.shelterId, 'input.roomId');
      const [{ n }] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM bed WHERE room_id = $1',
        [room.id],
      );
      const inserted = await manager.insert(
        Bed,
        Array.from({ length: input.count }, (_, i) => ({
          shelterId: room.shelterId,
          roomId: room.id,
          label: `${room.name}-${n + i + 1}`,
          kind: input.kind,
          population: input.population,
          accessible: input.accessible ?? false,
          overflow: input.overflow ?? false,
        })),
      );
      await this.figures.recompute(manager, room.shelterId);
      // The beds of one call share their creation time (the transaction's): a retry finds them by it.
      return (inserted.identifiers[0] as { id: string }).id;
    });
    // Compared in SQL: a JavaScript Date would lose the timestamp's microseconds.
    const ids = await this.dataSource.query<{ id: string }[]>(
      `SELECT b.id FROM bed b JOIN bed first ON first.id = $1
        WHERE b.room_id = first.room_id AND b.created_at = first.created_at`,
      [id],
    );
    const added = await this.dataSource
      .getRepository(Bed)
      .findBy({ id: In(ids.map((row) => row.id)) });
    return added.sort((a, b) => natural(a.label, b.label));
  }

  async setOutOfService(input: SetBedOutOfServiceInput): Promise<Bed> {
    const bed = await this.dataSource.getRepository(Bed).findOneBy({ id: input.bedId });
    if (!bed) {
      throw new OccupancyException('No bed has this id.', OccupancyExceptionCode.BED_NOT_FOUND, [
        'input.bedId',
      ]);
    }
    await this.idempotency.run('setBedOutOfService', input, async (manager) => {
      await lockShelter(manager, bed.shelterId, 'input.bedId');
      await manager.update(Bed, { id: bed.id }, { outOfServiceReason: input.reason ?? null });
      await this.figures.recompute(manager, bed.shelterId);
      return bed.id;
    });
    return this.dataSource.getRepository(Bed).findOneByOrFail({ id: bed.id });
  }

  /** Holds at these shelters that end within `withinMs` (ids and times only), soonest first. */
  async expiringHolds(shelterIds: string[], withinMs: number): Promise<ExpiringHold[]> {
    return this.dataSource.query<ExpiringHold[]>(
      `SELECT group_id AS "holdId", bed_id AS "bedId", shelter_id AS "shelterId",
              expires_at AS "expiresAt", origin_shelter_id AS "originShelterId"
         FROM bed_assignment
        WHERE kind = 'hold' AND ended_at IS NULL AND shelter_id = ANY($1)
          AND expires_at <= now() + make_interval(secs => $2)
        ORDER BY expires_at`,
      [shelterIds, withinMs / 1000],
    );
  }

  /**
   * A shelter's rooms in natural name order, empty ones too, each with its beds in natural label
   * order: its places per group, exactly, so an admin's read of a sensitive shelter is audited.
   */
  async rooms(caller: Caller, shelterId: string): Promise<RoomSetup[]> {
    const [rooms, beds] = await Promise.all([
      this.dataSource.getRepository(Room).findBy({ shelterId }),
      this.dataSource.getRepository(Bed).findBy({ shelterId }),
    ]);
    await this.sensitiveReads.record(caller, 'rooms', [shelterId]);
    return rooms
      .sort((a, b) => natural(a.name, b.name))
      .map((room) => ({
        id: room.id,
        name: room.name,
        beds: beds
          .filter((bed) => bed.roomId === room.id)
          .sort((a, b) => natural(a.label, b.label)),
      }));
  }

  /** The bed board of a shelter: each bed with what holds it now (ids only). */
  async board(shelterId: string): Promise<BedView[]> {
    const rows = await this.dataSource.query<(Record<string, unknown> & { bed_id: string })[]>(
      `SELECT b.id AS bed_id, r.name AS room_name, a.id AS a_id, a.group_id AS a_group, a.kind AS a_kind, a.resident_id AS a_resident, a.expires_at AS a_expires,
              a.origin_shelter_id AS a_origin
         FROM bed b JOIN room r ON r.id = b.room_id
         LEFT JOIN bed_assignment a ON a.bed_id = b.id AND a.ended_at IS NULL
        WHERE b.shelter_id = $1 ORDER BY r.name, length(b.label), b.label`,
      [shelterId],
    );
    const beds = new Map(
      (await this.dataSource.getRepository(Bed).findBy({ shelterId })).map((bed) => [bed.id, bed]),
    );
    return rows.map((row) => {
      const bed = beds.get(row.bed_id)!;
      return {
        id: bed.id,
        label: bed.label,
        kind: bed.kind,
        population: bed.population,
        accessible: bed.accessible,
        overflow: bed.overflow,
        outOfServiceReason: bed.outOfServiceReason,
        roomName: row.room_name as string,
        use: row.a_id
          ? {
              id: row.a_id as string,
              holdId: row.a_kind === 'hold' ? (row.a_group as string) : null,
              kind: row.a_kind as string,
              residentId: (row.a_resident as string | null) ?? null,
              expiresAt: (row.a_expires as Date | null) ?? null,
              originShelterId: (row.a_origin as string | null) ?? null,
            }
          : null,
      };
    });
  }
}
