import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBedsStaysAndOutbox1795641617069 implements MigrationInterface {
  name = 'AddBedsStaysAndOutbox1795641617069';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "availability_outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "shelter_id" uuid NOT NULL, "version" bigint NOT NULL, "public" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_829387b60c38ef2651a81fb0804" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "availability_outbox_created_idx" ON "availability_outbox"  ("created_at") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."assignment_kind" AS ENUM('hold', 'stay')`);
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_end" AS ENUM('checked_out', 'checked_in', 'cancelled', 'expired', 'moved', 'transferred', 'declined')`,
    );
    await queryRunner.query(
      `CREATE TABLE "bed_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "bed_id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "kind" "public"."assignment_kind" NOT NULL, "resident_id" uuid, "population" "public"."population", "group_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "expires_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" "public"."assignment_end", "origin_shelter_id" uuid, "by_user_id" uuid NOT NULL, CONSTRAINT "PK_f9f0de1553bc700187cee0e50d8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "bed_assignment_origin_idx" ON "bed_assignment"  ("origin_shelter_id") WHERE origin_shelter_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "bed_assignment_shelter_idx" ON "bed_assignment"  ("shelter_id") WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bed_assignment_active_person_idx" ON "bed_assignment"  ("resident_id") WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bed_assignment_active_bed_idx" ON "bed_assignment"  ("bed_id") WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."bed_kind" AS ENUM('bed', 'bunk', 'mat', 'crib')`,
    );
    await queryRunner.query(
      `CREATE TABLE "bed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shelter_id" uuid NOT NULL, "room_id" uuid NOT NULL, "label" text NOT NULL, "kind" "public"."bed_kind" NOT NULL, "accessible" boolean NOT NULL DEFAULT false, "population" "public"."population" NOT NULL, "overflow" boolean NOT NULL DEFAULT false, "out_of_service_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_828b3f79eab8a8b1de6b6ed6c5a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bed_room_label_idx" ON "bed"  ("room_id", "label") `,
    );
    await queryRunner.query(`CREATE INDEX "bed_shelter_idx" ON "bed"  ("shelter_id") `);
    await queryRunner.query(
      `CREATE TABLE "room" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shelter_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c6d46db005d623e691b2fbcba23" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "room_shelter_name_idx" ON "room"  ("shelter_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."turnaway_reason" AS ENUM('no_space', 'not_eligible', 'other')`,
    );
    await queryRunner.query(
      `CREATE TABLE "turnaway" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shelter_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "population" "public"."population" NOT NULL, "count" integer NOT NULL, "reason" "public"."turnaway_reason" NOT NULL, "by_user_id" uuid NOT NULL, CONSTRAINT "PK_08fba42dc9de24dc1ba8e346840" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "turnaway_shelter_at_idx" ON "turnaway"  ("shelter_id", "at") `,
    );

    // Hand-written: keys to other libs' tables, which the entities do not declare.
    await queryRunner.query(
      `ALTER TABLE "room" ADD CONSTRAINT "room_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "bed" ADD CONSTRAINT "bed_room_fk" FOREIGN KEY ("room_id") REFERENCES "room"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "bed" ADD CONSTRAINT "bed_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "bed_assignment" ADD CONSTRAINT "bed_assignment_bed_fk" FOREIGN KEY ("bed_id") REFERENCES "bed"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "bed_assignment" ADD CONSTRAINT "bed_assignment_resident_fk" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "turnaway" ADD CONSTRAINT "turnaway_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, key] of [
      ['turnaway', 'turnaway_shelter_fk'],
      ['bed_assignment', 'bed_assignment_resident_fk'],
      ['bed_assignment', 'bed_assignment_bed_fk'],
      ['bed', 'bed_shelter_fk'],
      ['bed', 'bed_room_fk'],
      ['room', 'room_shelter_fk'],
    ]) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${key}"`);
    }
    await queryRunner.query(`DROP INDEX "public"."turnaway_shelter_at_idx"`);
    await queryRunner.query(`DROP TABLE "turnaway"`);
    await queryRunner.query(`DROP TYPE "public"."turnaway_reason"`);
    await queryRunner.query(`DROP INDEX "public"."room_shelter_name_idx"`);
    await queryRunner.query(`DROP TABLE "room"`);
    await queryRunner.query(`DROP INDEX "public"."bed_shelter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bed_room_label_idx"`);
    await queryRunner.query(`DROP TABLE "bed"`);
    await queryRunner.query(`DROP TYPE "public"."bed_kind"`);
    await queryRunner.query(`DROP INDEX "public"."bed_assignment_active_bed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bed_assignment_active_person_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bed_assignment_shelter_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bed_assignment_origin_idx"`);
    await queryRunner.query(`DROP TABLE "bed_assignment"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_end"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_kind"`);
    await queryRunner.query(`DROP INDEX "public"."availability_outbox_created_idx"`);
    await queryRunner.query(`DROP TABLE "availability_outbox"`);
  }
}
