import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddResidents1795639765700 implements MigrationInterface {
  name = 'AddResidents1795639765700';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."appointment_kind" AS ENUM('comar', 'inm_tvrh', 'cbp_one', 'court', 'consulate', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."appointment_outcome" AS ENUM('pending', 'attended', 'missed', 'rescheduled', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "appointment" ("id" uuid NOT NULL, "resident_id" uuid NOT NULL, "kind" "public"."appointment_kind" NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "outcome" "public"."appointment_outcome" NOT NULL DEFAULT 'pending', "notes_sealed" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8be1a53027415e709ce8a2db74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "appointment_starts_idx" ON "appointment"  ("starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "appointment_resident_idx" ON "appointment"  ("resident_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "crypto_key" ("key_id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ad86d8d3f78765dbecbd376ae4" PRIMARY KEY ("key_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "household" ("id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "head_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_26e9111eab2b8908fefe3c645f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "household_shelter_idx" ON "household"  ("shelter_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."resident_event_kind" AS ENUM('case', 'asylum', 'consent')`,
    );
    await queryRunner.query(
      `CREATE TABLE "resident_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "resident_id" uuid NOT NULL, "kind" "public"."resident_event_kind" NOT NULL, "from_value" text, "to_value" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "by_user_id" uuid NOT NULL, "override" boolean NOT NULL DEFAULT false, "reason_sealed" text, "office" text, CONSTRAINT "PK_a294958fd1b5113077e63f0166b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "resident_event_resident_idx" ON "resident_event"  ("resident_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."age_bracket" AS ENUM('0-4', '5-11', '12-17', '18-29', '30-59', '60+')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."vulnerability" AS ENUM('pregnant', 'disability', 'chronic_illness', 'elderly', 'survivor_of_violence', 'at_risk_of_persecution')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."legal_basis" AS ENUM('consent', 'vital_interest', 'public_interest')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."withdrawal_outcome" AS ENUM('erased', 'vital_interest', 'public_interest')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."case_status" AS ENUM('open', 'departed', 'transferred', 'disappeared', 'deported', 'returned', 'deceased')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."asylum_status" AS ENUM('not_started', 'pre_registered', 'appointment_scheduled', 'application_filed', 'recognised', 'complementary_protection', 'rejected', 'appeal', 'abandoned', 'moved_to_another_office')`,
    );
    await queryRunner.query(
      `CREATE TABLE "resident" ("id" uuid NOT NULL, "household_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT 0, "current_shelter_id" uuid NOT NULL, "previous_shelter_id" uuid, "left_previous_at" TIMESTAMP WITH TIME ZONE, "name_sealed" text, "name_hash" text, "birth_year" integer, "age_bracket" "public"."age_bracket", "gender_sealed" text, "nationality" text NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "population" "public"."population" NOT NULL, "phone_sealed" text, "notes_sealed" text, "vulnerabilities" "public"."vulnerability" array NOT NULL DEFAULT '{}', "minor" boolean NOT NULL DEFAULT false, "guardian_id" uuid, "unaccompanied" boolean NOT NULL DEFAULT false, "child_protection_sealed" text, "folio_sealed" text, "folio_hash" text, "passport_sealed" text, "passport_hash" text, "curp_sealed" text, "curp_hash" text, "tvrh_sealed" text, "tvrh_hash" text, "tvrh_issued_on" date, "tvrh_expires_on" date, "legal_basis" "public"."legal_basis" NOT NULL, "basis_language" text NOT NULL, "basis_recorded_by" uuid NOT NULL, "basis_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawal_outcome" "public"."withdrawal_outcome", "case_status" "public"."case_status" NOT NULL DEFAULT 'open', "case_closed_at" TIMESTAMP WITH TIME ZONE, "asylum_status" "public"."asylum_status" NOT NULL DEFAULT 'not_started', "asylum_office" text, "case_number_sealed" text, "anonymised_at" TIMESTAMP WITH TIME ZONE, "registered_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f1a321823d6f69d0e348535fd37" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "resident_tvrh_hash_idx" ON "resident"  ("tvrh_hash") `);
    await queryRunner.query(`CREATE INDEX "resident_curp_hash_idx" ON "resident"  ("curp_hash") `);
    await queryRunner.query(
      `CREATE INDEX "resident_passport_hash_idx" ON "resident"  ("passport_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "resident_folio_hash_idx" ON "resident"  ("folio_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "resident_name_hash_idx" ON "resident"  ("name_hash") `);
    await queryRunner.query(
      `CREATE INDEX "resident_household_idx" ON "resident"  ("household_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "resident_current_shelter_idx" ON "resident"  ("current_shelter_id") `,
    );

    // Hand-written: keys the entities do not declare (residents must not import the shelters lib's entities).
    await queryRunner.query(
      `ALTER TABLE "household" ADD CONSTRAINT "household_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "resident_household_fk" FOREIGN KEY ("household_id") REFERENCES "household"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "resident_current_shelter_fk" FOREIGN KEY ("current_shelter_id") REFERENCES "shelter"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "resident_previous_shelter_fk" FOREIGN KEY ("previous_shelter_id") REFERENCES "shelter"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident" ADD CONSTRAINT "resident_guardian_fk" FOREIGN KEY ("guardian_id") REFERENCES "resident"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "resident_event" ADD CONSTRAINT "resident_event_resident_fk" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "appointment_resident_fk" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE CASCADE`,
    );
    // Retention picks closed cases by the date they closed.
    await queryRunner.query(
      `CREATE INDEX "resident_case_closed_idx" ON "resident" ("case_closed_at") WHERE anonymised_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."resident_case_closed_idx"`);
    for (const [table, key] of [
      ['appointment', 'appointment_resident_fk'],
      ['resident_event', 'resident_event_resident_fk'],
      ['resident', 'resident_guardian_fk'],
      ['resident', 'resident_previous_shelter_fk'],
      ['resident', 'resident_current_shelter_fk'],
      ['resident', 'resident_household_fk'],
      ['household', 'household_shelter_fk'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${key}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."resident_current_shelter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_household_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_name_hash_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_folio_hash_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_passport_hash_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_curp_hash_idx"`);
    await queryRunner.query(`DROP INDEX "public"."resident_tvrh_hash_idx"`);
    await queryRunner.query(`DROP TABLE "resident"`);
    await queryRunner.query(`DROP TYPE "public"."asylum_status"`);
    await queryRunner.query(`DROP TYPE "public"."case_status"`);
    await queryRunner.query(`DROP TYPE "public"."withdrawal_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."legal_basis"`);
    await queryRunner.query(`DROP TYPE "public"."vulnerability"`);
    await queryRunner.query(`DROP TYPE "public"."age_bracket"`);
    await queryRunner.query(`DROP INDEX "public"."resident_event_resident_idx"`);
    await queryRunner.query(`DROP TABLE "resident_event"`);
    await queryRunner.query(`DROP TYPE "public"."resident_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."household_shelter_idx"`);
    await queryRunner.query(`DROP TABLE "household"`);
    await queryRunner.query(`DROP TABLE "crypto_key"`);
    await queryRunner.query(`DROP INDEX "public"."appointment_resident_idx"`);
    await queryRunner.query(`DROP INDEX "public"."appointment_starts_idx"`);
    await queryRunner.query(`DROP TABLE "appointment"`);
    await queryRunner.query(`DROP TYPE "public"."appointment_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."appointment_kind"`);
  }
}
