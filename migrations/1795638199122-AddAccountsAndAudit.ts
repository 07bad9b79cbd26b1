import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountsAndAudit1795638199122 implements MigrationInterface {
  name = 'AddAccountsAndAudit1795638199122';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."audit_outcome" AS ENUM('succeeded', 'failed', 'denied')`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "outcome" "public"."audit_outcome" NOT NULL, "target_type" text, "target_id" text, "shelter_id" uuid, "detail" text, "ip" text, "request_id" text, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entry_target_idx" ON "audit_entry"  ("target_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entry_actor_idx" ON "audit_entry"  ("actor_id", "at") `,
    );
    await queryRunner.query(`CREATE INDEX "audit_entry_at_idx" ON "audit_entry"  ("at") `);
    await queryRunner.query(
      `CREATE TABLE "session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a83507eb0338ac037780e02f2b9" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(`CREATE INDEX "session_user_idx" ON "session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."network_role" AS ENUM('network_coordinator', 'admin')`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "preferred_language" text NOT NULL DEFAULT 'es', "active" boolean NOT NULL DEFAULT true, "network_role" "public"."network_role", "password_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "app_user_email_idx" ON "app_user"  ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."shelter_role" AS ENUM('volunteer', 'coordinator', 'health_worker')`,
    );
    await queryRunner.query(
      `CREATE TABLE "membership" ("user_id" uuid NOT NULL, "shelter_id" uuid NOT NULL, "role" "public"."shelter_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_75aaaddb993b68e3189e08b74a2" PRIMARY KEY ("user_id", "shelter_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."password_token_purpose" AS ENUM('setup', 'reset')`,
    );
    await queryRunner.query(
      `CREATE TABLE "password_token" ("token_hash" text NOT NULL, "purpose" "public"."password_token_purpose" NOT NULL, "user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_207f5644a9050a7450fa999270c" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    // Hand-written: keys the entities do not declare (auth must not import the shelters lib).
    await queryRunner.query(
      `ALTER TABLE "membership" ADD CONSTRAINT "membership_shelter_fk" FOREIGN KEY ("shelter_id") REFERENCES "shelter"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX "membership_shelter_idx" ON "membership" ("shelter_id")`);
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "password_token" ADD CONSTRAINT "password_token_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE`,
    );

    // Failed-login counts per account (hashed email) and per address, shared by every API instance.
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key" text PRIMARY KEY, "failures" integer NOT NULL, "window_start" timestamptz NOT NULL, "locked_until" timestamptz)`,
    );

    // The audit log is append-only: UPDATE, DELETE and TRUNCATE are refused, except the
    // retention purge, which says so with SET LOCAL albergue.audit_purge = 'on' and audits itself.
    await queryRunner.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' AND current_setting('albergue.audit_purge', true) = 'on' THEN
                    RETURN OLD;
                END IF;
                RAISE EXCEPTION 'audit_entry is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_change" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(
      `ALTER TABLE "password_token" DROP CONSTRAINT "password_token_user_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_user_fk"`);
    await queryRunner.query(`DROP INDEX "public"."membership_shelter_idx"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP CONSTRAINT "membership_shelter_fk"`);
    await queryRunner.query(
      `ALTER TABLE "membership" DROP CONSTRAINT "FK_e9c72e8d29784031c96f5c6af8d"`,
    );
    await queryRunner.query(`DROP TABLE "password_token"`);
    await queryRunner.query(`DROP TYPE "public"."password_token_purpose"`);
    await queryRunner.query(`DROP TABLE "membership"`);
    await queryRunner.query(`DROP TYPE "public"."shelter_role"`);
    await queryRunner.query(`DROP INDEX "public"."app_user_email_idx"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."network_role"`);
    await queryRunner.query(`DROP INDEX "public"."session_user_idx"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_actor_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_target_idx"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TYPE "public"."audit_outcome"`);
  }
}
