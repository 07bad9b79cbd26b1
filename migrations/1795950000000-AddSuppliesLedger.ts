import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Food and supplies (libs/supplies, issue 21): the items catalogue, the stock ledger (movements
 * only, append-only: a trigger refuses UPDATE, DELETE and TRUNCATE of stock_movement, whoever
 * asks, and another lets a reversal undo only one earlier row of the same stock), the per-item
 * lock rows, meals served and transfers between shelters.
 */
export class AddSuppliesLedger1795950000000 implements MigrationInterface {
  name = 'AddSuppliesLedger1795950000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."meal_kind" AS ENUM('breakfast', 'lunch', 'dinner', 'other', 'infant', 'medical_diet', 'iftar', 'suhur')`,
    );
    await queryRunner.query(
      `CREATE TABLE "meal_served" ("id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "day" date NOT NULL, "kind" "public"."meal_kind" NOT NULL, "people" integer NOT NULL, "recorded_by" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53ca3f65eadba49b667fa7a39e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "meal_served_shelter_day_idx" ON "meal_served"  ("shelter_id", "day") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_lock" ("shelter_id" uuid NOT NULL, "item_id" uuid NOT NULL, CONSTRAINT "PK_1a452bc04715192122db1346b73" PRIMARY KEY ("shelter_id", "item_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."stock_movement_kind" AS ENUM('received', 'issued', 'cooked', 'wasted', 'expired', 'transfer_out', 'transfer_in', 'adjusted', 'reversal')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."supply_source" AS ENUM('organisation', 'pledge', 'private_donor', 'purchase')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."adjustment_reason" AS ENUM('count', 'damaged', 'lost', 'theft', 'recording_error', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reversal_reason" AS ENUM('wrong_quantity', 'wrong_item', 'duplicate', 'did_not_happen', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_movement" ("id" uuid NOT NULL, "act_id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "item_id" uuid NOT NULL, "kind" "public"."stock_movement_kind" NOT NULL, "quantity" numeric(14,3) NOT NULL, "lot" text, "expires_on" date, "expired_on_receipt" boolean NOT NULL DEFAULT false, "source" "public"."supply_source", "organisation_id" uuid, "pledge_id" uuid, "transfer_id" uuid, "meal_id" uuid, "counted" numeric(14,3), "adjustment_reason" "public"."adjustment_reason", "reverses_id" uuid, "reversal_reason" "public"."reversal_reason", "recorded_by" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stock_movement_source_check" CHECK ((kind = 'received') = (source IS NOT NULL) AND (source IS NOT DISTINCT FROM 'organisation') = (organisation_id IS NOT NULL) AND (source IS NOT DISTINCT FROM 'pledge') = (pledge_id IS NOT NULL)), CONSTRAINT "stock_movement_lot_check" CHECK (lot ~ '^[A-Za-z0-9./-]{1,40}$'), CONSTRAINT "stock_movement_sign_check" CHECK ((kind IN ('received', 'transfer_in') AND quantity > 0) OR (kind IN ('issued', 'cooked', 'wasted', 'expired', 'transfer_out') AND quantity < 0) OR (kind = 'adjusted' AND counted IS NOT NULL AND adjustment_reason IS NOT NULL) OR (kind = 'reversal' AND quantity <> 0 AND reverses_id IS NOT NULL AND reversal_reason IS NOT NULL)), CONSTRAINT "PK_9fe1232f916686ae8cf00294749" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_movement_meal_idx" ON "stock_movement"  ("meal_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_movement_transfer_idx" ON "stock_movement"  ("transfer_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "stock_movement_reverses_idx" ON "stock_movement"  ("reverses_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_movement_act_idx" ON "stock_movement"  ("act_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_movement_shelter_at_idx" ON "stock_movement"  ("shelter_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_movement_stock_idx" ON "stock_movement"  ("shelter_id", "item_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."stock_transfer_state" AS ENUM('in_transit', 'received', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_transfer" ("id" uuid NOT NULL, "from_shelter_id" uuid NOT NULL, "to_shelter_id" uuid NOT NULL, "state" "public"."stock_transfer_state" NOT NULL DEFAULT 'in_transit', "sent_by" uuid NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "received_by" uuid, "received_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "stock_transfer_shelters_check" CHECK (from_shelter_id <> to_shelter_id), CONSTRAINT "PK_b6165ea3cc5b8062e7eaa1bd44d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_transfer_to_idx" ON "stock_transfer"  ("to_shelter_id", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "stock_transfer_from_idx" ON "stock_transfer"  ("from_shelter_id", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stock_transfer_line" ("transfer_id" uuid NOT NULL, "item_id" uuid NOT NULL, "quantity_sent" numeric(14,3) NOT NULL, "sent_lots" jsonb NOT NULL, "quantity_received" numeric(14,3), "difference_reason" "public"."adjustment_reason", CONSTRAINT "stock_transfer_line_quantity_check" CHECK (quantity_sent > 0 AND (quantity_received IS NULL OR (quantity_received >= 0 AND quantity_received <= quantity_sent))), CONSTRAINT "PK_3bcf981ff6b158cf07699366dd5" PRIMARY KEY ("transfer_id", "item_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."supply_category" AS ENUM('food', 'water', 'hygiene', 'baby', 'medicine', 'clothing', 'bedding', 'cleaning', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."supply_unit" AS ENUM('kg', 'l', 'piece', 'pack')`,
    );
    await queryRunner.query(
      `CREATE TABLE "supply_item" ("id" uuid NOT NULL, "shelter_id" uuid, "names" jsonb NOT NULL, "category" "public"."supply_category" NOT NULL, "unit" "public"."supply_unit" NOT NULL, "kcal_per_unit" numeric(10,2), "active" boolean NOT NULL DEFAULT true, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "supply_item_kcal_check" CHECK (kcal_per_unit IS NULL OR (category = 'food' AND kcal_per_unit > 0)), CONSTRAINT "PK_3f1468bd6eb2a0bd55da10dfba4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "supply_item_shelter_idx" ON "supply_item"  ("shelter_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meal_served" ADD CONSTRAINT "meal_served_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_lock" ADD CONSTRAINT "stock_lock_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_lock" ADD CONSTRAINT "stock_lock_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_transfer_fk" FOREIGN KEY ("transfer_id") REFERENCES "stock_transfer"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_meal_fk" FOREIGN KEY ("meal_id") REFERENCES "meal_served"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_reverses_fk" FOREIGN KEY ("reverses_id") REFERENCES "stock_movement"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_transfer" ADD CONSTRAINT "stock_transfer_from_fk" FOREIGN KEY ("from_shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_transfer" ADD CONSTRAINT "stock_transfer_to_fk" FOREIGN KEY ("to_shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_transfer_line" ADD CONSTRAINT "stock_transfer_line_transfer_fk" FOREIGN KEY ("transfer_id") REFERENCES "stock_transfer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_transfer_line" ADD CONSTRAINT "stock_transfer_line_item_fk" FOREIGN KEY ("item_id") REFERENCES "supply_item"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_item" ADD CONSTRAINT "supply_item_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );

    // The ledger is append-only: a mistake is corrected by a reversing movement, never by an edit.
    await queryRunner.query(`CREATE FUNCTION stock_movement_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'stock_movement is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER stock_movement_no_change BEFORE UPDATE OR DELETE ON "stock_movement" FOR EACH ROW EXECUTE FUNCTION stock_movement_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON "stock_movement" FOR EACH STATEMENT EXECUTE FUNCTION stock_movement_append_only()`,
    );
    // A reversal undoes exactly one earlier row of the same stock, in the same lot, by its
    // opposite quantity; never a reversal, never a transfer's row (the unique index on
    // reverses_id makes it once). The service checks the same first, with clearer errors.
    await queryRunner.query(`CREATE FUNCTION stock_movement_reversal_check() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE target stock_movement;
            BEGIN
                SELECT * INTO target FROM stock_movement WHERE id = NEW.reverses_id;
                IF target.id IS NULL
                   OR target.kind IN ('reversal', 'transfer_out', 'transfer_in')
                   OR target.shelter_id <> NEW.shelter_id OR target.item_id <> NEW.item_id
                   OR target.lot IS DISTINCT FROM NEW.lot
                   OR target.expires_on IS DISTINCT FROM NEW.expires_on
                   OR target.quantity <> -NEW.quantity THEN
                    RAISE EXCEPTION 'a reversal undoes one earlier movement of the same stock and lot, by its opposite quantity' USING ERRCODE = 'check_violation';
                END IF;
                RETURN NEW;
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER stock_movement_reversal BEFORE INSERT ON "stock_movement" FOR EACH ROW WHEN (NEW.kind = 'reversal') EXECUTE FUNCTION stock_movement_reversal_check()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "stock_movement_reversal" ON "stock_movement"`);
    await queryRunner.query(`DROP FUNCTION stock_movement_reversal_check()`);
    await queryRunner.query(`DROP TRIGGER "stock_movement_no_truncate" ON "stock_movement"`);
    await queryRunner.query(`DROP TRIGGER "stock_movement_no_change" ON "stock_movement"`);
    await queryRunner.query(`DROP FUNCTION stock_movement_append_only()`);
    await queryRunner.query(`ALTER TABLE "supply_item" DROP CONSTRAINT "supply_item_shelter_fk"`);
    await queryRunner.query(
      `ALTER TABLE "stock_transfer_line" DROP CONSTRAINT "stock_transfer_line_item_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_transfer_line" DROP CONSTRAINT "stock_transfer_line_transfer_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "stock_transfer" DROP CONSTRAINT "stock_transfer_to_fk"`);
    await queryRunner.query(
      `ALTER TABLE "stock_transfer" DROP CONSTRAINT "stock_transfer_from_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_reverses_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_meal_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_transfer_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_organisation_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_item_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "stock_movement" DROP CONSTRAINT "stock_movement_shelter_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "stock_lock" DROP CONSTRAINT "stock_lock_item_fk"`);
    await queryRunner.query(`ALTER TABLE "stock_lock" DROP CONSTRAINT "stock_lock_shelter_fk"`);
    await queryRunner.query(`ALTER TABLE "meal_served" DROP CONSTRAINT "meal_served_shelter_fk"`);
    await queryRunner.query(`DROP INDEX "public"."supply_item_shelter_idx"`);
    await queryRunner.query(`DROP TABLE "supply_item"`);
    await queryRunner.query(`DROP TYPE "public"."supply_unit"`);
    await queryRunner.query(`DROP TYPE "public"."supply_category"`);
    await queryRunner.query(`DROP TABLE "stock_transfer_line"`);
    await queryRunner.query(`DROP INDEX "public"."stock_transfer_from_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_transfer_to_idx"`);
    await queryRunner.query(`DROP TABLE "stock_transfer"`);
    await queryRunner.query(`DROP TYPE "public"."stock_transfer_state"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_stock_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_shelter_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_act_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_reverses_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_transfer_idx"`);
    await queryRunner.query(`DROP INDEX "public"."stock_movement_meal_idx"`);
    await queryRunner.query(`DROP TABLE "stock_movement"`);
    await queryRunner.query(`DROP TYPE "public"."reversal_reason"`);
    await queryRunner.query(`DROP TYPE "public"."adjustment_reason"`);
    await queryRunner.query(`DROP TYPE "public"."supply_source"`);
    await queryRunner.query(`DROP TYPE "public"."stock_movement_kind"`);
    await queryRunner.query(`DROP TABLE "stock_lock"`);
    await queryRunner.query(`DROP INDEX "public"."meal_served_shelter_day_idx"`);
    await queryRunner.query(`DROP TABLE "meal_served"`);
    await queryRunner.query(`DROP TYPE "public"."meal_kind"`);
  }
}
