import { AuditEntry } from '@albergue/audit';
import { Membership, PasswordToken, Session, User } from '@albergue/auth';
import { JobRun, RequestLog, SnakeNamingStrategy } from '@albergue/common';
import { Bed, BedAssignment, Room, Turnaway } from '@albergue/occupancy';
import { Appointment, Household, Resident, ResidentEvent } from '@albergue/residents';
import { AvailabilityOutbox, Organisation, Shelter, ShelterCapacity } from '@albergue/shelters';
import { CryptoKey } from '@albergue/vault';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';

export const ENTITIES = [
  RequestLog,
  JobRun,
  AuditEntry,
  User,
  Membership,
  Session,
  PasswordToken,
  Organisation,
  Shelter,
  ShelterCapacity,
  AvailabilityOutbox,
  CryptoKey,
  Household,
  Resident,
  ResidentEvent,
  Appointment,
  Room,
  Bed,
  BedAssignment,
  Turnaway,
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

/** Runs pending migrations; each in its own transaction, so a failed one leaves the schema as it was. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
