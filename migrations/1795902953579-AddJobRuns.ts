import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where background jobs claim their runs, so that several API instances run each once. */
export class AddJobRuns1795902953579 implements MigrationInterface {
  name = 'AddJobRuns1795902953579';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_run" ("name" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, "runs" integer NOT NULL, CONSTRAINT "PK_a72b11a6ed99e4f8554c29addef" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_run"`);
  }
}
