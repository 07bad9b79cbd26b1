import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Health referrals (libs/referrals): the health services directory with its capacity status,
 * service staff (a scope beside shelters: service_membership, in the auth lib), referrals with
 * their sealed free text and dated history, and field visits' memberships that end by themselves
 * (membership.expires_at).
 */
export class AddHealthReferrals1795940000000 implements MigrationInterface {
  name = 'AddHealthReferrals1795940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "service_membership" ("user_id" uuid NOT NULL, "service_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c565024419fdf4422ec9be20029" PRIMARY KEY ("user_id", "service_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "service_membership_service_idx" ON "service_membership" ("service_id")`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."service_category" AS ENUM('clinic', 'hospital', 'mobile_clinic', 'sexual_reproductive_health', 'mental_health', 'dental', 'pharmacy', 'legal_medical_certification', 'other')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."service_cost" AS ENUM('free', 'fee')`);
    await queryRunner.query(
      `CREATE TYPE "public"."service_requirement" AS ENUM('no_id_needed', 'any_id', 'mexican_id_only', 'curp_needed', 'appointment_needed', 'referral_letter_needed')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reported_capacity" AS ENUM('accepting', 'waitlist', 'not_accepting')`,
    );
    await queryRunner.query(
      `CREATE TABLE "health_service" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "name" text NOT NULL, "category" "public"."service_category" NOT NULL, "public" boolean NOT NULL DEFAULT false, "sensitive" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "street" text, "borough_code" text, "lat" double precision, "lng" double precision, "phone" text, "hours" jsonb, "languages" text array NOT NULL DEFAULT '{}', "cost" "public"."service_cost" NOT NULL DEFAULT 'free', "requirements" "public"."service_requirement" array NOT NULL DEFAULT '{}', "populations" "public"."population" array NOT NULL DEFAULT '{}', "capacity_status" "public"."reported_capacity", "wait_days" integer, "capacity_reported_at" TIMESTAMP WITH TIME ZONE, "capacity_reported_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bfabe3066e7ef1cf3e15ec913e9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "health_service_organisation_idx" ON "health_service" ("organisation_id")`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_state" AS ENUM('draft', 'sent', 'accepted', 'rejected', 'scheduled', 'completed', 'not_completed', 'closed', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral_event" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "resident_id" uuid, "from_state" "public"."referral_state", "to_state" "public"."referral_state" NOT NULL, "detail" text, "note_sealed" text, "by_user_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f356dbe2fffc9e93b0132e1216" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_event_referral_idx" ON "referral_event" ("referral_id", "at")`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_category" AS ENUM('injury', 'acute_illness', 'chronic_illness', 'child_health', 'maternal_health', 'sexual_reproductive_health', 'violence', 'mental_health', 'dental', 'medicines', 'certification', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_urgency" AS ENUM('emergency', 'urgent', 'routine')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_basis" AS ENUM('consent', 'vital_interest')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_share" AS ENUM('reason_with_service', 'name_with_service', 'outcome_with_shelter')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."capacity_override" AS ENUM('emergency', 'called_and_agreed')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."reject_reason" AS ENUM('no_capacity', 'not_eligible', 'wrong_service', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."referral_outcome" AS ENUM('treated', 'referred_on', 'follow_up_needed')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."not_completed_reason" AS ENUM('no_show', 'moved_on', 'refused', 'not_contacted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "referral" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "resident_id" uuid, "alias_sealed" text, "age_bracket" "public"."age_bracket", "sex_at_birth_sealed" text, "languages" text array NOT NULL DEFAULT '{}', "population" "public"."population", "from_shelter_id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "field_visit" boolean NOT NULL DEFAULT false, "service_id" uuid NOT NULL, "category" "public"."referral_category" NOT NULL, "urgency" "public"."referral_urgency" NOT NULL, "state" "public"."referral_state" NOT NULL DEFAULT 'draft', "reason_sealed" text, "interpreter_language" text, "needs_escort" boolean NOT NULL DEFAULT false, "needs_transport" boolean NOT NULL DEFAULT false, "basis" "public"."referral_basis" NOT NULL, "basis_by" uuid NOT NULL, "consent_language" text, "shares" "public"."referral_share" array NOT NULL DEFAULT '{}', "capacity_override" "public"."capacity_override", "sent_at" TIMESTAMP WITH TIME ZONE, "answer_due_at" TIMESTAMP WITH TIME ZONE, "overdue_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "reject_reason" "public"."reject_reason", "scheduled_for" TIMESTAMP WITH TIME ZONE, "place_sealed" text, "outcome" "public"."referral_outcome", "not_completed_reason" "public"."not_completed_reason", "note_sealed" text, "completed_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_due_idx" ON "referral" ("answer_due_at") WHERE state = 'sent' AND overdue_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "referral_resident_idx" ON "referral" ("resident_id")`);
    await queryRunner.query(
      `CREATE INDEX "referral_service_state_idx" ON "referral" ("service_id", "state")`,
    );
    await queryRunner.query(
      `CREATE INDEX "referral_shelter_state_idx" ON "referral" ("shelter_id", "state")`,
    );
    await queryRunner.query(`ALTER TABLE "membership" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "service_membership" ADD CONSTRAINT "service_membership_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_membership" ADD CONSTRAINT "service_membership_service_fk" FOREIGN KEY ("service_id") REFERENCES "health_service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_service" ADD CONSTRAINT "health_service_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral_event" ADD CONSTRAINT "referral_event_referral_fk" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "referral_resident_fk" FOREIGN KEY ("resident_id") REFERENCES "resident"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "referral_from_shelter_fk" FOREIGN KEY ("from_shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "referral_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "referral" ADD CONSTRAINT "referral_service_fk" FOREIGN KEY ("service_id") REFERENCES "health_service"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "referral_service_fk"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "referral_shelter_fk"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "referral_from_shelter_fk"`);
    await queryRunner.query(`ALTER TABLE "referral" DROP CONSTRAINT "referral_resident_fk"`);
    await queryRunner.query(
      `ALTER TABLE "referral_event" DROP CONSTRAINT "referral_event_referral_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "health_service" DROP CONSTRAINT "health_service_organisation_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_membership" DROP CONSTRAINT "service_membership_service_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "service_membership" DROP CONSTRAINT "service_membership_user_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."referral_shelter_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_service_state_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_resident_idx"`);
    await queryRunner.query(`DROP INDEX "public"."referral_due_idx"`);
    await queryRunner.query(`DROP TABLE "referral"`);
    await queryRunner.query(`DROP TYPE "public"."not_completed_reason"`);
    await queryRunner.query(`DROP TYPE "public"."referral_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."reject_reason"`);
    await queryRunner.query(`DROP TYPE "public"."capacity_override"`);
    await queryRunner.query(`DROP TYPE "public"."referral_share"`);
    await queryRunner.query(`DROP TYPE "public"."referral_basis"`);
    await queryRunner.query(`DROP TYPE "public"."referral_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."referral_category"`);
    await queryRunner.query(`DROP INDEX "public"."referral_event_referral_idx"`);
    await queryRunner.query(`DROP TABLE "referral_event"`);
    await queryRunner.query(`DROP TYPE "public"."referral_state"`);
    await queryRunner.query(`DROP INDEX "public"."health_service_organisation_idx"`);
    await queryRunner.query(`DROP TABLE "health_service"`);
    await queryRunner.query(`DROP TYPE "public"."reported_capacity"`);
    await queryRunner.query(`DROP TYPE "public"."service_requirement"`);
    await queryRunner.query(`DROP TYPE "public"."service_cost"`);
    await queryRunner.query(`DROP TYPE "public"."service_category"`);
    await queryRunner.query(`DROP INDEX "public"."service_membership_service_idx"`);
    await queryRunner.query(`DROP TABLE "service_membership"`);
  }
}
