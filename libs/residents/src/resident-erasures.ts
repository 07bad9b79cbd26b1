import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a lib that keeps records about a person does when the person is anonymised (referrals). */
export interface ResidentErasureListener {
  /**
   * In the anonymisation's transaction, before the vault empties every sealed value about them:
   * end what is still open about `residentIds`, writing no free text. `byUserId`: who erased
   * (null for residents' retention job).
   */
  residentsErased(
    manager: EntityManager,
    residentIds: string[],
    byUserId: string | null,
  ): Promise<void>;
}

/**
 * A port residents offer other libs, like ResidentMoves: those that depend on residents register
 * here and hear of every anonymisation (erasure on request, consent withdrawn, retention) in its
 * transaction, so residents never import them. The referrals lib cancels the person's open
 * referrals through it, so that nothing goes on being written about someone erased.
 */
@Injectable()
export class ResidentErasures {
  private readonly listeners: ResidentErasureListener[] = [];

  register(listener: ResidentErasureListener): void {
    this.listeners.push(listener);
  }

  async erased(
    manager: EntityManager,
    residentIds: string[],
    byUserId: string | null,
  ): Promise<void> {
    for (const listener of this.listeners) {
      await listener.residentsErased(manager, residentIds, byUserId);
    }
  }
}
