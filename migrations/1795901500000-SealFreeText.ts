import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointment places and asylum offices are free text, which may hold a person ("con Marisol,
 * 55 1234 5678"): they become sealed columns. The values already there are still plaintext
 * after this migration, which has no key; the residents lib seals them when the app starts
 * (FreeTextSealing), before it serves, and every start checks again.
 */
export class SealFreeText1795901500000 implements MigrationInterface {
  name = 'SealFreeText1795901500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment" RENAME COLUMN "place" TO "place_sealed"`);
    // Anonymisation empties it, like every sealed free text.
    await queryRunner.query(`ALTER TABLE "appointment" ALTER COLUMN "place_sealed" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "resident" RENAME COLUMN "asylum_office" TO "asylum_office_sealed"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident_event" RENAME COLUMN "office" TO "office_sealed"`,
    );
  }

  /**
   * The names go back; values sealed since cannot be opened without the key, so they stay
   * sealed (the app of that version would show them as they are stored).
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "resident_event" RENAME COLUMN "office_sealed" TO "office"`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident" RENAME COLUMN "asylum_office_sealed" TO "asylum_office"`,
    );
    await queryRunner.query(
      `UPDATE "appointment" SET "place_sealed" = '' WHERE "place_sealed" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "appointment" ALTER COLUMN "place_sealed" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "appointment" RENAME COLUMN "place_sealed" TO "place"`);
  }
}
