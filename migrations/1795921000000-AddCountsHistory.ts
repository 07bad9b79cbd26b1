import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counts history (every report and confirmation of a shelter's figures, dated, with the
 * figures and the version it produced) and the staleness nudges (one per shelter and stale
 * period). Earlier reports were not kept: each reported shelter's history starts with its
 * figures as they stand, dated at its last report or confirmation (by no one known), which is
 * when they were last true for certain.
 */
export class AddCountsHistory1795921000000 implements MigrationInterface {
  name = 'AddCountsHistory1795921000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."availability_report_kind" AS ENUM('report', 'confirm')`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shelter_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "by_user_id" uuid, "kind" "public"."availability_report_kind" NOT NULL, "version" bigint NOT NULL, "counts" jsonb NOT NULL, CONSTRAINT "availability_report_counts_check" CHECK (jsonb_typeof(counts) = 'array'), CONSTRAINT "PK_cc795198d4979055aed6189faba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "availability_report_shelter_at_idx" ON "availability_report"  ("shelter_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stale_nudge" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "shelter_id" uuid NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "stale_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bee219ba7049f998fb13daac7b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "stale_nudge_shelter_confirmed_key" ON "stale_nudge"  ("shelter_id", "confirmed_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_report" ADD CONSTRAINT "availability_report_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO availability_report (shelter_id, at, by_user_id, kind, version, counts)
       SELECT s.id, s.availability_confirmed_at, NULL, 'report', s.availability_version,
              coalesce((SELECT jsonb_agg(jsonb_build_object('population', c.population,
                 'totalBeds', c.total_beds, 'freeBeds', c.free_beds,
                 'overflowTotal', c.overflow_total, 'overflowFree', c.overflow_free) ORDER BY c.population)
                FROM shelter_capacity c WHERE c.shelter_id = s.id), '[]'::jsonb)
         FROM shelter s WHERE s.availability_confirmed_at IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "stale_nudge" ADD CONSTRAINT "stale_nudge_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stale_nudge" DROP CONSTRAINT "stale_nudge_shelter_fk"`);
    await queryRunner.query(
      `ALTER TABLE "availability_report" DROP CONSTRAINT "availability_report_shelter_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."stale_nudge_shelter_confirmed_key"`);
    await queryRunner.query(`DROP TABLE "stale_nudge"`);
    await queryRunner.query(`DROP INDEX "public"."availability_report_shelter_at_idx"`);
    await queryRunner.query(`DROP TABLE "availability_report"`);
    await queryRunner.query(`DROP TYPE "public"."availability_report_kind"`);
  }
}
