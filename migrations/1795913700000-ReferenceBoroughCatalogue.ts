import { BOROUGHS, findBorough } from '@albergue/contracts';
import type { QueryRunner } from 'typeorm';
import type { MigrationOutcome, ReportingMigration } from './outcome.js';

/**
 * A shelter's borough was free text ("Cuauhtemoc", "GAM", "Alcaldía Cuauhtémoc"); it becomes a
 * code of the borough catalogue (libs/contracts BOROUGHS), `address_borough_code`. Each text is
 * matched with findBorough, exactly as the catalogue knows it (name, code or alias, any case,
 * with or without accents), as the catalogue stands when this runs: it only ever grows.
 *
 * A text that names no borough of the catalogue (another city's, a neighbourhood's, a typo) is
 * not guessed at: the shelter is left without a borough, and the text is kept at the end of its
 * neighbourhood (the free-text field nearest in meaning), so that staff still see it and can pick
 * the borough. For a sensitive shelter the public no longer sees that text (its neighbourhood is
 * never public): less is shown, nothing is lost. The start's log says how many and which
 * shelters (ids only), at `warn`.
 */
export class ReferenceBoroughCatalogue1795913700000 implements ReportingMigration {
  name = 'ReferenceBoroughCatalogue1795913700000';
  outcome?: MigrationOutcome;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shelter" ADD "address_borough_code" text`);
    const rows: { id: string; borough: string }[] = await queryRunner.query(
      `SELECT id, address_borough AS borough FROM "shelter"
        WHERE btrim(coalesce(address_borough, '')) <> '' ORDER BY id`,
    );
    const matched: { id: string; code: string }[] = [];
    const unmatched: string[] = [];
    for (const { id, borough } of rows) {
      const found = findBorough(borough);
      if (found) {
        matched.push({ id, code: found.code });
      } else {
        unmatched.push(id);
      }
    }
    await queryRunner.query(
      `UPDATE "shelter" s SET address_borough_code = m.code
         FROM unnest($1::uuid[], $2::text[]) AS m(id, code) WHERE s.id = m.id`,
      [matched.map((m) => m.id), matched.map((m) => m.code)],
    );
    await queryRunner.query(
      `UPDATE "shelter"
          SET address_neighbourhood =
                concat_ws(', ', nullif(btrim(address_neighbourhood), ''), btrim(address_borough))
        WHERE id = ANY($1::uuid[])`,
      [unmatched],
    );
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "address_borough"`);
    this.outcome =
      unmatched.length === 0
        ? {
            level: 'info',
            message: `boroughs: ${matched.length} shelters now name a borough of the catalogue`,
          }
        : {
            level: 'warn',
            message:
              `boroughs: ${matched.length} shelters now name a borough of the catalogue; ` +
              `${unmatched.length} named none of it and have no borough now (their text is ` +
              `kept at the end of their neighbourhood): choose their borough. Shelters: ` +
              unmatched.join(', '),
          };
  }

  /**
   * Codes go back to the catalogue's names. Texts that matched no borough stay at the end of
   * their shelters' neighbourhoods: nothing says which part of a neighbourhood was one.
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shelter" ADD "address_borough" text`);
    await queryRunner.query(
      `UPDATE "shelter" s SET address_borough = c.name
         FROM unnest($1::text[], $2::text[]) AS c(code, name) WHERE s.address_borough_code = c.code`,
      [BOROUGHS.map((b) => b.code), BOROUGHS.map((b) => b.name)],
    );
    await queryRunner.query(`ALTER TABLE "shelter" DROP COLUMN "address_borough_code"`);
  }
}
