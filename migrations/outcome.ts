import type { MigrationInterface } from 'typeorm';

/**
 * What a migration that moves data says it did, for the log of the start that ran it: counts and
 * shelter ids, never values. `warn` when a person should look (data it could not place).
 */
export interface MigrationOutcome {
  level: 'info' | 'warn';
  message: string;
}

/** A migration that sets `outcome` in its `up`. */
export interface ReportingMigration extends MigrationInterface {
  outcome?: MigrationOutcome;
}
