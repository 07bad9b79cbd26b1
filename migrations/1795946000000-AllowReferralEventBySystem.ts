import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral's history row may be written by no one: residents' retention anonymises a person
 * (and so cancels their open referrals, `erased`) as a job, not as a user.
 */
export class AllowReferralEventBySystem1795946000000 implements MigrationInterface {
  name = 'AllowReferralEventBySystem1795946000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral_event" ALTER COLUMN "by_user_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The job's rows are given to the referral's maker: the old column has no room for "no one".
    await queryRunner.query(
      `UPDATE "referral_event" e SET "by_user_id" = r."created_by"
         FROM "referral" r WHERE r."id" = e."referral_id" AND e."by_user_id" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "referral_event" ALTER COLUMN "by_user_id" SET NOT NULL`);
  }
}
