import { AUDIT_ENTITIES } from '@albergue/audit';
import { AUTH_ENTITIES } from '@albergue/auth';
import { COMMON_ENTITIES, SnakeNamingStrategy } from '@albergue/common';
import { OCCUPANCY_ENTITIES } from '@albergue/occupancy';
import { REFERRALS_ENTITIES } from '@albergue/referrals';
import { RESIDENTS_ENTITIES } from '@albergue/residents';
import { SHELTERS_ENTITIES } from '@albergue/shelters';
import { SUPPLIES_ENTITIES } from '@albergue/supplies';
import { VAULT_ENTITIES } from '@albergue/vault';
import { DataSource, type DataSourceOptions } from 'typeorm';
import {
  MIGRATIONS,
  type MigrationOutcome,
  type ReportingMigration,
} from '../../../../migrations/index.js';

/** Every lib's tables, each list from its door. */
export const ENTITIES = [
  ...COMMON_ENTITIES,
  ...AUDIT_ENTITIES,
  ...AUTH_ENTITIES,
  ...SHELTERS_ENTITIES,
  ...VAULT_ENTITIES,
  ...RESIDENTS_ENTITIES,
  ...OCCUPANCY_ENTITIES,
  ...REFERRALS_ENTITIES,
  ...SUPPLIES_ENTITIES,
];

/** The schema changes only through migrations: `synchronize` stays off everywhere. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+; migrations create the extensions we use.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

export interface AppliedMigration {
  name: string;
  /** What a migration that moved data said it did (ReportingMigration). */
  outcome?: MigrationOutcome;
}

/** Runs pending migrations; each in its own transaction, so a failed one leaves the schema as it was. */
export async function migrate(url: string): Promise<AppliedMigration[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map(({ name, instance }) => ({
      name,
      outcome: (instance as ReportingMigration | undefined)?.outcome,
    }));
  } finally {
    await dataSource.destroy();
  }
}
