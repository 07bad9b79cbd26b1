import type { MigrationInterface, QueryRunner } from 'typeorm';

const notify = (escort: boolean) => `CREATE OR REPLACE FUNCTION referral_notify() RETURNS trigger
  LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('albergue_referral', json_build_object(
          'id', NEW.id,
          'version', NEW.version,
          'state', NEW.state,
          'shelterId', NEW.shelter_id,
          'serviceId', NEW.service_id,
          'overdueAt', NEW.overdue_at,
          'previousShelterId', CASE WHEN TG_OP = 'UPDATE' AND OLD.shelter_id <> NEW.shelter_id
                                    THEN OLD.shelter_id END${escort ? `,\n          'escort', NEW.needs_escort` : ''}
        )::text);
        RETURN NULL;
      END $$`;

/**
 * A referral's notification says whether someone must escort the person to it (`escort`,
 * `needs_escort`): the shelter's volunteers, who escort, hear that an escort changed (its ids and
 * version only: libs/referrals escortMessageOf) and read its when and where again. Still never
 * its reason, alias or category.
 */
export class NotifyReferralEscorts1795947300000 implements MigrationInterface {
  name = 'NotifyReferralEscorts1795947300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(notify(true));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(notify(false));
  }
}
