import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A day's budget of wrong second-factor codes per user: the count and the start of its window,
 * and when the factor was blocked (until an admin resets it).
 */
export class LimitSecondFactorTriesPerDay1795925100000 implements MigrationInterface {
  name = 'LimitSecondFactorTriesPerDay1795925100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD "wrong_tries" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD "wrong_since" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD "blocked_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "second_factor" DROP COLUMN "blocked_at"`);
    await queryRunner.query(`ALTER TABLE "second_factor" DROP COLUMN "wrong_since"`);
    await queryRunner.query(`ALTER TABLE "second_factor" DROP COLUMN "wrong_tries"`);
  }
}
