import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pledges (libs/supplies, issue 21, item 8): promises to bring some of a published need, the
 * donor's contact sealed and erased 30 days after the day; and the key that the ledger's
 * `stock_movement.pledge_id` (a column since AddSuppliesLedger) was waiting for.
 */
export class AddSupplyPledges1795953000000 implements MigrationInterface {
  name = 'AddSupplyPledges1795953000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."pledge_state" AS ENUM('pledged', 'received', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_pledge" ("id" uuid NOT NULL, "need_id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "quantity" numeric(14,3), "bring_by" date NOT NULL, "contact_sealed" text, "erased_at" TIMESTAMP WITH TIME ZONE, "state" "public"."pledge_state" NOT NULL DEFAULT 'pledged', "received_at" TIMESTAMP WITH TIME ZONE, "received_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supply_pledge_received_check" CHECK ((state = 'received') = (received_at IS NOT NULL AND received_by IS NOT NULL)), CONSTRAINT "supply_pledge_erased_check" CHECK ((contact_sealed IS NULL) = (erased_at IS NOT NULL)), CONSTRAINT "supply_pledge_quantity_check" CHECK (quantity IS NULL OR quantity > 0), CONSTRAINT "PK_0285810ec97ad0ea6237bd06e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "supply_pledge_erase_idx" ON "supply_pledge"  ("bring_by") WHERE erased_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "supply_pledge_shelter_idx" ON "supply_pledge"  ("shelter_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_pledge_fk" FOREIGN KEY ("pledge_id") REFERENCES "supply_pledge"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_pledge" ADD CONSTRAINT "supply_pledge_need_fk" FOREIGN KEY ("need_id") REFERENCES "supply_need"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_pledge" ADD CONSTRAINT "supply_pledge_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "supply_pledge" DROP CONSTRAINT "supply_pledge_shelter_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "supply_pledge" DROP CONSTRAINT "supply_pledge_need_fk"`);
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_pledge_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."supply_pledge_shelter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."supply_pledge_erase_idx"`);
    await queryRunner.query(`DROP TABLE "supply_pledge"`);
    await queryRunner.query(`DROP TYPE "public"."pledge_state"`);
  }
}
