import { AuditOutcome, AuditService } from '@albergue/audit';
import {
  type ClusterJob,
  ClusterJobs,
  type JobOutcome,
  Role,
  StaffDirectory,
} from '@albergue/common';
import { ErasureService } from '@albergue/vault';
import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { Appointment } from './appointment.entity.js';
import type { SetCaseStatusInput, WithdrawConsentInput } from './dto/track.input.js';
import { ResidentAccess } from './resident-access.js';
import { ResidentErasures } from './resident-erasures.js';
import type { Caller } from '@albergue/common';
import { ResidentEvent, ResidentEventKind } from './resident-event.entity.js';
import { Resident } from './resident.entity.js';
import { recordHistory } from './resident-history.js';
import { ResidentSealer } from './resident-sealer.js';
import { ResidentViewMapper } from './resident-view.mapper.js';
import type { ResidentEventView, ResidentView } from './resident.views.js';
import {
  AppointmentOutcome,
  CaseStatus,
  LegalBasis,
  WithdrawalOutcome,
} from './residents.enums.js';
import { ResidentsException, ResidentsExceptionCode } from './residents.exception.js';
import { RESIDENTS_OPTIONS, type ResidentsOptions } from './residents.options.js';
import { ResidentsService } from './residents.service.js';

/** A case over time: its status, the legal basis, and the end of the record (anonymisation, erasure). */
/** Residents anonymised per transaction, so that a long backlog does not become one huge statement. */
const RETENTION_BATCH = 500;

const RESIDENT_RETENTION: ClusterJob = { name: 'resident-retention', everyMs: 86_400_000 };

