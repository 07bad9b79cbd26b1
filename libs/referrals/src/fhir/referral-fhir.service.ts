import { AuditOutcome, AuditService } from '@albergue/audit';
import type { Caller } from '@albergue/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HealthService } from '../health-service.entity.js';
import { ReferralSealer } from '../referral-sealer.js';
import { Referral } from '../referral.entity.js';
import { accessOf, readsName, readsReason } from '../referral-view.mapper.js';
import { ReferralAccess } from '../referral.views.js';
import { ReferralsException, ReferralsExceptionCode } from '../referrals.exception.js';
import { referralBundle } from './referral-fhir.mapping.js';

/** The purpose written on the audit rows of an export. */
export const FHIR_EXPORT_PURPOSE = 'fhir-export';

/**
 * A referral as a FHIR R4 Bundle (referralBundle), for the health workers of the shelter
 * following it and the staff of its service (the guard checks both scopes). Every export leaves
 * an audit row; opening the clinical reason for it leaves one more (ids and purpose only).
 */
@Injectable()
export class ReferralFhirService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: ReferralSealer,
    private readonly audit: AuditService,
  ) {}

  async export(caller: Caller, id: string, now = new Date()): Promise<string> {
    const referral = await this.dataSource.getRepository(Referral).findOneBy({ id });
    if (!referral) {
      throw new ReferralsException('No such referral.', ReferralsExceptionCode.REFERRAL_NOT_FOUND);
    }
    // Who may export: the mapper's one decision (a draft is not the service's yet).
    const access = accessOf(caller.actor, referral);
    if (access !== ReferralAccess.HEALTH && access !== ReferralAccess.SERVICE) {
      throw new ReferralsException('No such referral.', ReferralsExceptionCode.REFERRAL_NOT_FOUND);
    }
    const service = await this.dataSource
      .getRepository(HealthService)
      .findOneByOrFail({ id: referral.serviceId });
    const shares = referral.shares;
    // What goes in is what leaves for the service, whoever exports: the consent's shares as the
    // service's staff read them (the mapper's helpers).
    const reason = readsReason(ReferralAccess.SERVICE, referral)
      ? this.sealer.open('referral.reason', referral.id, referral.reasonSealed)
      : null;
    const alias = readsName(ReferralAccess.SERVICE, referral)
      ? this.sealer.open('referral.alias', referral.id, referral.aliasSealed)
      : null;
    const entry = {
      outcome: AuditOutcome.SUCCEEDED,
      actorId: caller.actor.userId,
      targetType: 'referral',
      targetId: referral.id,
      shelterId: referral.shelterId,
      detail: FHIR_EXPORT_PURPOSE,
      ip: caller.ip,
      requestId: caller.requestId,
    };
    await this.audit.recordMany([
      { ...entry, action: 'referral.fhirExport' },
      ...(reason !== null ? [{ ...entry, action: 'referral.reason.read' }] : []),
    ]);
    const bundle = referralBundle(
      {
        id: referral.id,
        state: referral.state,
        urgency: referral.urgency,
        category: referral.category,
        shares,
        fromShelterId: referral.fromShelterId,
        serviceId: referral.serviceId,
        serviceName: service.name,
        alias,
        ageBracket: referral.ageBracket,
        languages: referral.languages,
        reason,
        rejectReason: referral.rejectReason,
        outcome: referral.outcome,
        notCompletedReason: referral.notCompletedReason,
        sentAt: referral.sentAt,
        answeredAt: referral.answeredAt,
        scheduledFor: referral.scheduledFor,
        completedAt: referral.completedAt,
        closedAt: referral.closedAt,
        updatedAt: referral.updatedAt,
      },
      now,
    );
    return JSON.stringify(bundle);
  }
}
