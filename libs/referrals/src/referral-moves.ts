import { ScopeRegistry } from '@albergue/common';
import {
  type ResidentErasureListener,
  ResidentErasures,
  type ResidentMergeListener,
  ResidentMerges,
  type ResidentMoveListener,
  ResidentMoves,
} from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { ReferralEvent } from './referral-event.entity.js';
import { OPEN_STATES } from './referral-transitions.js';
import { Referral } from './referral.entity.js';
import { ReferralState } from './referrals.enums.js';

/**
 * Residents' three ports, each answered in the resident change's own transaction (residents and
 * occupancy never import referrals):
 *
 * - move: when a person moves, their open referrals follow them: the referral's following shelter
 *   becomes the new one, and a `moved` history row says so;
 * - erasure: the person's open referrals are cancelled (`erased`, no free text) before the vault
 *   empties every sealed value of them and their history, by the resident subject;
 * - merge of duplicates: the merged-away record's referrals and their history become the kept
 *   record's (their sealed values are bound to their own rows, so they move as they are), each
 *   with a `merged` history row, and the open ones follow the kept record to its shelter if its
 *   case is open (else they stay with the shelter following them).
 *
 * Scope `referral.moved` (closeReferralMovedOn): the following shelter, and the shelter that made
 * the referral for as long as residents let it see the person (PREVIOUS_SHELTER_ACCESS, scope
 * `resident.view`), or always for an unregistered person (who never moves with us).
 */
@Injectable()
export class ReferralMoves
  implements ResidentMoveListener, ResidentErasureListener, ResidentMergeListener
{
  constructor(
    moves: ResidentMoves,
    erasures: ResidentErasures,
    merges: ResidentMerges,
    registry: ScopeRegistry,
    dataSource: DataSource,
  ) {
    moves.register(this);
    erasures.register(this);
    merges.register(this);
    registry.register('referral.moved', async (id) => {
      const [row] = await dataSource.query<
        { shelter_id: string; from_shelter_id: string; resident_id: string | null }[]
      >('SELECT shelter_id, from_shelter_id, resident_id FROM referral WHERE id = $1', [id]);
      if (!row) {
        return [];
      }
      const sees = row.resident_id
        ? await registry.shelters('resident.view', row.resident_id)
        : [row.from_shelter_id];
      return [
        ...new Set([row.shelter_id, ...[row.from_shelter_id].filter((s) => sees.includes(s))]),
      ];
    });
  }

  async residentsMoved(
    manager: EntityManager,
    residentIds: string[],
    toShelterId: string,
    _fromShelterId: string,
    byUserId: string,
  ): Promise<void> {
    for (const referral of await this.openOf(manager, residentIds)) {
      if (referral.shelterId !== toShelterId) {
        await this.change(manager, referral, { shelterId: toShelterId }, 'moved', byUserId);
      }
    }
  }

  async residentsErased(
    manager: EntityManager,
    residentIds: string[],
    byUserId: string | null,
  ): Promise<void> {
    const closedAt = new Date();
    for (const referral of await this.openOf(manager, residentIds)) {
      await this.change(
        manager,
        referral,
        { state: ReferralState.CANCELLED, closedAt },
        'erased',
        byUserId,
      );
    }
  }

  async residentsMerged(
    manager: EntityManager,
    keepId: string,
    mergedId: string,
    keepShelterId: string | null,
    byUserId: string,
  ): Promise<void> {
    // Every referral of the merged-away record, closed ones too (the key would refuse the
    // record's deletion), and their history, which says so.
    await manager.query('UPDATE referral_event SET resident_id = $1 WHERE resident_id = $2', [
      keepId,
      mergedId,
    ]);
    const merged = await manager.find(Referral, {
      where: { residentId: mergedId },
      lock: { mode: 'pessimistic_write' },
    });
    for (const referral of merged) {
      await this.change(manager, referral, { residentId: keepId }, 'merged', byUserId);
    }
    if (keepShelterId) {
      await this.residentsMoved(manager, [keepId], keepShelterId, keepShelterId, byUserId);
    }
  }

  private openOf(manager: EntityManager, residentIds: string[]): Promise<Referral[]> {
    return manager.find(Referral, {
      where: { residentId: In(residentIds), state: In([...OPEN_STATES]) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** One change made for a resident port, with its history row (no free text). */
  private async change(
    manager: EntityManager,
    referral: Referral,
    set: Partial<Pick<Referral, 'shelterId' | 'state' | 'closedAt' | 'residentId'>>,
    detail: 'moved' | 'erased' | 'merged',
    byUserId: string | null,
  ): Promise<void> {
    await manager.update(Referral, { id: referral.id }, { ...set, version: referral.version + 1 });
    await manager.insert(ReferralEvent, {
      id: randomUUID(),
      referralId: referral.id,
      residentId: set.residentId ?? referral.residentId,
      fromState: referral.state,
      toState: set.state ?? referral.state,
      detail,
      noteSealed: null,
      byUserId,
      // The time it is written, not the transaction's start: a merge writes `merged` then
      // `moved` in one transaction, and the history reads in that order.
      at: () => 'clock_timestamp()',
    });
  }
}
