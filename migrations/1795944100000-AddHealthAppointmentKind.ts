import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `health`, the kind of a referral's appointment in the morning plan (AppointmentSources): the
 * view's kind, never stored by residents (addAppointment refuses it).
 */
export class AddHealthAppointmentKind1795944100000 implements MigrationInterface {
  name = 'AddHealthAppointmentKind1795944100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."appointment_kind" ADD VALUE IF NOT EXISTS 'health'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // PostgreSQL drops no enum value: the type is made again without it.
    await queryRunner.query(`DELETE FROM "appointment" WHERE "kind" = 'health'`);
    await queryRunner.query(
      `ALTER TYPE "public"."appointment_kind" RENAME TO "appointment_kind_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."appointment_kind" AS ENUM('comar', 'inm_tvrh', 'cbp_one', 'court', 'consulate', 'other')`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ALTER COLUMN "kind" TYPE "public"."appointment_kind" USING "kind"::text::"public"."appointment_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."appointment_kind_old"`);
  }
}
