import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each session records when it gave its second factor: a network role needs that on the session
 * itself, not merely a confirmed factor somewhere on the account. Sessions signed in after their
 * user's factor was confirmed gave a code at sign-in (that was the only way in), so they keep
 * counting; any other session of a network role is asked for a code on its next request.
 */
export class RecordSecondFactorOnSession1795925000000 implements MigrationInterface {
  name = 'RecordSecondFactorOnSession1795925000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session" ADD "second_factor_verified_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "session" s SET "second_factor_verified_at" = s."created_at"
         FROM "second_factor" f
        WHERE f."user_id" = s."user_id" AND f."confirmed_at" IS NOT NULL
          AND f."confirmed_at" < s."created_at" AND s."second_factor_step" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "second_factor_verified_at"`);
  }
}
