import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a lib that keeps records following a person does when they move (referrals). */
export interface ResidentMoveListener {
  /** In the move's transaction: `residentIds` are at `toShelterId` now, having left `fromShelterId`. */
  residentsMoved(
    manager: EntityManager,
    residentIds: string[],
    toShelterId: string,
    fromShelterId: string,
    byUserId: string,
  ): Promise<void>;
}

/**
 * A port residents offer other libs: those that depend on residents register here and hear of
 * every transfer in its transaction, so residents (and occupancy, which moves people) never
 * import them. The referrals lib keeps its open referrals' following shelter right through it.
 */
@Injectable()
export class ResidentMoves {
  private readonly listeners: ResidentMoveListener[] = [];

  register(listener: ResidentMoveListener): void {
    this.listeners.push(listener);
  }

  async moved(
    manager: EntityManager,
    residentIds: string[],
    toShelterId: string,
    fromShelterId: string,
    byUserId: string,
  ): Promise<void> {
    for (const listener of this.listeners) {
      await listener.residentsMoved(manager, residentIds, toShelterId, fromShelterId, byUserId);
    }
  }
}
