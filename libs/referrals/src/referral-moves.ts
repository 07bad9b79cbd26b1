import { ScopeRegistry } from '@albergue/common';
import {
  type ResidentErasureListener,
  ResidentErasures,
  type ResidentMoveListener,
  ResidentMoves,
} from '@albergue/residents';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { ReferralsService } from './referrals.service.js';

/**
 * Residents' two ports. Erasure: the person's open referrals are cancelled (`erased`) in the
 * anonymisation's transaction, before the vault empties their sealed values.
 *
 * When a person moves, their open referrals follow them: registered on residents' move port
 * (residents and occupancy never import referrals), the referral's following shelter becomes the
 * new one in the transfer's transaction, and a `moved` history row says so.
 *
 * Scope `referral.moved` (closeReferralMovedOn): the following shelter, and the shelter that made
 * the referral for as long as residents let it see the person (PREVIOUS_SHELTER_ACCESS, scope
 * `resident.view`), or always for an unregistered person (who never moves with us).
 */
@Injectable()
export class ReferralMoves implements ResidentMoveListener, ResidentErasureListener {
  constructor(
    moves: ResidentMoves,
    erasures: ResidentErasures,
    registry: ScopeRegistry,
    dataSource: DataSource,
    private readonly referrals: ReferralsService,
  ) {
    moves.register(this);
    erasures.register(this);
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

  residentsMoved(
    manager: EntityManager,
    residentIds: string[],
    toShelterId: string,
    _fromShelterId: string,
    byUserId: string,
  ): Promise<void> {
    return this.referrals.followMove(manager, residentIds, toShelterId, byUserId);
  }

  residentsErased(
    manager: EntityManager,
    residentIds: string[],
    byUserId: string | null,
  ): Promise<void> {
    return this.referrals.closeErased(manager, residentIds, byUserId);
  }
}
