import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateShelterDirectory1795637168146 implements MigrationInterface {
  name = 'CreateShelterDirectory1795637168146';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Nearest-shelter search: earthdistance (over cube) puts points on the earth's surface, and a
    // GiST index on the public point serves both the radius filter (earth_box) and the
    // nearest-first order (cube's KNN operator <->). Both extensions are trusted since PostgreSQL 13.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS cube`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS earthdistance`);
    await queryRunner.query(
      `CREATE TABLE "request_log" ("request_id" uuid NOT NULL, "operation" text NOT NULL, "payload_hash" text NOT NULL, "result_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df61f31bdc6b83cca605278005b" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('ngo', 'church', 'municipality', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "phone" text, "email" text, "website" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."shelter_status" AS ENUM('open', 'full', 'closed', 'temporarily_closed')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."population" AS ENUM('men', 'women', 'families', 'lgbtq', 'unaccompanied_minors')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."shelter_service" AS ENUM('meals', 'showers', 'legal_aid', 'medical', 'psychosocial', 'internet', 'phone_charging')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."tracking_mode" AS ENUM('counts', 'beds')`);
    await queryRunner.query(
      `CREATE TABLE "shelter" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "name" text NOT NULL, "status" "public"."shelter_status" NOT NULL DEFAULT 'open', "sensitive" boolean NOT NULL DEFAULT false, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "public_lat" double precision NOT NULL, "public_lng" double precision NOT NULL, "populations" "public"."population" array NOT NULL DEFAULT '{}', "services" "public"."shelter_service" array NOT NULL DEFAULT '{}', "languages" text array NOT NULL DEFAULT '{}', "opening_hours" text, "tracking_mode" "public"."tracking_mode" NOT NULL DEFAULT 'counts', "availability_version" bigint NOT NULL DEFAULT '0', "availability_confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "address_street" text, "address_neighbourhood" text, "address_borough" text, "address_city" text, "address_state" text, "address_postal_code" text, "contact_phone" text, "contact_whatsapp" text, "contact_email" text, "eligibility_id_required" boolean NOT NULL DEFAULT false, "eligibility_pets_allowed" boolean NOT NULL DEFAULT false, "eligibility_wheelchair_accessible" boolean NOT NULL DEFAULT false, "eligibility_max_stay_days" integer, "eligibility_curfew" text, CONSTRAINT "PK_fa71ea731c766e25af6c091a31f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "shelter_organisation_idx" ON "shelter"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "shelter_capacity" ("shelter_id" uuid NOT NULL, "population" "public"."population" NOT NULL, "total_beds" integer NOT NULL DEFAULT '0', "free_beds" integer NOT NULL DEFAULT '0', "overflow_total" integer NOT NULL DEFAULT '0', "overflow_free" integer NOT NULL DEFAULT '0', CONSTRAINT "shelter_capacity_overflow_check" CHECK (overflow_free >= 0 AND overflow_free <= overflow_total), CONSTRAINT "shelter_capacity_beds_check" CHECK (free_beds >= 0 AND free_beds <= total_beds), CONSTRAINT "PK_49b78058396a1d06e2fb502dbc8" PRIMARY KEY ("shelter_id", "population"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter" ADD CONSTRAINT "FK_190a178c5802677af92b724eadf" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE INDEX "shelter_public_point_idx" ON "shelter" USING gist (ll_to_earth("public_lat", "public_lng"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter_capacity" ADD CONSTRAINT "FK_6db734ca70c86cfe04279083656" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "shelter_capacity" DROP CONSTRAINT "FK_6db734ca70c86cfe04279083656"`,
    );
    await queryRunner.query(
      `ALTER TABLE "shelter" DROP CONSTRAINT "FK_190a178c5802677af92b724eadf"`,
    );
    await queryRunner.query(`DROP TABLE "shelter_capacity"`);
    await queryRunner.query(`DROP INDEX "public"."shelter_public_point_idx"`);
    await queryRunner.query(`DROP INDEX "public"."shelter_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "shelter"`);
    await queryRunner.query(`DROP TYPE "public"."tracking_mode"`);
    await queryRunner.query(`DROP TYPE "public"."shelter_service"`);
    await queryRunner.query(`DROP TYPE "public"."population"`);
    await queryRunner.query(`DROP TYPE "public"."shelter_status"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
    await queryRunner.query(`DROP TABLE "request_log"`);
    // The extensions stay: other objects in the database may use them.
  }
}
