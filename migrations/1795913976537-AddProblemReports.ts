import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problem reports from the public (a shelter, a reason, a time: nothing of who sent them), and on
 * each shelter the flag a burst raises and when a coordinator last reviewed the figures.
 */
export class AddProblemReports1795913976537 implements MigrationInterface {
  name = 'AddProblemReports1795913976537';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."problem_reason" AS ENUM('turned_away_despite_space', 'no_answer', 'closed', 'wrong_address')`,
    );
    await queryRunner.query(
      `CREATE TABLE "problem_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shelter_id" uuid NOT NULL, "reason" "public"."problem_reason" NOT NULL, "showed_space" boolean NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bc56b5c43df58a813686cc10d8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "problem_report_shelter_at_idx" ON "problem_report"  ("shelter_id", "reported_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter" ADD "figures_questioned_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter" ADD "figures_reviewed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "problem_report" ADD CONSTRAINT "problem_report_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "problem_report" DROP CONSTRAINT "problem_report_shelter_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "figures_reviewed_at"`);
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "figures_questioned_at"`);
    await queryRunner.query(`DROP INDEX "public"."problem_report_shelter_at_idx"`);
    await queryRunner.query(`DROP TABLE "problem_report"`);
    await queryRunner.query(`DROP TYPE "public"."problem_reason"`);
  }
}
