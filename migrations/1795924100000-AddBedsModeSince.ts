import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a shelter went over to beds mode: its daily figures come from beds and stays from then on,
 * and from its counts history before (beds are set up in counts mode days before the switch).
 * Shelters in beds mode already are taken to have switched when their first bed was made, which
 * is what the figures assumed until now.
 */
export class AddBedsModeSince1795924100000 implements MigrationInterface {
  name = 'AddBedsModeSince1795924100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shelter" ADD "beds_mode_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE shelter s SET beds_mode_since = coalesce(
              (SELECT min(b.created_at) FROM bed b WHERE b.shelter_id = s.id), now())
        WHERE s.tracking_mode = 'beds'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "beds_mode_since"`);
  }
}
