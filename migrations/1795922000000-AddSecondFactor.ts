import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff second factor: a TOTP secret per user (sealed by the vault), one-time recovery codes
 * (argon2id hashes only), and on each session the step it still owes.
 */
export class AddSecondFactor1795922000000 implements MigrationInterface {
  name = 'AddSecondFactor1795922000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "second_factor" ("user_id" uuid NOT NULL, "secret_sealed" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed3b12c71bfc8b301ef340e1717" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "recovery_code_user_idx" ON "recovery_code"  ("user_id") `,
    );
    await queryRunner.query(`ALTER TABLE "session" ADD "second_factor_step" text`);
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD CONSTRAINT "second_factor_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "recovery_code_user_fk"`);
    await queryRunner.query(`ALTER TABLE "second_factor" DROP CONSTRAINT "second_factor_user_fk"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "second_factor_step"`);
    await queryRunner.query(`DROP INDEX "public"."recovery_code_user_idx"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP TABLE "second_factor"`);
  }
}
