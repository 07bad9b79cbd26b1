import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supply alerts (libs/supplies, issue 21, items 4 and 5): a shelter's low and expiring-soon marks
 * per item or category, and the alerts they raise, one row per crossing, with the sequence that
 * orders their delivery to staff sockets.
 */
export class AddSupplyAlerts1795951000000 implements MigrationInterface {
  name = 'AddSupplyAlerts1795951000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supply_threshold" ("id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "item_id" uuid, "category" "public"."supply_category", "low" numeric(14,3), "expiring_within_days" integer, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supply_threshold_values_check" CHECK ((low IS NULL OR low >= 0) AND (expiring_within_days IS NULL OR expiring_within_days BETWEEN 0 AND 365) AND (low IS NOT NULL OR expiring_within_days IS NOT NULL)), CONSTRAINT "supply_threshold_target_check" CHECK ((item_id IS NULL) <> (category IS NULL)), CONSTRAINT "PK_683005869c02d85375f1309d594" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_threshold_category_key" ON "supply_threshold"  ("shelter_id", "category") WHERE category IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_threshold_item_key" ON "supply_threshold"  ("shelter_id", "item_id") WHERE item_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."supply_alert_kind" AS ENUM('low_stock', 'food_days_low', 'expiring')`,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_alert" ("id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "kind" "public"."supply_alert_kind" NOT NULL, "key" text NOT NULL, "item_id" uuid, "lot" text, "expires_on" date, "figure" numeric(14,3) NOT NULL, "threshold" numeric(14,3) NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "cleared_at" TIMESTAMP WITH TIME ZONE, "seq" bigint NOT NULL, CONSTRAINT "PK_ccf2e0453ebf2cf5bc2d100b71d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_alert_seq_idx" ON "supply_alert"  ("seq") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_alert_open_key" ON "supply_alert"  ("shelter_id", "key") WHERE cleared_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_threshold" ADD CONSTRAINT "supply_threshold_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_threshold" ADD CONSTRAINT "supply_threshold_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_alert" ADD CONSTRAINT "supply_alert_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_alert" ADD CONSTRAINT "supply_alert_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    // Stamped at each raise and clear, under the writing lock (SupplyAlerts): delivery's cursor.
    await queryRunner.query(`CREATE SEQUENCE "supply_alert_seq"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "supply_alert_seq"`);
    await queryRunner.query(`ALTER TABLE "supply_alert" DROP CONSTRAINT "supply_alert_item_fk"`);
    await queryRunner.query(`ALTER TABLE "supply_alert" DROP CONSTRAINT "supply_alert_shelter_fk"`);
    await queryRunner.query(
      `ALTER TABLE "supply_threshold" DROP CONSTRAINT "supply_threshold_item_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_threshold" DROP CONSTRAINT "supply_threshold_shelter_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."supply_alert_open_key"`);
    await queryRunner.query(`DROP INDEX "public"."supply_alert_seq_idx"`);
    await queryRunner.query(`DROP TABLE "supply_alert"`);
    await queryRunner.query(`DROP TYPE "public"."supply_alert_kind"`);
    await queryRunner.query(`DROP INDEX "public"."supply_threshold_item_key"`);
    await queryRunner.query(`DROP INDEX "public"."supply_threshold_category_key"`);
    await queryRunner.query(`DROP TABLE "supply_threshold"`);
  }
}
