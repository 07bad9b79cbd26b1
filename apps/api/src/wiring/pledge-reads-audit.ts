import { AuditOutcome, AuditService } from '@albergue/audit';
import { PledgeContactReads } from '@albergue/supplies';
import { Injectable } from '@nestjs/common';

/**
 * The app joins what two libs may not: every opening of donors' contacts (supplies) leaves one
 * audit row per pledge (audit), written before the contacts are returned.
 */
@Injectable()
export class PledgeReadsAudit {
  constructor(reads: PledgeContactReads, audit: AuditService) {
    reads.register((read) =>
      audit.recordMany(
        read.pledgeIds.map((pledgeId) => ({
          action: 'supply_pledge.contact.read',
          outcome: AuditOutcome.SUCCEEDED,
          actorId: read.actorId,
          targetType: 'supply_pledge',
          targetId: pledgeId,
          shelterId: read.shelterId,
        })),
      ),
    );
  }
}
