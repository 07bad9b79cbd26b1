import { ScopeRegistry } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Tells the auth guard where supply records belong: a shelter's own item to that shelter (a
 * network item to none: admins only), a movement to its shelter, a transfer being received to
 * the shelter it was sent to, one being called back to the shelter that sent it.
 */
@Injectable()
export class SupplyScopes {
  constructor(registry: ScopeRegistry, dataSource: DataSource) {
    const ids = (sql: string) => async (id: string) =>
      (await dataSource.query<{ s: string | null }[]>(sql, [id]))
        .map((row) => row.s)
        .filter((s): s is string => s !== null);
    registry.register('supplyItem', ids('SELECT shelter_id AS s FROM supply_item WHERE id = $1'));
    registry.register(
      'stockMovement',
      ids('SELECT shelter_id AS s FROM stock_movement WHERE id = $1'),
    );
    registry.register('supplyNeed', ids('SELECT shelter_id AS s FROM supply_need WHERE id = $1'));
    registry.register(
      'supplyPledge',
      ids('SELECT shelter_id AS s FROM supply_pledge WHERE id = $1'),
    );
    registry.register(
      'stockTransferFrom',
      ids('SELECT from_shelter_id AS s FROM stock_transfer WHERE id = $1'),
    );
    registry.register(
      'stockTransferTo',
      ids('SELECT to_shelter_id AS s FROM stock_transfer WHERE id = $1'),
    );
  }
}
