import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counts-mode shelter keeps, per group, the places held for people on the way (`held`), so that
 * a staff report means "places physically free now": the published free figure is the report
 * less the held places, and a hold's end gives its place back whenever it was placed. Filled from
 * the open holds that take a place without a bed.
 */
export class KeepHeldPlacesApart1795924000000 implements MigrationInterface {
  name = 'KeepHeldPlacesApart1795924000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "shelter_capacity" ADD "held" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter_capacity" ADD CONSTRAINT "shelter_capacity_held_check" CHECK (held >= 0)`,
    );
    await queryRunner.query(
      `UPDATE shelter_capacity c SET held = h.n
         FROM (SELECT shelter_id, population, count(*)::int AS n FROM bed_assignment
                WHERE kind = 'hold' AND bed_id IS NULL AND ended_at IS NULL
                GROUP BY shelter_id, population) h
        WHERE c.shelter_id = h.shelter_id AND c.population = h.population`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "shelter_capacity" DROP CONSTRAINT "shelter_capacity_held_check"`,
    );
    await queryRunner.query(`ALTER TABLE "shelter_capacity" DROP COLUMN "held"`);
  }
}
