import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public needs lists (libs/supplies, issue 21, item 7): what each shelter asks donors for, and
 * whether a sensitive shelter's needs carry its name in public.
 */
export class AddSupplyNeeds1795952000000 implements MigrationInterface {
  name = 'AddSupplyNeeds1795952000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."need_priority" AS ENUM('high', 'medium', 'low')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."need_closure" AS ENUM('met', 'withdrawn')`);
    await queryRunner.query(
      `CREATE TABLE "supply_need" ("id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "item_id" uuid, "category" "public"."supply_category", "quantity" numeric(14,3), "priority" "public"."need_priority" NOT NULL, "until" date, "closed_at" TIMESTAMP WITH TIME ZONE, "closure" "public"."need_closure", "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supply_need_closed_check" CHECK ((closed_at IS NULL) = (closure IS NULL)), CONSTRAINT "supply_need_quantity_check" CHECK (quantity IS NULL OR (item_id IS NOT NULL AND quantity > 0)), CONSTRAINT "supply_need_target_check" CHECK ((item_id IS NULL) <> (category IS NULL)), CONSTRAINT "PK_b7579abcc1dfa0dfa86d3a309ee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "supply_need_open_idx" ON "supply_need"  ("until") WHERE closed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_need_open_category_key" ON "supply_need"  ("shelter_id", "category") WHERE closed_at IS NULL AND category IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "supply_need_open_item_key" ON "supply_need"  ("shelter_id", "item_id") WHERE closed_at IS NULL AND item_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_needs_profile" ("shelter_id" uuid NOT NULL, "name_shown" boolean NOT NULL DEFAULT false, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cdadab7e5ef8bec2c0b666487dc" PRIMARY KEY ("shelter_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_need" ADD CONSTRAINT "supply_need_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_need" ADD CONSTRAINT "supply_need_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_needs_profile" ADD CONSTRAINT "supply_needs_profile_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "supply_needs_profile" DROP CONSTRAINT "supply_needs_profile_shelter_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "supply_need" DROP CONSTRAINT "supply_need_item_fk"`);
    await queryRunner.query(`ALTER TABLE "supply_need" DROP CONSTRAINT "supply_need_shelter_fk"`);
    await queryRunner.query(`DROP TABLE "supply_needs_profile"`);
    await queryRunner.query(`DROP INDEX "public"."supply_need_open_item_key"`);
    await queryRunner.query(`DROP INDEX "public"."supply_need_open_category_key"`);
    await queryRunner.query(`DROP INDEX "public"."supply_need_open_idx"`);
    await queryRunner.query(`DROP TABLE "supply_need"`);
    await queryRunner.query(`DROP TYPE "public"."need_closure"`);
    await queryRunner.query(`DROP TYPE "public"."need_priority"`);
  }
}
