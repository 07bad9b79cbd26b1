import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holds and stays at a counts-mode shelter take a place, not a bed: `bed_id` may be null then,
 * and such a row always says which group's place it takes (`population`), so that a hold's end
 * gives that group's place back. And a resident history kind for a transfer that parted a
 * guardian and a minor on purpose.
 */
export class AllowPlacesWithoutBeds1795920000000 implements MigrationInterface {
  name = 'AllowPlacesWithoutBeds1795920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bed_assignment" ALTER COLUMN "bed_id" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "bed_assignment" ADD CONSTRAINT "bed_assignment_place_check" CHECK (bed_id IS NOT NULL OR population IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."resident_event_kind" ADD VALUE IF NOT EXISTS 'separation'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop one value of an enum: 'separation' stays in resident_event_kind,
    // unused, and the rows that used it go (they record an override the older schema cannot show).
    await queryRunner.query(`DELETE FROM "resident_event" WHERE kind = 'separation'`);
    // Places without a bed cannot be given one afterwards: they go, with the constraint.
    await queryRunner.query(`DELETE FROM "bed_assignment" WHERE bed_id IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "bed_assignment" DROP CONSTRAINT "bed_assignment_place_check"`,
    );
    await queryRunner.query(`ALTER TABLE "bed_assignment" ALTER COLUMN "bed_id" SET NOT NULL`);
  }
}