@Injectable()
export class ResidentLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly residents: ResidentsService,
    private readonly sealer: ResidentSealer,
    private readonly access: ResidentAccess,
    private readonly views: ResidentViewMapper,
    private readonly directory: StaffDirectory,
    private readonly audit: AuditService,
    @Inject(RESIDENTS_OPTIONS) private readonly options: ResidentsOptions,
    private readonly jobs: ClusterJobs,
    private readonly erasure: ErasureService,
    private readonly erasures: ResidentErasures,
  ) {}

  async setCaseStatus(caller: Caller, input: SetCaseStatusInput): Promise<ResidentView> {
    await this.dataSource.transaction(async (manager) => {
      const resident = await this.residents.findActive(
        input.residentId,
        manager,
        'input.residentId',
        true,
      );
      const from = resident.caseStatus;
      resident.caseStatus = input.status;
      resident.caseClosedAt =
        input.status === CaseStatus.OPEN ? null : (resident.caseClosedAt ?? new Date());
      await manager.save(resident);
      await recordHistory(manager, this.sealer, {
        residentId: resident.id,
        kind: ResidentEventKind.CASE,
        from,
        to: input.status,
        byUserId: caller.actor.userId,
        reason: input.reason,
      });
    });
    return this.residents.get(caller, input.residentId, 'case-status');
  }

  /** Closes a case as departed inside the caller's transaction (a check-out out of the network). */
  async closeCase(manager: EntityManager, residentId: string, userId: string): Promise<void> {
    const resident = await this.residents.find(residentId, manager, true);
    if (resident.caseStatus !== CaseStatus.OPEN) {
      return;
    }
    await manager.update(
      Resident,
      { id: residentId },
      { caseStatus: CaseStatus.DEPARTED, caseClosedAt: new Date() },
    );
    await recordHistory(manager, this.sealer, {
      residentId,
      kind: ResidentEventKind.CASE,
      from: CaseStatus.OPEN,
      to: CaseStatus.DEPARTED,
      byUserId: userId,
    });
  }

  /**
   * Consent withdrawn: the record is erased at once, or goes on under another basis that the
   * record names (vital or public interest), with who decided and when.
   */
  async withdrawConsent(caller: Caller, input: WithdrawConsentInput): Promise<ResidentView> {
    await this.dataSource.transaction(async (manager) => {
      const resident = await this.residents.findActive(
        input.residentId,
        manager,
        'input.residentId',
        true,
      );
      if (resident.legalBasis !== LegalBasis.CONSENT) {
        throw new ResidentsException(
          'This record does not rest on consent.',
          ResidentsExceptionCode.NOT_CONSENT,
          ['input.residentId'],
        );
      }
      resident.consentWithdrawnAt = new Date();
      resident.withdrawalOutcome = input.outcome;
      if (input.outcome !== WithdrawalOutcome.ERASED) {
        resident.legalBasis =
          input.outcome === WithdrawalOutcome.VITAL_INTEREST
            ? LegalBasis.VITAL_INTEREST
            : LegalBasis.PUBLIC_INTEREST;
      }
      await manager.save(resident);
      await recordHistory(manager, this.sealer, {
        residentId: resident.id,
        kind: ResidentEventKind.CONSENT,
        from: LegalBasis.CONSENT,
        to: input.outcome,
        byUserId: caller.actor.userId,
        reason: input.outcome === WithdrawalOutcome.ERASED ? null : input.reason,
      });
      if (input.outcome === WithdrawalOutcome.ERASED) {
        await this.anonymise(manager, [resident.id], caller.actor.userId);
      }
    });
    return this.residents.get(caller, input.residentId, 'consent');
  }

  /** Erasure on request, at once. */
  async erase(caller: Caller, residentId: string): Promise<ResidentView> {
    await this.dataSource.transaction(async (manager) => {
      await this.residents.find(residentId, manager, true);
      await this.anonymise(manager, [residentId], caller.actor.userId);
    });
    return this.residents.get(caller, residentId, 'erase');
  }

  /** Anonymises closed cases past retention daily, once per cluster; checked hourly, so that restarts do not put it off. */
  @Interval(RESIDENT_RETENTION.name, 3_600_000)
  retentionJob(): Promise<JobOutcome> {
    return this.jobs.once(RESIDENT_RETENTION, () => this.anonymiseExpired());
  }

  /**
   * The retention job: residents whose case closed more than RETENTION_DAYS ago and who have no
   * pending appointment to come. One statement picks and locks them (SKIP LOCKED), so several
   * API instances running it at once anonymise each resident exactly once.
   */
  async anonymiseExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.anonymiseBatch();
      total += batch;
      if (batch < RETENTION_BATCH) {
        return total;
      }
    }
  }

  private async anonymiseBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT r.id FROM resident r
          WHERE r.anonymised_at IS NULL AND r.case_status <> $1
            AND r.case_closed_at < now() - make_interval(days => $2)
            AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.resident_id = r.id AND a.outcome = $3 AND a.starts_at > now())
          LIMIT ${RETENTION_BATCH} FOR UPDATE SKIP LOCKED`,
        [CaseStatus.OPEN, this.options.retentionDays, AppointmentOutcome.PENDING],
      );
      const ids = rows.map((row) => row.id);
      await this.anonymise(manager, ids, null);
      await this.audit.recordMany(
        ids.map((id) => ({
          action: 'resident.anonymise',
          outcome: AuditOutcome.SUCCEEDED,
          targetType: 'resident',
          targetId: id,
          detail: 'retention',
        })),
        manager,
      );
      return ids.length;
    });
  }

  async history(caller: Caller, residentId: string): Promise<ResidentEventView[]> {
    const resident = await this.residents.find(residentId);
    const events = await this.dataSource
      .getRepository(ResidentEvent)
      .find({ where: { residentId }, order: { at: 'ASC', id: 'ASC' } });
    await this.access.recordReads(caller, [resident], 'history');
    // Who did what, by name, for coordinators; a volunteer sees that someone did.
    const names =
      (await this.access.readRole(caller.actor, residentId)) === Role.COORDINATOR
        ? await this.directory.displayNames(events.map((event) => event.byUserId))
        : new Map<string, string>();
    return events.map((event) => this.views.event(event, names.get(event.byUserId) ?? null));
  }

  /** Subject access: everything on record about the person, as JSON. */
  async export(caller: Caller, residentId: string): Promise<string> {
    const resident = await this.residents.find(residentId);
    const role = await this.access.readRole(caller.actor, residentId);
    const events = await this.dataSource
      .getRepository(ResidentEvent)
      .find({ where: { residentId }, order: { at: 'ASC', id: 'ASC' } });
    const appointments = await this.dataSource
      .getRepository(Appointment)
      .find({ where: { residentId }, order: { startsAt: 'ASC' } });
    await this.access.recordReads(caller, [resident], 'subject-access-export');
    const name = this.sealer.open('resident.name', resident.id, resident.nameSealed);
    return JSON.stringify(
      {
        exportedAt: new Date().toISOString(),
        resident: this.views.resident(resident, role),
        history: events.map((event) => this.views.event(event)),
        appointments: appointments.map((appointment) => this.views.appointment(appointment, name)),
      },
      null,
      2,
    );
  }

  private async anonymise(
    manager: EntityManager,
    ids: string[],
    byUserId: string | null,
  ): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    // First the libs that keep records about them end what is open (referrals), so that the
    // vault below empties those records too and nothing goes on being written about them.
    await this.erasures.erased(manager, ids, byUserId);
    // Every sealed value about them and its look-up hash, in residents' tables and any other
    // lib's that declared values about a resident to the vault.
    await this.erasure.empty(manager, 'resident', ids);
    await manager.query(
      `UPDATE resident SET tvrh_issued_on = NULL, tvrh_expires_on = NULL, guardian_id = NULL,
         vulnerabilities = '{}', anonymised_at = now()
       WHERE id = ANY($1)`,
      [ids],
    );
    // Detached from the people they came with, so that the household does not point to them.
    await manager.query('UPDATE resident SET guardian_id = NULL WHERE guardian_id = ANY($1)', [
      ids,
    ]);
    await manager.query('UPDATE household SET head_id = NULL WHERE head_id = ANY($1)', [ids]);
  }
}
