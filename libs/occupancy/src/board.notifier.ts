import { enumNames } from '@albergue/common';
import type { BoardBed } from '@albergue/contracts';
import {
  Population,
  type Shelter,
  type StaffChange,
  type StaffCheck,
  type StaffConnection,
  type StaffNotifier,
  StaffNotifiers,
  type StaffSend,
  TrackingMode,
} from '@albergue/shelters';
import { Inject, Injectable } from '@nestjs/common';
import { BedsService } from './beds.service.js';
import type { BedView } from './bed.views.js';
import { BedKind } from './occupancy.enums.js';
import { OCCUPANCY_OPTIONS, type OccupancyOptions } from './occupancy.options.js';

const populationName = enumNames(Population);
const bedKindName = enumNames(BedKind);

/** Times travel as ISO strings (what socket.io's JSON made of a Date anyway). */
const isoOrNull = (time: Date | null) => time?.toISOString() ?? null;

/** The board as GraphQL's bedBoard shows it (enum names, not stored values). */
function boardOf(beds: BedView[]): BoardBed[] {
  return beds.map((bed) => ({
    ...bed,
    kind: bedKindName(bed.kind),
    population: populationName(bed.population),
    use: bed.use && { ...bed.use, expiresAt: isoOrNull(bed.use.expiresAt) },
  }));
}

/**
 * To those who work a bed board (beds mode): the `board` when they connect and after each
 * change, `holdArrived` for a hold that was not on the board last sent, and `holdExpiring` once
 * per hold when it will lapse within HOLD_WARNING (looked for every STAFF_CHECK).
 */
@Injectable()
export class BoardNotifier implements StaffNotifier {
  readonly name = 'board';
  /** shelterId -> hold ids on its board when last sent, to tell which holds are new. */
  private readonly holdsSeen = new Map<string, Set<string>>();
  private readonly expiryWarned = new Set<string>();

  constructor(
    notifiers: StaffNotifiers,
    private readonly beds: BedsService,
    @Inject(OCCUPANCY_OPTIONS) private readonly options: OccupancyOptions,
  ) {
    notifiers.register(this);
  }

  async onConnect({ socket, reply, known }: StaffConnection): Promise<void> {
    await Promise.all(
      socket.boards.map(async (shelterId) => {
        const beds = await this.beds.board(shelterId);
        if (beds.length > 0) {
          // Only a first baseline: a hold this socket's read already holds is still new to the
          // screens open before it, so the next broadcast announces it to them all.
          if (!this.holdsSeen.has(shelterId)) {
            this.remember(shelterId, beds);
          }
          reply('board', {
            shelterId,
            version: known(shelterId)?.availabilityVersion ?? 0,
            beds: boardOf(beds),
          });
        }
      }),
    );
  }

  async onChange({ shelter, listening, send }: StaffChange): Promise<void> {
    if (shelter.trackingMode === TrackingMode.BEDS && listening.boards.includes(shelter.id)) {
      await this.sendBoard(shelter, send);
    }
  }

  async onCheck({ listening, send }: StaffCheck): Promise<void> {
    if (listening.boards.length === 0) {
      return;
    }
    const holds = await this.beds.expiringHolds(listening.boards, this.options.holdWarningMs);
    const current = new Set(holds.map((hold) => hold.holdId));
    for (const id of this.expiryWarned) {
      if (!current.has(id)) {
        this.expiryWarned.delete(id);
      }
    }
    for (const hold of holds) {
      if (!this.expiryWarned.has(hold.holdId)) {
        this.expiryWarned.add(hold.holdId);
        send({ board: hold.shelterId }, 'holdExpiring', {
          ...hold,
          expiresAt: hold.expiresAt.toISOString(),
        });
      }
    }
  }

  private async sendBoard(shelter: Shelter, send: StaffSend): Promise<void> {
    const beds = await this.beds.board(shelter.id);
    const board = { board: shelter.id };
    const seen = this.holdsSeen.get(shelter.id);
    send(board, 'board', {
      shelterId: shelter.id,
      version: shelter.availabilityVersion,
      beds: boardOf(beds),
    });
    for (const bed of beds) {
      if (seen && bed.use?.kind === 'hold' && !seen.has(bed.use.id)) {
        send(board, 'holdArrived', {
          holdId: bed.use.holdId!,
          bedId: bed.id,
          shelterId: shelter.id,
          expiresAt: isoOrNull(bed.use.expiresAt),
          originShelterId: bed.use.originShelterId,
        });
      }
    }
    this.remember(shelter.id, beds);
  }

  private remember(shelterId: string, beds: BedView[]): void {
    this.holdsSeen.set(
      shelterId,
      new Set(beds.flatMap((bed) => (bed.use?.kind === 'hold' ? [bed.use.id] : []))),
    );
  }
}
