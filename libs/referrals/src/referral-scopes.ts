import { ScopeRegistry } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Tells the auth guard where referrals and health services belong: a referral to the shelter
 * following it now (the referrer's, or the one the person moved to) and to the service it is
 * sent to; a health service to itself (its staff).
 */
@Injectable()
export class ReferralScopes {
  constructor(registry: ScopeRegistry, dataSource: DataSource) {
    // At construction, as residents do: there before anything opens a record through them.
    const ids = (sql: string) => async (id: string) =>
      (await dataSource.query<{ s: string }[]>(sql, [id])).map((row) => row.s);
    registry.register('referral', ids('SELECT shelter_id AS s FROM referral WHERE id = $1'));
    registry.registerServices(
      'referral',
      ids('SELECT service_id AS s FROM referral WHERE id = $1'),
    );
    registry.registerServices(
      'healthService',
      ids('SELECT id AS s FROM health_service WHERE id = $1'),
    );
  }
}
