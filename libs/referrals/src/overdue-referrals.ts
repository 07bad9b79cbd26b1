import { isoWithOffset } from '@albergue/common';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shortReference } from './referral-view.mapper.js';
import { ReferralState } from './referrals.enums.js';
import { REFERRALS_OPTIONS, type ReferralsOptions } from './referrals.options.js';

/** A referral overdue now, as the overdue view lists it: ids, state and times, nothing clinical. */
@ObjectType({
  description:
    'A sent referral unanswered past its answer time: ids and times only, never the reason, category or the person.',
})
export class OverdueReferralView {
  @Field(() => ID)
  id: string;

  @Field({
    description:
      "The referral's short reference (the first 8 characters of its id), as ReferralView.reference: the one the slip prints.",
  })
  reference: string;

  @Field(() => Int)
  version: number;

  @Field(() => ReferralState)
  state: ReferralState;

  @Field(() => ID, { description: 'The shelter following it.' })
  shelterId: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The service it is sent to: for the shelter's health workers and the service's staff; null for coordinators, who never learn the service.",
  })
  serviceId: string | null;

  @Field(() => String, { description: 'ISO 8601 with the offset of TIME_ZONE.' })
  sentAt: string;

  @Field(() => String, { description: 'When an answer was owed.' })
  answerDueAt: string;

  @Field(() => String, { description: 'When it was announced overdue (once).' })
  overdueAt: string;
}

export interface OverdueRow {
  id: string;
  version: number;
  state: ReferralState;
  shelterId: string;
  serviceId: string;
  sentAt: Date;
  answerDueAt: Date;
  overdueAt: Date;
}

/** Referrals overdue now: the overdue view's list and what a /staff socket is told on connecting. */
@Injectable()
export class OverdueReferrals {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REFERRALS_OPTIONS) private readonly options: ReferralsOptions,
  ) {}

  /** Followed by these shelters or sent to these services, oldest answer time first. */
  rows(shelterIds: string[], serviceIds: string[]): Promise<OverdueRow[]> {
    if (shelterIds.length === 0 && serviceIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.dataSource.query<OverdueRow[]>(
      `SELECT id, version, state, shelter_id AS "shelterId", service_id AS "serviceId",
              sent_at AS "sentAt", answer_due_at AS "answerDueAt", overdue_at AS "overdueAt"
         FROM referral
        WHERE state = $1 AND overdue_at IS NOT NULL
          AND (shelter_id = ANY($2::uuid[]) OR service_id = ANY($3::uuid[]))
        ORDER BY answer_due_at, id`,
      [ReferralState.SENT, shelterIds, serviceIds],
    );
  }

  /** `withService`: the caller may learn the service (health workers, the service's staff). */
  async list(
    shelterIds: string[],
    serviceIds: string[],
    withService: boolean,
  ): Promise<OverdueReferralView[]> {
    const at = (date: Date) => isoWithOffset(date, this.options.timeZone);
    return (await this.rows(shelterIds, serviceIds)).map((row) => ({
      id: row.id,
      reference: shortReference(row.id),
      version: row.version,
      state: row.state,
      shelterId: row.shelterId,
      serviceId: withService ? row.serviceId : null,
      sentAt: at(row.sentAt),
      answerDueAt: at(row.answerDueAt),
      overdueAt: at(row.overdueAt),
    }));
  }
}
