import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The blind index of residents' names (keyed hashes of tokens and sounds). Its rows are made by
 * the app, which alone holds the key: residents registered before this migration are indexed at
 * the next start (NameIndexBackfill), and `npm run keys:rotate` rebuilds every row.
 */
export class AddResidentNameIndex1795923100000 implements MigrationInterface {
  name = 'AddResidentNameIndex1795923100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."name_term_kind" AS ENUM('TOKEN', 'PHONETIC')`);
    await queryRunner.query(
      `CREATE TABLE "resident_name_index" ("hmac" text NOT NULL, "resident_id" uuid NOT NULL, "kind" "public"."name_term_kind" NOT NULL, CONSTRAINT "resident_name_index_pk" PRIMARY KEY ("hmac", "resident_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "resident_name_index_resident_idx" ON "resident_name_index" ("resident_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "resident_name_index" ADD CONSTRAINT "resident_name_index_resident_fk" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "resident_name_index" DROP CONSTRAINT "resident_name_index_resident_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."resident_name_index_resident_idx"`);
    await queryRunner.query(`DROP TABLE "resident_name_index"`);
    await queryRunner.query(`DROP TYPE "public"."name_term_kind"`);
  }
}
