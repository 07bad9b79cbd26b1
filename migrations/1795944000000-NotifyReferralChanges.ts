import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A referral's change reaches every API instance: a trigger NOTIFYs `albergue_referral` on
 * commit with its ids and state (never its reason or alias), whoever wrote it (the lib, the
 * overdue job, an operator's SQL). Each instance's /staff gateway LISTENs and tells its own
 * sockets (libs/referrals ReferralsNotifier).
 */
export class NotifyReferralChanges1795944000000 implements MigrationInterface {
  name = 'NotifyReferralChanges1795944000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION referral_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('albergue_referral', json_build_object(
          'id', NEW.id,
          'version', NEW.version,
          'state', NEW.state,
          'shelterId', NEW.shelter_id,
          'serviceId', NEW.service_id,
          'overdueAt', NEW.overdue_at,
          'previousShelterId', CASE WHEN TG_OP = 'UPDATE' AND OLD.shelter_id <> NEW.shelter_id
                                    THEN OLD.shelter_id END
        )::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER referral_notify_insert AFTER INSERT ON "referral" FOR EACH ROW EXECUTE FUNCTION referral_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER referral_notify_update AFTER UPDATE ON "referral" FOR EACH ROW
       WHEN (OLD.version IS DISTINCT FROM NEW.version OR OLD.state IS DISTINCT FROM NEW.state
             OR OLD.shelter_id IS DISTINCT FROM NEW.shelter_id
             OR OLD.service_id IS DISTINCT FROM NEW.service_id
             OR OLD.overdue_at IS DISTINCT FROM NEW.overdue_at)
       EXECUTE FUNCTION referral_notify()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "referral_notify_update" ON "referral"`);
    await queryRunner.query(`DROP TRIGGER "referral_notify_insert" ON "referral"`);
    await queryRunner.query(`DROP FUNCTION referral_notify()`);
  }
}
