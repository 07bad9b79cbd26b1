import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to a referral stamps `updated_at`, whoever wrote it (the lib, the overdue job, the
 * retention job, an operator's SQL): a BEFORE UPDATE trigger, so no writer can forget. Each API
 * instance catches up on the referral changes whose notification it missed (its listening
 * connection was down) by reading the rows changed since it last looked (libs/referrals
 * ReferralsNotifier); the index keeps that look cheap.
 */
export class StampReferralChanges1795944600000 implements MigrationInterface {
  name = 'StampReferralChanges1795944600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION referral_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER referral_stamp BEFORE UPDATE ON "referral" FOR EACH ROW EXECUTE FUNCTION referral_stamp()`,
    );
    await queryRunner.query(`CREATE INDEX "referral_updated_idx" ON "referral" ("updated_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."referral_updated_idx"`);
    await queryRunner.query(`DROP TRIGGER "referral_stamp" ON "referral"`);
    await queryRunner.query(`DROP FUNCTION referral_stamp()`);
  }
}
