import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The reads that give a sensitive shelter's exact figures beyond the people who work there. */
export type SensitiveRead = 'dailyFigures' | 'networkFigures' | 'bedsModePreview' | 'rooms';

/**
 * The audit of exact figures of a sensitive shelter read by someone who does not work there (a
 * network role, or an admin setting a shelter up), as NetworkSheltersService does for its door:
 * one row per such shelter, ids only, detail `sensitive`.
 */
@Injectable()
export class SensitiveReads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Audits `action`'s read of the sensitive shelters among `shelterIds` the caller does not work
   * in (null: every shelter of the network, in `borough` when one is given).
   */
  async record(
    caller: Caller,
    action: SensitiveRead,
    shelterIds: string[] | null,
    borough: string | null = null,
  ): Promise<void> {
    const others = shelterIds?.filter((id) => !caller.actor.memberships.has(id)) ?? null;
    if (others?.length === 0) {
      return;
    }
    const sensitive = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM shelter WHERE sensitive AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))
          AND ($2::text IS NULL OR address_borough_code = $2)
        ORDER BY id`,
      [others, borough],
    );
    for (const { id } of sensitive) {
      await this.audit.record({
        action,
        outcome: AuditOutcome.SUCCEEDED,
        actorId: caller.actor.userId,
        targetType: 'shelter',
        targetId: id,
        shelterId: id,
        detail: 'sensitive',
        ip: caller.ip,
        requestId: caller.requestId,
      });
    }
  }
}
