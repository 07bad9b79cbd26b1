import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Days of food left per shelter and day (libs/supplies, issue 21, item 9: figures over time). */
export class AddSupplyFoodDays1795953500000 implements MigrationInterface {
  name = 'AddSupplyFoodDays1795953500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supply_food_day" ("shelter_id" uuid NOT NULL, "day" date NOT NULL, "days_left" numeric(10,2), "kcal" numeric(16,1) NOT NULL, "people" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_177918b31f4080c4f143eeb4e46" PRIMARY KEY ("shelter_id", "day"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "supply_food_day" ADD CONSTRAINT "supply_food_day_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "supply_food_day" DROP CONSTRAINT "supply_food_day_shelter_fk"`,
    );
    await queryRunner.query(`DROP TABLE "supply_food_day"`);
  }
}
