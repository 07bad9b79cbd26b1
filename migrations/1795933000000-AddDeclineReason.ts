import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a receiving shelter turned a transfer down (no room, not suitable, they did not come,
 * other): a word for the sending shelter, kept on the declined hold's places. No free text: it
 * would be one more place for something personal.
 */
export class AddDeclineReason1795933000000 implements MigrationInterface {
  name = 'AddDeclineReason1795933000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."decline_reason" AS ENUM('no_room', 'not_suitable', 'did_not_come', 'other')`,
    );
    await queryRunner.query(
      `ALTER TABLE "bed_assignment" ADD "decline_reason" "public"."decline_reason"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bed_assignment" DROP COLUMN "decline_reason"`);
    await queryRunner.query(`DROP TYPE "public"."decline_reason"`);
  }
}
