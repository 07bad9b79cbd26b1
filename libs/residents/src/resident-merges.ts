import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What a lib that keeps records about a person does when two records of them become one. */
export interface ResidentMergeListener {
  /**
   * In the merge's transaction, before `mergedId`'s record is deleted: whatever points at it
   * points at `keepId` from now on. `keepShelterId`: where the kept record's person is staying
   * (null when its case is closed: the person is not known to be anywhere). `byUserId`: the
   * coordinator who merged.
   */
  residentsMerged(
    manager: EntityManager,
    keepId: string,
    mergedId: string,
    keepShelterId: string | null,
    byUserId: string,
  ): Promise<void>;
}

/**
 * A port residents offer other libs, like ResidentMoves and ResidentErasures: those that depend
 * on residents register here and hear of every merge of duplicates in its transaction, so
 * residents never import them. The referrals lib moves the merged-away record's referrals and
 * their history to the kept one through it (else the merge would be refused by their key).
 */
@Injectable()
export class ResidentMerges {
  private readonly listeners: ResidentMergeListener[] = [];

  register(listener: ResidentMergeListener): void {
    this.listeners.push(listener);
  }

  async merged(
    manager: EntityManager,
    keepId: string,
    mergedId: string,
    keepShelterId: string | null,
    byUserId: string,
  ): Promise<void> {
    for (const listener of this.listeners) {
      await listener.residentsMerged(manager, keepId, mergedId, keepShelterId, byUserId);
    }
  }
}
